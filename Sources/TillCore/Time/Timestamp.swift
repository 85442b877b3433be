/// A moment as whole seconds since 1970-01-01 UTC. The core never reads a clock: every action
/// that needs the time is given it.
public struct Timestamp: Hashable, Sendable, Codable, Comparable {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    public func adding(seconds delta: Int64) -> Timestamp { Timestamp(seconds: seconds + delta) }

    /// The local calendar date at a fixed UTC offset (the shop's, from configuration).
    public func civilDate(utcOffsetSeconds: Int64) -> CivilDate {
        CivilDate(daysSinceEpoch: floorDiv(seconds + utcOffsetSeconds, 86_400))
    }

    /// "2026-11-23 14:05" at the given offset.
    public func localText(utcOffsetSeconds: Int64) -> String {
        let local = seconds + utcOffsetSeconds
        let secondOfDay = local - floorDiv(local, 86_400) * 86_400
        let hh = secondOfDay / 3600, mm = (secondOfDay % 3600) / 60
        return civilDate(utcOffsetSeconds: utcOffsetSeconds).text + " " + twoDigits(hh) + ":" + twoDigits(mm)
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
