import TillCore

extension ResolvedConfiguration {
    /// `[shop] code` (one to four digits, "0001" by default).
    static func shopCode(_ text: String?) throws -> ShopCode {
        guard let text else { return .standard }
        guard let code = ShopCode(parsing: text) else {
            throw CLIError.badSetting("shop.code", value: text, expected: "one to four digits, not all zero, e.g. \"0001\"")
        }
        return code
    }

    /// `[central]`'s cross-till settings: the policy the core applies and the look-up timeout.
    static func crossTill(_ table: TillConfiguration.Central?,
                          money: (String, String?, Int64) throws -> Int64) throws -> (policy: CentralPolicy, timeoutMs: Int) {
        let timeout = table?.lookup_timeout_ms ?? ConfigRanges.defaultCentralLookupTimeoutMs
        guard ConfigRanges.centralLookupTimeoutMs.contains(timeout) else {
            let range = ConfigRanges.centralLookupTimeoutMs
            throw CLIError.badSetting("central.lookup_timeout_ms", value: String(timeout),
                                      expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        let offline = OfflineRefundPolicy(
            enabled: table?.offline_refunds ?? false,
            perRefundLimitMinor: try money("central.offline_refund_limit", table?.offline_refund_limit, 10_000),
            perShiftLimitMinor: try money("central.offline_shift_limit", table?.offline_shift_limit, 30_000))
        return (CentralPolicy(configured: table?.url != nil, offlineRefunds: offline), timeout)
    }
}
