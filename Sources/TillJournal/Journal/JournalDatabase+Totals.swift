import GRDB
import TillCore

extension JournalDatabase {
    /// An X/Z report's figures for a shift, read from the running shift totals the journal keeps in
    /// each write transaction (a few rows, however many entries the shift has). Training entries
    /// never count. Nil if the shift was never opened.
    public func shiftTotals(shift number: Int64, till: String) throws -> ShiftTotals? {
        try read { db in
            guard let shiftRow = try Row.fetchOne(db, cachedSQL: """
                SELECT e.seq, e.payload FROM shift s JOIN journalEntry e ON e.seq = s.entrySeq
                WHERE s.till = ? AND s.number = ?
                """, arguments: [till, number]),
                case .shiftOpened(let shift) = try Self.record(shiftRow) else { return nil }
            let currency = shift.openingFloat.currency
            func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }

            // The running totals the write transaction keeps (RunningTotalsSchema): a few rows, not a scan.
            var byKind: [EntryKind: CountedAmount] = [:]
            var clerks: [String: ClerkTotals] = [:]
            var salesTax: Int64 = 0
            var taken: [TenderKind: Int64] = [:], refunded: [TenderKind: Int64] = [:], voided: [TenderKind: Int64] = [:]
            for (key, figure) in try RunningTotalsRecompute.running(db, till: till, shift: number).sorted(by: { $0.key < $1.key }) {
                switch key.figure {
                case "document":
                    guard let kind = EntryKind(rawValue: key.kind) else { continue }
                    let amount = CountedAmount(count: figure.count, amount: money(figure.amountMinor))
                    byKind[kind] = add(byKind[kind] ?? .zero(currency), amount)
                    var clerk = try clerks[key.key] ?? ClerkTotals(
                        code: key.key, name: try clerkName(db, code: key.key, till: till, shift: number),
                        sales: .zero(currency), refunds: .zero(currency), voids: .zero(currency))
                    switch kind {
                    case .sale: clerk.sales = add(clerk.sales, amount)
                    case .refund: clerk.refunds = add(clerk.refunds, amount)
                    case .postVoid: clerk.voids = add(clerk.voids, amount)
                    default: break
                    }
                    clerks[key.key] = clerk
                case "tender":
                    guard let kind = TenderKind(rawValue: key.key) else { continue }
                    switch EntryKind(rawValue: key.kind) {
                    case .sale?: taken[kind, default: 0] &+= figure.amountMinor
                    case .postVoid?: voided[kind, default: 0] &+= figure.amountMinor
                    default: refunded[kind, default: 0] &+= figure.amountMinor
                    }
                case "tax":
                    salesTax &+= figure.amountMinor
                default:
                    continue
                }
            }
            let tenders = TenderKind.allCases.filter { taken[$0] != nil || refunded[$0] != nil || voided[$0] != nil }.map {
                TenderTotals(kind: $0, taken: money(taken[$0] ?? 0), refunded: money(refunded[$0] ?? 0),
                             voided: money(voided[$0] ?? 0))
            }

            return ShiftTotals(shift: shift, sales: byKind[.sale] ?? .zero(currency), salesTax: money(salesTax),
                               refunds: byKind[.refund] ?? .zero(currency), voids: byKind[.postVoid] ?? .zero(currency),
                               tenders: tenders, clerks: clerks.values.sorted { $0.code < $1.code },
                               journalHead: try Self.head(db))
        }
    }

    private func clerkName(_ db: Database, code: String, till: String, shift: Int64) throws -> String {
        try String.fetchOne(db, cachedSQL: """
            SELECT userName FROM journalEntry WHERE till = ? AND shift = ? AND userCode = ? ORDER BY seq DESC LIMIT 1
            """, arguments: [till, shift, code]) ?? code
    }
}

private func add(_ a: CountedAmount, _ b: CountedAmount) -> CountedAmount {
    CountedAmount(count: a.count + b.count, amount: a.amount + b.amount)
}
