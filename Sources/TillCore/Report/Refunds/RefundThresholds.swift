/// When the refund report raises a flag (`[report.refunds]` in the configuration). Whole numbers
/// only, so that a flag fires at exactly the documented point.
public struct RefundThresholds: Hashable, Sendable {
    /// A clerk is flagged when their share of refunds made without receipt is at least this many
    /// percent of the shop's share (200: twice the shop's) …
    public var noReceiptSharePercent: Int64
    /// … and they made at least this many refunds without receipt.
    public var noReceiptMinimum: Int64
    /// A refund (or post-void) within this many minutes of its sale is "soon after the sale" …
    public var soonAfterSaleMinutes: Int64
    /// … and a clerk is flagged with at least this many of them.
    public var soonAfterSaleMinimum: Int64
    /// A refund paid out within this many percent under the per-refund limit (and not above it)
    /// is "just under the limit" …
    public var underLimitPercent: Int64
    /// … and a clerk is flagged with at least this many of them.
    public var underLimitMinimum: Int64

    public init(noReceiptSharePercent: Int64 = 200, noReceiptMinimum: Int64 = 3, soonAfterSaleMinutes: Int64 = 10,
                soonAfterSaleMinimum: Int64 = 2, underLimitPercent: Int64 = 10, underLimitMinimum: Int64 = 3) {
        self.noReceiptSharePercent = noReceiptSharePercent
        self.noReceiptMinimum = noReceiptMinimum
        self.soonAfterSaleMinutes = soonAfterSaleMinutes
        self.soonAfterSaleMinimum = soonAfterSaleMinimum
        self.underLimitPercent = underLimitPercent
        self.underLimitMinimum = underLimitMinimum
    }

}
