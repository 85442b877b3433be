import TillCore

/// One application identifier and its data, with its meaning decoded where the till uses it.
public struct GS1Element: Hashable, Sendable {
    public var ai: String
    public var data: String

    public init(ai: String, data: String) {
        self.ai = ai
        self.data = data
    }

    public var title: String { GS1AI.title(ai) }

    /// "(17) 261231" — GS1's human-readable form.
    public var humanReadable: String { "(\(ai)) \(data)" }

    /// (310x) net weight in kilograms with x decimals, as a till quantity in thousandths of a kg.
    /// More than three decimals are rounded half up to the gram.
    public var netWeightKilograms: Quantity? {
        guard ai.count == 4, ai.hasPrefix("310"), let decimals = Int(ai.suffix(1)), decimals <= 5,
              data.count == 6, let value = Int64(data) else { return nil }
        switch decimals {
        case 0...3:
            var scale: Int64 = 1
            for _ in decimals..<3 { scale *= 10 }
            return Quantity(thousandths: value * scale)
        default:
            let divisor: Int64 = decimals == 4 ? 10 : 100
            return Quantity(thousandths: (value + divisor / 2) / divisor)
        }
    }

    /// A YYMMDD date AI ((11), (13), (15), (16), (17)) as a calendar date, "2026-12-31".
    /// Day 00 means "end of month" in GS1; it is shown as such.
    public var date: String? {
        guard ["11", "13", "15", "16", "17"].contains(ai), data.count == 6, data.isAllASCIIDigits else { return nil }
        let d = data.digitValues
        let yy = d[0] * 10 + d[1], mm = d[2] * 10 + d[3], dd = d[4] * 10 + d[5]
        // GS1 sliding century: 51..99 years ahead means the previous century. Fine until 2050.
        let year = yy >= 51 ? 1900 + yy : 2000 + yy
        let month = mm < 10 ? "0\(mm)" : "\(mm)"
        if dd == 0 { return "\(year)-\(month) (end of month)" }
        return "\(year)-\(month)-\(dd < 10 ? "0\(dd)" : "\(dd)")"
    }
}
