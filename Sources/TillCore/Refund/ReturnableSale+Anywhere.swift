/// A till's own sale may have been refunded at other tills or shops too: its own journal knows
/// only the refunds given here, the central journal every refund reserved anywhere. The ledger a
/// refund is planned in must hold all of them, or the refund of the last unit is not seen as
/// the last (the own journal thinks units remain) and its pro-rata amounts differ by rounding
/// from what is exactly left, which the central check then refuses (`outside_central_ledger`).
/// Invariant: however a sale's units are refunded, at any tills in any order, the refunds of
/// each amount (line price, line tax, each tender) never exceed what was paid and add up to
/// exactly what was paid once every unit is back; the last refund is the remainder of all.
extension ReturnableSale {
    /// `own` (from this till's journal) with every refund `central` holds, each counted once by
    /// its chain-wide key: the central ones in the central journal's order (the ledger the central
    /// check holds a refund to), then this till's refunds it has not heard of yet (given offline).
    public init(own: ReturnableSale, central: CentralSale, ownShop: ShopCode) {
        let known = Set(central.refunds.map(\.key))
        let notSent = own.priorRefunds.filter { !known.contains(ownShop.description + "-" + $0.number) }
        self.init(sale: own.sale, priorRefunds: central.refunds.map(\.refund) + notSent, voided: own.voided || central.voided)
    }
}

extension CentralSale {
    /// The refunds of this sale given anywhere but in `own` (this till's journal), newest last.
    public func refunds(notIn own: ReturnableSale, ownShop: ShopCode) -> [RefundReservation] {
        let local = Set(own.priorRefunds.map { ownShop.description + "-" + $0.number })
        return refunds.filter { !local.contains($0.key) }
    }

    /// The refund given elsewhere that took the last of `lineNo` (or of any line when nil): who,
    /// where and when, for a refusal that says more than "nothing is left".
    public func conflict(line lineNo: Int?, asked: Quantity, remaining: Quantity, elsewhere: [RefundReservation]) -> ReturnConflict? {
        guard let earlier = elsewhere.last(where: { r in lineNo.map { n in r.refund.lines.contains { $0.originalLineNo == n } } ?? true })
        else { return nil }
        let item = lineNo.flatMap { n in sale.lines.first { $0.lineNo == n }?.name } ?? sale.receipt
        return ReturnConflict(item: item, asked: asked, remaining: remaining, refund: earlier.refund.number, shop: earlier.shop,
                              till: earlier.refund.till, clerk: earlier.refund.clerk.code, at: earlier.refund.at)
    }
}
