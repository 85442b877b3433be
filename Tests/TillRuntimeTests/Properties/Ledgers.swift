import TillCore

/// The committed records grouped by sale, and the figures an X/Z report must show for them.
struct Ledgers {
    var sales: [String: SaleRecord] = [:]
    var refunds: [RefundRecord] = []
    var voids: [String: VoidRecord] = [:]
    var saleOrder: [String] = []

    init(_ records: [JournalRecord]) {
        for record in records {
            switch record {
            case .sale(let s, _): sales[s.receipt] = s; saleOrder.append(s.receipt)
            case .refund(let r, _): refunds.append(r)
            case .postVoid(let v, _): voids[v.originalReceipt] = v
            default: break
            }
        }
    }

    func refunds(of receipt: String) -> [RefundRecord] { refunds.filter { $0.originalReceipt == receipt } }

    /// Every credit note number a refund issued, in the order first issued.
    var creditNotes: [String] {
        var seen: [String] = []
        for refund in refunds { for t in refund.tenders where t.kind == .storeCredit { if let r = t.reference, !seen.contains(r) { seen.append(r) } } }
        return seen
    }

    /// The shift's figures summed record by record (what the journal's SQL must agree with).
    func totals(_ shift: ShiftRecord) -> ShiftTotals {
        let zero = Money.zero(.cny)
        var taken: [TenderKind: Money] = [:], back: [TenderKind: Money] = [:], voided: [TenderKind: Money] = [:]
        for sale in sales.values { for t in sale.tenders { taken[t.kind, default: zero] += t.amount } }
        for tender in refunds.flatMap(\.tenders) { back[tender.kind, default: zero] += tender.amount }
        for tender in voids.values.flatMap(\.tenders) { voided[tender.kind, default: zero] += tender.amount }
        let tenders = TenderKind.allCases.filter { taken[$0] != nil || back[$0] != nil || voided[$0] != nil }.map {
            TenderTotals(kind: $0, taken: taken[$0] ?? zero, refunded: back[$0] ?? zero, voided: voided[$0] ?? zero)
        }
        return ShiftTotals(shift: shift, sales: CountedAmount(count: Int64(sales.count), amount: sales.values.map(\.total).sum(.cny)),
                           salesTax: sales.values.map(\.totals.tax).sum(.cny),
                           refunds: CountedAmount(count: Int64(refunds.count), amount: refunds.map(\.total).sum(.cny)),
                           voids: CountedAmount(count: Int64(voids.count), amount: voids.values.map(\.total).sum(.cny)),
                           tenders: tenders, clerks: [])
    }
}
