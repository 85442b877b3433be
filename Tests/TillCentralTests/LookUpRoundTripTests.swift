import Foundation
import Testing
@testable import TillCentral
import TillCore
import TillJournal

/// Issue 15's look-up figure: a cross-till look-up is ONE round trip to the central journal,
/// counted at the wire (`RoundTripCounter`: the server's ReadyForQuery messages through a
/// loopback relay), and that one statement still brings the whole ledger: the replicated sale,
/// the refund of it replicated from its till, and another till's reservation not replicated yet.
@Suite struct LookUpRoundTripTests {
    static let shop = "0021"

    @Test func aCrossTillLookUpIsOneRoundTripAndBringsEveryRefund() async throws {
        guard let database = try await TestDatabase.make("lookup") else { return }
        defer { Task { await database.drop() } }
        var settings = database.settings
        settings.shop = Self.shop
        let (sale, refund) = try await Self.replicatedSaleAndRefund(settings)
        let key = try #require(DocumentNumber(parsing: sale.receipt).flatMap { number in
            ShopCode(parsing: Self.shop).map { DocumentKey(shop: $0, number: number) }
        })
        // Another till of the shop reserves a second refund of line 1: not replicated, only reserved.
        let direct = PostgresCentralJournal(settings: settings, lookupTimeoutMs: 300_000, till: "12",
                                            centralKey: ("test-12", Array("central key of till 12".utf8)))
        var second = refund
        second.number = DocumentNumber(kind: .refund, till: "12", sequence: 7).description
        second.till = "12"
        let reservation = RefundReservation(sale: key, shop: key.shop, refund: second)
        let reserved = await direct.reserve(reservation)
        guard case .success = reserved else { Issue.record("the second refund was not reserved: \(reserved)"); return }
        await direct.close()

        let relay = try RoundTripCounter(upstream: settings.address)
        defer { relay.close() }
        // Generous, so a loaded machine cannot turn the answer into "timed out".
        let journal = PostgresCentralJournal(settings: relay.settings(settings), lookupTimeoutMs: 300_000, till: "13",
                                             centralKey: ("test-13", Array("central key of till 13".utf8)))
        // The connection opened and the schema checked first, as a till does at a supervisor's sign-in.
        guard case .success = await journal.conflicts() else { Issue.record("the central journal did not answer"); return }

        let before = relay.readyForQuery
        let found = await journal.sale(key)
        let trips = relay.readyForQuery - before
        #expect(trips == 1, "a cross-till look-up took \(trips) round trips")
        guard case .success(let ledger) = found else { Issue.record("expected the sale, got \(found)"); return }
        #expect(ledger.sale.receipt == sale.receipt)
        #expect(Set(ledger.refunds.map(\.key)) == [RefundReservation(sale: key, shop: key.shop, refund: refund).key, reservation.key],
                "\(ledger.refunds.map(\.key))")
        #expect(!ledger.voided)

        // No such sale: one round trip too.
        let unknown = DocumentKey(shop: key.shop, number: DocumentNumber(kind: .sale, till: "13", sequence: 99))
        let start = relay.readyForQuery
        guard case .failure(.notFound) = await journal.sale(unknown) else { Issue.record("an unknown sale was found"); return }
        #expect(relay.readyForQuery - start == 1)
        await journal.close()
    }

    /// The connection stays open between look-ups: a call's deadline ends with the call, so it
    /// never closes the connection under a later one (it did, `lookup_timeout_ms` after every
    /// call, and each look-up paid a new connection and the schema check).
    @Test func theConnectionOutlivesACallsDeadline() async throws {
        guard let database = try await TestDatabase.make("lookup") else { return }
        defer { Task { await database.drop() } }
        let key = DocumentKey(shop: try #require(ShopCode(parsing: Self.shop)), number: DocumentNumber(kind: .sale, till: "13", sequence: 1))
        // The schema is made first, with a generous timeout: making it on a fresh database can
        // take longer than one 2 s call on a loaded machine.
        let setup = PostgresCentralJournal(settings: database.settings, lookupTimeoutMs: 300_000, till: "13",
                                           centralKey: ("test-13", Array("central key of till 13".utf8)))
        guard case .success = await setup.conflicts() else { Issue.record("the central journal did not answer"); return }
        await setup.close()
        // A call that really times out closes its connection, rightly; on a loaded machine one
        // may, so the run is judged only when every call answered (at most 3 tries).
        var answers: [String] = []
        for _ in 0..<3 {
            let relay = try RoundTripCounter(upstream: database.settings.address)
            defer { relay.close() }
            // The default look-up timeout (2 s): each call's deadline is 2 s.
            let journal = PostgresCentralJournal(settings: relay.settings(database.settings), lookupTimeoutMs: 2_000, till: "13",
                                                 centralKey: ("test-13", Array("central key of till 13".utf8)))
            var allAnswered = true
            for call in 0..<3 {
                let found = await journal.sale(key)
                guard case .failure(.notFound) = found else { allAnswered = false; answers.append("call \(call): \(found)"); break }
                if call < 2 { try await Task.sleep(for: .milliseconds(2_500)) }   // past the call's deadline
            }
            await journal.close()
            guard allAnswered else { continue }
            #expect(relay.accepted == 1, "\(relay.accepted) connections for three look-ups")
            return
        }
        Issue.record("no run of three look-ups was answered in time: \(answers)")
    }

    /// Till 11's journal (in memory): a shift, a sale of two lines, a refund of one of line 1,
    /// sent to the central journal by its outbox.
    static func replicatedSaleAndRefund(_ settings: CentralSettings) async throws -> (SaleRecord, RefundRecord) {
        let t0 = CentralReportTests.t0, tax = CentralReportTests.tax, people = CentralReportTests.people
        let currency = Currency.cny, till = "11"
        let journal = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { t0 })
        try journal.upsert(taxClasses: [tax], by: nil)
        try journal.append(.shiftOpened(ShiftRecord(number: 1, till: till, openedAt: t0, openedBy: people[2],
                                                    openingFloat: .zero(currency))))
        let templates = RegisterConfig(till: till).templates
        let lines = (1...2).map { i in
            SaleLine(lineNo: i, item: CatalogItem(sku: "I\(i)", barcodes: [], name: "Item \(i) 茶",
                                                  price: Money(minor: Int64(1_000 * i), currency: currency), taxClassID: tax.id),
                     quantity: .each(3), taxClass: tax, barcode: nil)
        }
        let totals = SaleTotals(lines: lines, currency: currency)
        let receipt = DocumentNumber(kind: .sale, till: till, sequence: 1).description
        let sale = SaleRecord(receipt: receipt, receiptCode: ReceiptCode.make(till: till, sequence: 1, date: t0.civilDate(utcOffsetSeconds: 0)),
                              till: till, shift: 1, at: t0, clerk: people[0], lines: lines,
                              tenders: [Tender(kind: .cash, amount: totals.gross)], totals: totals,
                              rounding: .zero(currency), change: .zero(currency), training: false)
        try journal.append(.sale(sale, templates.sale(sale)))
        let unit = lines[0].unitPrice
        let line = RefundLine(originalLineNo: 1, sku: lines[0].sku, name: lines[0].name, quantity: .each(1), unitPrice: unit,
                              amount: unit, tax: LineTax.compute(amount: unit, taxClass: tax).tax, weighed: false)
        let refund = RefundRecord(number: DocumentNumber(kind: .refund, till: till, sequence: 2).description, till: till,
                                  shift: 1, at: t0.adding(seconds: 60), clerk: people[0], approver: people[2], approvals: [],
                                  originalReceipt: receipt, originalSoldAt: t0, lines: [line], tenders: [Tender(kind: .cash, amount: unit)],
                                  reason: ReasonCode.refundDefaults[0], customerReference: nil, rounding: .zero(currency), training: false)
        try journal.append(.refund(refund, templates.refund(refund)))
        let sender = CentralConnection(settings: settings)
        try await Outbox(source: journal, connection: sender, till: till, clock: { t0 }).pushPending()
        await sender.drop()
        return (sale, refund)
    }
}
