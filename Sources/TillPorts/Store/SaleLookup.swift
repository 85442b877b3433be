import TillCore

/// A sale as the refund counter needs it: the sale, every refund against it, and whether it was voided.
public struct SaleLookup: Hashable, Sendable {
    public var sale: SaleRecord
    public var refunds: [RefundRecord]
    public var voided: Bool

    public init(sale: SaleRecord, refunds: [RefundRecord], voided: Bool) {
        self.sale = sale
        self.refunds = refunds
        self.voided = voided
    }
}
