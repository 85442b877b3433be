/// Tells a keyboard-wedge scan from a person typing, on the screen's own keyboard input. A
/// scanner types a whole code in a burst (a few ms between keys) and ends it with Enter; a
/// person, even a fast one, leaves 50 ms or more between keys. Keys are held back only while
/// they could still be a scan: as soon as a gap is longer than the threshold they are released
/// as typing, so a person sees their keys with at most `maxGapMs` delay.
public struct WedgeBurstDetector: Sendable {
    public enum Output: Hashable, Sendable {
        /// A scan: the text before Enter and the gaps between its keys (ms, up to the Enter).
        case scan(String, keyGapsMs: [Double])
        /// Keys a person typed, to be handled as ordinary input, in order.
        case typed([Character])
    }

    /// Longest gap between keys inside a scan.
    public var maxGapMs: Double
    /// Shortest scan: shorter bursts ending in Enter are typing (a person can hit "1" Enter fast).
    public var minLength: Int

    private var held: [Character] = []
    private var times: [UInt64] = []

    public init(maxGapMs: Double = 30, minLength: Int = 4) {
        self.maxGapMs = maxGapMs
        self.minLength = minLength
    }

    /// One key at monotonic time `at` (ns). "\r" or "\n" is Enter.
    public mutating func key(_ c: Character, at now: UInt64) -> [Output] {
        var out = expire(now: now)
        if c == "\r" || c == "\n" || c == "\r\n" {
            let gaps = zip(times.dropFirst() + [now], times).map { Double($0 &- $1) / 1_000_000 }
            if held.count >= minLength, gaps.allSatisfy({ $0 <= maxGapMs }) {
                out.append(.scan(String(held), keyGapsMs: gaps))
            } else {
                out.append(.typed(held + [c]))
            }
            held = []
            times = []
            return out
        }
        held.append(c)
        times.append(now)
        return out
    }

    /// Call when no key came for a while (the screen's input timeout): releases held keys once
    /// the gap since the last one is too long for a scan.
    public mutating func tick(now: UInt64) -> [Output] { expire(now: now) }

    /// Whether keys are being held back (the screen should call `tick` within `maxGapMs`).
    public var isHolding: Bool { !held.isEmpty }

    private mutating func expire(now: UInt64) -> [Output] {
        guard let last = times.last, Double(now &- last) / 1_000_000 > maxGapMs else { return [] }
        defer { held = []; times = [] }
        return [.typed(held)]
    }
}
