/// A sale seen from the refund counter, and its ledger: for each line what was paid (after
/// discounts and overrides, tax included) and what every earlier refund took back; for each
/// tender what it settled (net of change, after cash rounding) and what every earlier refund drew
/// from it. Every refund is planned inside this ledger (`payout`) and checked against it
/// (`violation(of:)`) by the core and again by the journal's append transaction.
public struct ReturnableSale: Hashable, Sendable, Codable {
    public var sale: SaleRecord
    public var lines: [ReturnableLine]
    public var voided: Bool
    /// Per tender of the sale: paid, and drawn back by earlier refunds.
    public var accounts: [TenderAccount]
    /// The earlier refunds the ledger counts, in the order they were recorded (so that another
    /// till's refunds can be added to them, each once: `ReturnableSale(own:central:ownShop:)`).
    public var priorRefunds: [RefundRecord]

    /// `priorRefunds` in the order they were recorded: each is drawn from the accounts as it was.
    public init(sale: SaleRecord, priorRefunds: [RefundRecord], voided: Bool) {
        self.sale = sale
        self.voided = voided
        self.priorRefunds = priorRefunds
        let currency = sale.total.currency
        lines = sale.lines.filter { !$0.voided }.map { line in
            let prior = priorRefunds.flatMap(\.lines).filter { $0.originalLineNo == line.lineNo }
            return ReturnableLine(line: line,
                                  refundedQuantity: prior.reduce(Quantity.zero) { $0 + $1.quantity },
                                  refundedAmount: prior.map(\.amount).sum(currency),
                                  refundedTax: prior.map(\.tax).sum(currency))
        }
        accounts = TenderAccount.accounts(of: sale)
        for refund in priorRefunds { post(draws(for: refund.tenders).draws) }
    }

    public func line(_ lineNo: Int) -> ReturnableLine? { lines.first { $0.line.lineNo == lineNo } }

    public var fullyRefunded: Bool { lines.allSatisfy { !$0.remainingQuantity.isPositive } }

    var currency: Currency { sale.total.currency }

    /// What the sale took in, and what is left of it after earlier refunds.
    public var paidTotal: Money { accounts.map(\.paid).sum(currency) }
    public var remainingTotal: Money { accounts.map(\.remaining).sum(currency) }

    /// True when returning `quantities` (per original line) returns the last of every line.
    public func isFinal(_ quantities: [Int: Quantity]) -> Bool {
        lines.allSatisfy { quantities[$0.line.lineNo, default: .zero] >= $0.remainingQuantity }
    }

    mutating func post(_ draws: [TenderDraw]) {
        for draw in draws { accounts[draw.account].refunded += draw.payout.amount }
    }

    /// The accounts a payout is drawn from, in order: its own tender (the same reference first),
    /// then the sale's other tenders, cards first, then store credit, then cash (the drawer last).
    func accountOrder(for payout: Tender) -> [Int] {
        let indices = Array(accounts.indices)
        let own = indices.filter { accounts[$0].kind == payout.kind }
        let exact = own.filter { accounts[$0].reference == payout.reference }
        let others = TenderKind.refundOrder.filter { $0 != payout.kind }.flatMap { kind in
            indices.filter { accounts[$0].kind == kind }
        }
        return exact + own.filter { !exact.contains($0) } + others
    }

    /// Splits `payouts` over the accounts, each account at most what it has left. `uncovered` is
    /// what no account could carry: more than the sale has left to give back.
    public func draws(for payouts: [Tender]) -> (draws: [TenderDraw], uncovered: Money) {
        var left = accounts.map(\.remaining)
        var draws: [TenderDraw] = []
        var uncovered = Money.zero(currency)
        for payout in payouts {
            var due = payout.amount
            for i in accountOrder(for: payout) where due.isPositive && left[i].isPositive {
                let part = Money.min(due, left[i])
                var piece = payout
                piece.amount = part
                draws.append(TenderDraw(account: i, payout: piece))
                left[i] -= part
                due -= part
            }
            if due.isPositive { uncovered += due }
        }
        return (draws, uncovered)
    }
}

extension TenderKind {
    /// Original-tender refunds give back cards and vouchers before the drawer is touched.
    static let refundOrder: [TenderKind] = [.card, .storeCredit, .cash]
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
    public var remainingTax: Money { line.tax.tax - refundedTax }

    /// The money for returning `quantity`, pro rata of what was actually paid for the line
    /// (after its discount, tax included). Returning the last of a line gives back exactly what
    /// is left, so rounding can never make the refunds of a line exceed what was paid for it.
    public func refundValue(for quantity: Quantity) -> (amount: Money, tax: Money) {
        if quantity == remainingQuantity {
            return (remainingAmount, remainingTax)
        }
        let sold = line.quantity.thousandths
        let amount = paidAmount.scaled(by: quantity.thousandths, over: sold)
        let tax = line.tax.tax.scaled(by: quantity.thousandths, over: sold)
        return (Money.min(amount, remainingAmount), Money.min(tax, remainingTax))
    }
}
