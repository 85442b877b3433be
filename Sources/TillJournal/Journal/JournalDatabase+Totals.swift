import GRDB
import TillCore

extension JournalDatabase {
    /// An X/Z report's figures for a shift, aggregated in SQL over covering indexes (fast even with
    /// a million entries). Training entries never count. Nil if the shift was never opened.
    public func shiftTotals(shift number: Int64, till: String) throws -> ShiftTotals? {
        try read { db in
            guard let shiftRow = try Row.fetchOne(db, cachedSQL: """
                SELECT e.seq, e.payload FROM shift s JOIN journalEntry e ON e.seq = s.entrySeq
                WHERE s.till = ? AND s.number = ?
                """, arguments: [till, number]),
                case .shiftOpened(let shift) = try Self.record(shiftRow) else { return nil }
            let currency = shift.openingFloat.currency
            func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }

            var byKind: [EntryKind: CountedAmount] = [:]
            var clerks: [String: ClerkTotals] = [:]
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT kind, userCode, COUNT(*) AS count, COALESCE(SUM(totalMinor), 0) AS total FROM journalEntry
                WHERE till = ? AND shift = ? AND kind IN ('sale', 'refund', 'postVoid') AND training = 0
                GROUP BY kind, userCode
                """), arguments: [till, number])
            for row in rows {
                guard let kind = EntryKind(rawValue: row["kind"]) else { continue }
                let amount = CountedAmount(count: row["count"], amount: money(row["total"]))
                byKind[kind] = add(byKind[kind] ?? .zero(currency), amount)
                let code: String = row["userCode"] ?? ""
                var clerk: ClerkTotals
                if let known = clerks[code] {
                    clerk = known
                } else {
                    clerk = ClerkTotals(code: code, name: try clerkName(db, code: code, till: till, shift: number),
                                        sales: .zero(currency), refunds: .zero(currency), voids: .zero(currency))
                }
                switch kind {
                case .sale: clerk.sales = add(clerk.sales, amount)
                case .refund: clerk.refunds = add(clerk.refunds, amount)
                case .postVoid: clerk.voids = add(clerk.voids, amount)
                default: break
                }
                clerks[code] = clerk
            }

            let salesTax = try Int64.fetchOne(db, cachedSQL: """
                SELECT COALESCE(SUM(taxMinor), 0) FROM saleLine WHERE till = ? AND shift = ? AND training = 0 AND voided = 0
                """, arguments: [till, number]) ?? 0

            var taken: [TenderKind: Int64] = [:], refunded: [TenderKind: Int64] = [:], voided: [TenderKind: Int64] = [:]
            let tenderRows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT documentKind, tenderKind, SUM(amountMinor) AS total FROM tender
                WHERE till = ? AND shift = ? AND training = 0 GROUP BY documentKind, tenderKind
                """), arguments: [till, number])
            for row in tenderRows {
                guard let kind = TenderKind(rawValue: row["tenderKind"]) else { continue }
                let total: Int64 = row["total"]
                switch EntryKind(rawValue: row["documentKind"]) {
                case .sale?: taken[kind, default: 0] += total
                case .postVoid?: voided[kind, default: 0] += total
                default: refunded[kind, default: 0] += total
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
