import Testing
import TillCore
@testable import TillJournal

/// X/Z figures aggregated in SQL, the per-clerk refund total and blind-return pricing.
@Suite struct ShiftTotalsTests {
    let db: JournalDatabase
    init() throws { db = try JournalDatabase.inMemory() }

    @Test func totalsBySalesRefundsVoidsTendersAndClerks() throws {
        try db.append(Fx.shift(1, floatMinor: 20_000))
        // Li Na: two sales (cash 7.00, card 10.00); Wang Wei: one sale (cash 5.00), voided later.
        let s1 = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 2, priceMinor: 350)])
        let s2 = Fx.saleRecord(2, lines: [Fx.line(1, sku: "B", each: 1, priceMinor: 1000)], tender: .card)
        let s3 = Fx.saleRecord(3, lines: [Fx.line(1, sku: "C", each: 1, priceMinor: 500)], clerk: Fx.clerk2)
        for s in [s1, s2, s3] { try db.append(.sale(s, Fx.slip(.sale, s.receipt))) }
        try db.append(Fx.refund(Fx.refundRecord(1, of: s1, lines: [(1, 1)])))                 // cash 3.50 by Li Na
        try db.append(Fx.refund(Fx.refundRecord(2, of: s2, lines: [(1, 1)], tender: .card, clerk: Fx.clerk2))) // card 10.00
        try db.append(Fx.void(1, of: s3))                                                         // cash 5.00 by supervisor
        // Training never counts (dated after the refunds: entries are never dated before earlier ones).
        let later = Fx.t0.adding(seconds: 600)
        try db.append(Fx.sale(4, lines: [Fx.line(1, sku: "A", each: 9, priceMinor: 10_000)], at: later, training: true))
        // Another shift never counts either (a different till).
        try db.append(.shiftOpened(ShiftRecord(number: 1, till: "02", openedAt: later, openedBy: Fx.clerk, openingFloat: Fx.money(0))))
        try db.append(.sale(Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 99)], at: later).onTill("02"),
                            Fx.slip(.sale, "S02-000001")))

        let totals = try #require(try db.shiftTotals(shift: 1, till: "01"))
        #expect(totals.sales == CountedAmount(count: 3, amount: Fx.money(2200)))
        #expect(totals.refunds == CountedAmount(count: 2, amount: Fx.money(1350)))
        #expect(totals.voids == CountedAmount(count: 1, amount: Fx.money(500)))
        let tax = [s1, s2, s3].map(\.totals.tax).sum(Fx.cny)
        #expect(totals.salesTax == tax)
        #expect(totals.tenders == [
            // The post-void's 5.00 apart from the refunds' 3.50 (issue 12: tender lines add up to their headings).
            TenderTotals(kind: .cash, taken: Fx.money(1200), refunded: Fx.money(350), voided: Fx.money(500)),
            TenderTotals(kind: .card, taken: Fx.money(1000), refunded: Fx.money(1000), voided: Fx.money(0)),
        ])
        #expect(totals.cashExpected == Fx.money(20_000 + 1200 - 850))
        #expect(totals.net == Fx.money(2200 - 1350 - 500))
        #expect(totals.clerks == [
            ClerkTotals(code: "1001", name: "Li Na", sales: CountedAmount(count: 2, amount: Fx.money(1700)),
                        refunds: CountedAmount(count: 1, amount: Fx.money(350)), voids: .zero(Fx.cny)),
            ClerkTotals(code: "1002", name: "Wang Wei", sales: CountedAmount(count: 1, amount: Fx.money(500)),
                        refunds: CountedAmount(count: 1, amount: Fx.money(1000)), voids: .zero(Fx.cny)),
            ClerkTotals(code: "2001", name: "Zhang Min", sales: .zero(Fx.cny), refunds: .zero(Fx.cny),
                        voids: CountedAmount(count: 1, amount: Fx.money(500))),
        ])
        #expect(try db.shiftTotals(shift: 9, till: "01") == nil)
    }

    @Test func emptyShiftHasZeroTotals() throws {
        try db.append(Fx.shift(1, floatMinor: 5000))
        let totals = try #require(try db.shiftTotals(shift: 1, till: "01"))
        #expect(totals.sales == .zero(Fx.cny))
        #expect(totals.tenders.isEmpty)
        #expect(totals.clerks.isEmpty)
        #expect(totals.cashExpected == Fx.money(5000))
    }

    @Test func refundedByClerkInShiftExcludesTraining() throws {
        try db.append(Fx.shift(1))
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 5, priceMinor: 1000)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        try db.append(Fx.refund(Fx.refundRecord(1, of: sale, lines: [(1, 1)])))
        try db.append(Fx.refund(Fx.refundRecord(2, of: sale, lines: [(1, 2)])))
        try db.append(Fx.refund(Fx.refundRecord(3, of: sale, lines: [(1, 1)], clerk: Fx.clerk2)))
        try db.append(Fx.refund(Fx.refundRecord(4, of: sale, lines: [(1, 1)], training: true)))
        #expect(try db.refundedBy(clerk: "1001", shift: 1, till: "01") == Fx.money(3000))
        #expect(try db.refundedBy(clerk: "1002", shift: 1, till: "01") == Fx.money(1000))
        #expect(try db.refundedBy(clerk: "9999", shift: 1, till: "01") == Fx.money(0))
        #expect(throws: JournalError.shiftNotFound(till: "01", shift: 2)) { try db.refundedBy(clerk: "1001", shift: 2, till: "01") }
    }

    @Test func lowestUnitPriceSinceADate() throws {
        try db.append(Fx.shift(1))
        let day: Int64 = 86_400
        try db.append(Fx.sale(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 800)], at: Fx.t0))                      // too old
        try db.append(Fx.sale(2, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 1200)], at: Fx.t0.adding(seconds: 10 * day)))
        try db.append(Fx.sale(3, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 1000)], at: Fx.t0.adding(seconds: 20 * day)))
        try db.append(Fx.sale(4, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 100)], at: Fx.t0.adding(seconds: 20 * day),
                              training: true))                                                                         // training
        try db.append(Fx.sale(5, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 200, voided: true)],
                              at: Fx.t0.adding(seconds: 20 * day)))                                                    // voided line
        let since = Fx.t0.adding(seconds: 5 * day)
        #expect(try db.lowestUnitPrice(sku: "A", since: since) == Fx.money(1000))
        #expect(try db.lowestUnitPrice(sku: "A", since: Fx.t0) == Fx.money(800))
        #expect(try db.lowestUnitPrice(sku: "Z", since: Fx.t0) == nil)

        // A post-voided sale's price does not count.
        let cheap = Fx.saleRecord(6, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 300)], at: Fx.t0.adding(seconds: 21 * day))
        try db.append(.sale(cheap, Fx.slip(.sale, cheap.receipt)))
        #expect(try db.lowestUnitPrice(sku: "A", since: since) == Fx.money(300))
        try db.append(Fx.void(1, of: cheap))
        #expect(try db.lowestUnitPrice(sku: "A", since: since) == Fx.money(1000))
    }
}

extension SaleRecord {
    func onTill(_ till: String) -> SaleRecord {
        var copy = self
        copy.till = till
        copy.receipt = DocumentNumber(kind: .sale, till: till, sequence: 1).description
        return copy
    }
}
