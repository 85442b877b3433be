/// How a refund is paid out: each part with the sale account it is drawn from, the tenders paid
/// (parts to the same tender merged) and the cash rounding.
public struct RefundPayout: Hashable, Sendable {
    public var draws: [TenderDraw]
    public var tenders: [Tender]
    /// Paid out minus the value of the lines returned (positive: the customer got more).
    public var rounding: Money
    public var total: Money
}

extension ReturnableSale {
    /// Plans the payout of lines worth `value`, inside the ledger. A refund that returns the last
    /// of the sale (`final`) gives back exactly what its tenders have left, unrounded; any other
    /// gives back the lines' value, at most what is left, with the cash part rounded to the
    /// nearest coin, or down when rounding up would take more than the tenders have left.
    /// `tender` nil: each tender gets its own money back, cards first; otherwise everything goes
    /// to `tender`, drawn from that tender's own payments first (`accountOrder`).
    public func payout(value: Money, final: Bool, tender: TenderKind?, reference: String?,
                       cashRounding: CashRounding) -> RefundPayout {
        let target = final ? remainingTotal : Money.min(value, remainingTotal)
        var left = target
        var draws: [TenderDraw] = []
        let order: [Int]
        var payoutTender: Tender? = nil
        if let tender {
            // A card or a credit note that paid the sale takes its own refund back unless another is named.
            let ref = reference ?? (tender == .cash ? nil : accounts.first { $0.kind == tender }?.reference)
            payoutTender = Tender(kind: tender, amount: .zero(currency), reference: ref)
            order = accountOrder(for: payoutTender ?? Tender(kind: tender, amount: .zero(currency)))
        } else {
            order = TenderKind.refundOrder.flatMap { kind in accounts.indices.filter { accounts[$0].kind == kind } }
        }
        for i in order where left.isPositive && accounts[i].remaining.isPositive {
            let part = Money.min(left, accounts[i].remaining)
            var piece = payoutTender ?? Tender(kind: accounts[i].kind, amount: part, reference: accounts[i].reference)
            piece.amount = part
            draws.append(TenderDraw(account: i, payout: piece))
            left -= part
        }
        if !final { roundCash(&draws, cashRounding) }
        let tenders = Self.merge(draws)
        let total = tenders.map(\.amount).sum(currency)
        return RefundPayout(draws: draws, tenders: tenders, rounding: total - value, total: total)
    }

    /// Rounds the cash paid out to the coin: up only when the accounts feeding it have the room.
    private func roundCash(_ draws: inout [TenderDraw], _ rounding: CashRounding) {
        let cash = draws.indices.filter { draws[$0].payout.kind == .cash }
        guard !cash.isEmpty, rounding.increment > 1 else { return }
        let amount = cash.map { draws[$0].payout.amount }.sum(currency)
        var rounded = rounding.round(amount)
        var room = Money.zero(currency)
        for i in cash {
            let account = draws[i].account
            let drawn = draws.filter { $0.account == account }.map(\.payout.amount).sum(currency)
            room = Money.max(room, accounts[account].remaining - drawn)
        }
        if rounded > amount, rounded - amount > room { rounded = rounding.roundDown(amount) }
        var change = rounded - amount
        // Up: on the first cash part whose account has the room. Down: from the last part back.
        if change.isPositive, let i = cash.first(where: { index in
            let account = draws[index].account
            let drawn = draws.filter { $0.account == account }.map(\.payout.amount).sum(currency)
            return accounts[account].remaining - drawn >= change
        }) {
            draws[i].payout.amount += change
        } else {
            for i in cash.reversed() where change.isNegative {
                let cut = Money.min(draws[i].payout.amount, change.negated)
                draws[i].payout.amount -= cut
                change += cut
            }
        }
        draws.removeAll { !$0.payout.amount.isPositive }
    }

    /// Parts to the same tender (kind and reference) paid as one, in the order first drawn.
    static func merge(_ draws: [TenderDraw]) -> [Tender] {
        var tenders: [Tender] = []
        for draw in draws where draw.payout.amount.isPositive {
            if let i = tenders.firstIndex(where: { $0.kind == draw.payout.kind && $0.reference == draw.payout.reference }) {
                tenders[i].amount += draw.payout.amount
            } else {
                tenders.append(draw.payout)
            }
        }
        return tenders
    }
}
