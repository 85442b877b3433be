import Foundation
import Testing
@testable import TillCentral
import TillCore
import TillJournal
@testable import TillRuntime

/// An unverified (offline) refund whose sale has not reached the central journal, through the
/// till's central caller and a real PostgreSQL: it holds up none of the work queued behind it,
/// is asked again less and less often (1, 3, 7, 15 … rounds apart), is still reconciled when the
/// sale finally arrives, and a supervisor is told what waits and why once it has missed
/// `RefundWait.noticeAfterTries` times.
@Suite struct AwaitingSaleTests {
    static let t0 = CentralReportTests.t0
    static let clerk = User(code: "1001", name: "Li Na 李娜", role: .clerk)

    static func sale(_ n: Int64, till: String) -> SaleRecord {
        let currency = Currency.cny
        let line = SaleLine(lineNo: 1, item: CatalogItem(sku: "TEA", barcodes: [], name: "Tea 茶", price: Money(minor: 2_500, currency: currency),
                                                          taxClassID: CentralReportTests.tax.id),
                            quantity: .each(2), taxClass: CentralReportTests.tax, barcode: nil)
        let totals = SaleTotals(lines: [line], currency: currency)
        let at = t0.adding(seconds: n * 60)
        return SaleRecord(receipt: DocumentNumber(kind: .sale, till: till, sequence: n).description,
                          receiptCode: ReceiptCode.make(till: till, sequence: n, date: at.civilDate(utcOffsetSeconds: 0)),
                          till: till, shift: 1, at: at, clerk: clerk, lines: [line], tenders: [Tender(kind: .cash, amount: totals.gross)],
                          totals: totals, rounding: .zero(currency), change: .zero(currency), training: false)
    }

    /// Till 12's unverified refund of one tea of `sale`.
    static func refund(_ n: Int64, of sale: SaleRecord, shop: ShopCode) throws -> RefundReservation {
        let line = sale.lines[0]
        var refund = RefundRecord(number: DocumentNumber(kind: .refund, till: "12", sequence: n).description, till: "12", shift: 1,
                                  at: sale.at.adding(seconds: 3_600), clerk: clerk, approver: nil, approvals: [],
                                  originalReceipt: sale.receipt, originalSoldAt: sale.at,
                                  lines: [RefundLine(originalLineNo: 1, sku: line.sku, name: line.name, quantity: .each(1), unitPrice: line.unitPrice,
                                                     amount: line.unitPrice, tax: LineTax.compute(amount: line.unitPrice, taxClass: CentralReportTests.tax).tax,
                                                     weighed: false)],
                                  tenders: [Tender(kind: .cash, amount: line.unitPrice)], reason: ReasonCode.refundDefaults[0],
                                  customerReference: nil, rounding: .zero(.cny), training: false)
        refund.unverified = true
        return try #require(RefundReservation(committed: refund, shop: shop))
    }

    @Test func aRefundWhoseSaleNeverArrivesHoldsUpNothingBacksOffAndIsToldToASupervisor() async throws {
        guard let database = try await TestDatabase.make("awaiting") else { return }
        defer { Task { await database.drop() } }
        var settings = database.settings
        settings.shop = "0021"
        let shop = try #require(ShopCode(parsing: "0021"))
        // Till 11's sales 1 and 2 reach the central journal; sale 3 is made but not sent.
        let till11 = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { Self.t0 })
        try till11.upsert(taxClasses: [CentralReportTests.tax], by: nil)
        try till11.append(.shiftOpened(ShiftRecord(number: 1, till: "11", openedAt: Self.t0, openedBy: Self.clerk,
                                                   openingFloat: .zero(.cny))))
        let templates = RegisterConfig(till: "11").templates
        let sales = (1...3).map { Self.sale(Int64($0), till: "11") }
        for sale in sales.prefix(2) { try till11.append(.sale(sale, templates.sale(sale))) }
        let sender = CentralConnection(settings: settings)
        try await Outbox(source: till11, connection: sender, till: "11", clock: { Self.t0 }).pushPending()

        let stuck = try Self.refund(1, of: sales[2], shop: shop)
        let behind = [try Self.refund(2, of: sales[0], shop: shop), try Self.refund(3, of: sales[1], shop: shop)]
        // Till 12 gave the unverified refunds, and signs their reservations with its own key.
        let central = PostgresCentralJournal(settings: settings, lookupTimeoutMs: 300_000, till: "12",
                                             centralKey: ("test-12", Array("central key of till 12".utf8)))
        let caller = CentralCaller(journal: central, timeout: .seconds(300))
        caller.add([.reconcile(stuck)] + behind.map { .reconcile($0) })

        // Round 1: the two behind the stuck one are reconciled; it stays.
        await caller.sendBacklog()
        #expect(caller.takeVerdicts().map(\.0.number) == behind.map(\.refund.number))
        #expect(caller.backlogCount == 1)
        let states = try await database.texts("SELECT refund_key || ' ' || state FROM central_refund_reservation ORDER BY refund_key")
        #expect(states == behind.map { $0.key + " unverified" }.sorted(), "\(states)")

        // Asked again at rounds 3, 7, 15 and 31 (backing off): the fifth miss tells a supervisor, not before.
        var toldAt: Int?
        for round in 2...40 {
            await caller.sendBacklog()
            let notices = caller.takeAwaitingNotices()
            if let notice = notices.first {
                #expect(toldAt == nil, "told twice")
                toldAt = round
                #expect(notice == AwaitingSaleNotice(count: 1, refund: stuck, tries: RefundWait.noticeAfterTries))
            }
        }
        #expect(toldAt == 31, "the notice came at round \(toldAt.map(String.init) ?? "never")")
        #expect(caller.awaitingNotice()?.refund == stuck, "still waiting, so a supervisor signing in hears of it")

        // Core: only someone who may approve is told, in both languages, naming the refund and its sale.
        var state = RegisterState(config: RegisterConfig(till: "12"))
        state.user = User(code: "2001", name: "Zhang Min", role: .supervisor)
        let notice = AwaitingSaleNotice(count: 1, refund: stuck, tries: 5)
        #expect(Register.reduce(&state, .awaitingSaleLoaded(notice), now: Self.t0).contains(.emit(.refundsAwaitingSale(notice))))
        state.user = Self.clerk
        #expect(!Register.reduce(&state, .awaitingSaleLoaded(notice), now: Self.t0).contains(.emit(.refundsAwaitingSale(notice))))

        // The sale arrives at last: the refund is reconciled on a later round, and nothing waits.
        try till11.append(.sale(sales[2], templates.sale(sales[2])))
        try await Outbox(source: till11, connection: sender, till: "11", clock: { Self.t0 }).pushPending()
        await sender.drop()
        for _ in 0...RefundWait.maximumSkippedRounds where caller.backlogCount > 0 { await caller.sendBacklog() }
        #expect(caller.backlogCount == 0)
        #expect(caller.takeVerdicts().map(\.0.number) == [stuck.refund.number])
        #expect(caller.awaitingNotice() == nil)
        await central.close()
    }
}
