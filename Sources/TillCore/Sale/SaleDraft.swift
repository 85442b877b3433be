/// A sale being rung up: lines can change until the first tender; it completes once fully paid.
public struct SaleDraft: Hashable, Sendable, Codable {
    public var lines: [SaleLine]
    public var tenders: [Tender]
    public var startedAt: Timestamp
    public var currency: Currency
    /// The customer wants no receipt (NO RECEIPT): completing the sale journals it with its slip
    /// stored as `notRequested` instead of printing it. Only ever set on a sale, never a refund.
    public var noReceipt: Bool = false

    public init(startedAt: Timestamp, currency: Currency) {
        self.lines = []
        self.tenders = []
        self.startedAt = startedAt
        self.currency = currency
    }

    public var totals: SaleTotals { SaleTotals(lines: lines, currency: currency) }

    public var paid: Money { tenders.map(\.amount).sum(currency) }

    /// What is still owed, before any cash rounding.
    public var due: Money { totals.gross - paid }

    public var nextLineNo: Int { (lines.map(\.lineNo).max() ?? 0) + 1 }

    public func lineIndex(_ lineNo: Int) -> Int? {
        lines.firstIndex { $0.lineNo == lineNo && !$0.voided }
    }
}
