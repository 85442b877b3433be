/// A fixed UTC offset as the configuration writes it ("+08:00", "-05:30") and as messages show
/// it beside a local time ("UTC+08:00"; "UTC" for zero).
public enum UTCOffsetText {
    /// The largest offset in use anywhere (UTC+14:00 and UTC−12:00 are the extremes).
    public static let maximumSeconds: Int64 = 14 * 3600

    /// "UTC", "UTC+08:00", "UTC-05:30".
    public static func format(_ seconds: Int64) -> String {
        guard seconds != 0 else { return "UTC" }
        let magnitude = seconds.magnitude
        let hours = magnitude / 3600, minutes = (magnitude % 3600) / 60
        return "UTC" + (seconds < 0 ? "-" : "+") + pad(hours) + ":" + pad(minutes)
    }

    /// "+08:00" or "-05:00" (hours at most 14, minutes below 60), else nil.
    public static func parse(_ text: String) -> Int64? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let parts = text.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let h = Int64(parts[0]), let m = Int64(parts[1]), h <= 14, m < 60 else { return nil }
        let seconds = h * 3600 + m * 60
        guard seconds <= maximumSeconds else { return nil }
        return sign == "-" ? -seconds : seconds
    }

    private static func pad(_ value: UInt64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
