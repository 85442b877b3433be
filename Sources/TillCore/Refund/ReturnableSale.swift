/// A sale seen from the refund counter: for each line, what was sold, what every earlier refund
/// already took back, and what may still be returned. Quantities and amounts are tracked against
/// the original sale across all refunds, so nothing can be refunded twice.
public struct ReturnableSale: Hashable, Sendable, Codable {
    public var sale: SaleRecord
    public var lines: [ReturnableLine]
    public var voided: Bool
    /// Already refunded per tender kind (original-tender refunds draw these down).
    public var refundedByTender: [TenderKind: Money]

    public init(sale: SaleRecord, priorRefunds: [RefundRecord], voided: Bool) {
        self.sale = sale
        self.voided = voided
        let currency = sale.total.currency
        lines = sale.lines.filter { !$0.voided }.map { line in
            let prior = priorRefunds.flatMap(\.lines).filter { $0.originalLineNo == line.lineNo }
            return ReturnableLine(line: line,
                                  refundedQuantity: prior.reduce(Quantity.zero) { $0 + $1.quantity },
                                  refundedAmount: prior.map(\.amount).sum(currency),
                                  refundedTax: prior.map(\.tax).sum(currency))
        }
        var byTender: [TenderKind: Money] = [:]
        for tender in priorRefunds.flatMap(\.tenders) {
            byTender[tender.kind] = (byTender[tender.kind] ?? .zero(currency)) + tender.amount
        }
        refundedByTender = byTender
    }

    public func line(_ lineNo: Int) -> ReturnableLine? { lines.first { $0.line.lineNo == lineNo } }

    public var fullyRefunded: Bool { lines.allSatisfy { !$0.remainingQuantity.isPositive } }

    /// What each tender kind paid, less what refunds already gave back to it.
    public func remainingByTender() -> [(TenderKind, Money)] {
        let currency = sale.total.currency
        var paid: [TenderKind: Money] = [:]
        for tender in sale.tenders { paid[tender.kind] = (paid[tender.kind] ?? .zero(currency)) + tender.amount }
        // Non-cash first: cards and vouchers are given back before the drawer is touched.
        return [TenderKind.card, .storeCredit, .cash].compactMap { kind in
            guard let amount = paid[kind] else { return nil }
            return (kind, Money.max(.zero(currency), amount - (refundedByTender[kind] ?? .zero(currency))))
        }
    }
}

/// One original line with its refund history.
public struct ReturnableLine: Hashable, Sendable, Codable {
    public var line: SaleLine
    public var refundedQuantity: Quantity
    public var refundedAmount: Money
    public var refundedTax: Money

    public var remainingQuantity: Quantity { line.quantity - refundedQuantity }
    public var paidAmount: Money { line.tax.gross }
    public var remainingAmount: Money { paidAmount - refundedAmount }

    /// The money for returning `quantity`, pro rata of what was actually paid for the line
    /// (after its discount, tax included). Returning the last of a line gives back exactly what
    /// is left, so rounding can never make the refunds of a line exceed what was paid for it.
    public func refundValue(for quantity: Quantity) -> (amount: Money, tax: Money) {
        if quantity == remainingQuantity {
            return (remainingAmount, line.tax.tax - refundedTax)
        }
        let sold = line.quantity.thousandths
        let amount = paidAmount.scaled(by: quantity.thousandths, over: sold)
        let tax = line.tax.tax.scaled(by: quantity.thousandths, over: sold)
        return (Money.min(amount, remainingAmount), Money.min(tax, line.tax.tax - refundedTax))
    }
}
