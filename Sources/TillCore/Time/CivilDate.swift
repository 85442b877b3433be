/// A calendar date (proleptic Gregorian), from days since 1970-01-01.
/// Conversion after Howard Hinnant's public-domain `civil_from_days` / `days_from_civil`.
public struct CivilDate: Hashable, Sendable, Codable, Comparable {
    public var year: Int64
    public var month: Int64
    public var day: Int64

    public init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(daysSinceEpoch z0: Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var daysSinceEpoch: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// "2026-11-23".
    public var text: String {
        var y = String(year)
        while y.count < 4 { y = "0" + y }
        return y + "-" + twoDigits(month) + "-" + twoDigits(day)
    }

    /// "261123": the form used inside receipt codes.
    public var compactText: String {
        twoDigits(year % 100) + twoDigits(month) + twoDigits(day)
    }

    /// Parses "2026-11-23".
    public init?(parsing text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
        guard CivilDate(daysSinceEpoch: daysSinceEpoch) == self else { return nil }
    }
}
