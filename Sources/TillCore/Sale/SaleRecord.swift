/// A completed sale as written to the journal.
public struct SaleRecord: Hashable, Sendable, Codable {
    public var receipt: String
    public var receiptCode: String
    public var till: String
    public var shift: Int64
    public var at: Timestamp
    public var clerk: User
    public var lines: [SaleLine]
    public var tenders: [Tender]
    public var totals: SaleTotals
    /// Cash rounding applied to the amount due (positive: the customer paid more).
    public var rounding: Money
    public var change: Money
    public var training: Bool

    public init(receipt: String, receiptCode: String, till: String, shift: Int64, at: Timestamp, clerk: User,
                lines: [SaleLine], tenders: [Tender], totals: SaleTotals, rounding: Money, change: Money,
                training: Bool) {
        self.receipt = receipt
        self.receiptCode = receiptCode
        self.till = till
        self.shift = shift
        self.at = at
        self.clerk = clerk
        self.lines = lines
        self.tenders = tenders
        self.totals = totals
        self.rounding = rounding
        self.change = change
        self.training = training
    }

    /// What the customer paid in the end (gross plus cash rounding).
    public var total: Money { totals.gross + rounding }
}
