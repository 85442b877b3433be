import TillCore

/// `[report.refunds]`: the refund report's thresholds, each a whole number within its documented
/// range (`till config defaults`); a missing key takes `RefundThresholds`' default.
enum RefundReportSettings {
    struct Table: Codable {
        var refunds: Refunds?
    }
    struct Refunds: Codable {
        var no_receipt_share_percent: Int?
        var no_receipt_minimum: Int?
        var soon_after_sale_minutes: Int?
        var soon_after_sale_minimum: Int?
        var under_limit_percent: Int?
        var under_limit_minimum: Int?
    }

    static let noReceiptSharePercent = 100...100_000
    static let minimum = 1...1_000_000
    /// At most a week.
    static let soonAfterSaleMinutes = 0...10_080
    static let underLimitPercent = 0...100

    static func resolve(_ file: Refunds?) throws -> RefundThresholds {
        var t = RefundThresholds()
        func take(_ key: String, _ value: Int?, _ range: ClosedRange<Int>, _ path: WritableKeyPath<RefundThresholds, Int64>) throws {
            guard let value else { return }
            guard range.contains(value) else {
                throw CLIError.badSetting("report.refunds.\(key)", value: String(value),
                                          expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            t[keyPath: path] = Int64(value)
        }
        try take("no_receipt_share_percent", file?.no_receipt_share_percent, noReceiptSharePercent, \.noReceiptSharePercent)
        try take("no_receipt_minimum", file?.no_receipt_minimum, minimum, \.noReceiptMinimum)
        try take("soon_after_sale_minutes", file?.soon_after_sale_minutes, soonAfterSaleMinutes, \.soonAfterSaleMinutes)
        try take("soon_after_sale_minimum", file?.soon_after_sale_minimum, minimum, \.soonAfterSaleMinimum)
        try take("under_limit_percent", file?.under_limit_percent, underLimitPercent, \.underLimitPercent)
        try take("under_limit_minimum", file?.under_limit_minimum, minimum, \.underLimitMinimum)
        return t
    }
}
