import Foundation
import PostgresNIO
import Testing
@testable import TillCentral
import TillCore
import TillJournal

/// Issue 15's reports from the central journal: after generated shop days on two tills are
/// replicated, each till's Z figures read from the central running totals equal the till's own
/// (and the central recomputation from the stored entries), and the shop's refund report equals
/// the one computed from the tills' own journals: one computation, two query layers.
@Suite struct CentralReportTests {
    static let t0 = Timestamp(seconds: 1_790_000_000)
    static let tax = TaxClass(id: "STD", name: "Standard 13%", rateBasisPoints: 1300, inclusive: true)
    static let people = [User(code: "1001", name: "Li Na 李娜", role: .clerk), User(code: "1002", name: "Wang Wei", role: .clerk),
                         User(code: "2001", name: "Zhang Min 张敏", role: .supervisor)]

    /// One shift of sales, refunds with and without receipt and post-voids (some in training) on `till`.
    static func shopDay(_ journal: JournalDatabase, till: String, _ rng: inout Seeded) throws {
        var at = t0
        let currency = Currency.cny
        try journal.append(.shiftOpened(ShiftRecord(number: 1, till: till, openedAt: at, openedBy: people[2],
                                                    openingFloat: Money(minor: Int64(rng.int(0...50_000)), currency: currency))))
        var sales: [SaleRecord] = []
        var touched: Set<String> = []
        let templates = RegisterConfig(till: till).templates
        for n in 1...rng.int(3...25) {
            at = at.adding(seconds: Int64(rng.int(1...1_800)))
            let clerk = people[rng.int(0...2)]
            let training = rng.int(0...9) == 0
            switch rng.int(0...5) {
            case 0 where !sales.isEmpty:
                // A refund of a whole sale not yet refunded or voided, sometimes approved.
                guard let sale = sales.filter({ !touched.contains($0.receipt) }).randomElement(using: &rng) else { continue }
                touched.insert(sale.receipt)
                let lines = sale.lines.filter { !$0.voided }.map {
                    RefundLine(originalLineNo: $0.lineNo, sku: $0.sku, name: $0.name, quantity: $0.quantity, unitPrice: $0.unitPrice,
                               amount: $0.tax.gross, tax: $0.tax.tax, weighed: false)
                }
                guard !lines.isEmpty else { continue }
                let refund = RefundRecord(number: DocumentNumber(kind: .refund, till: till, sequence: Int64(n)).description, till: till,
                                          shift: 1, at: at, clerk: clerk, approver: rng.int(0...1) == 0 ? people[2] : nil, approvals: [],
                                          originalReceipt: sale.receipt, originalSoldAt: sale.at, lines: lines,
                                          tenders: sale.tenders, reason: ReasonCode.refundDefaults[0], customerReference: nil,
                                          rounding: .zero(currency), training: sale.training)
                try journal.append(.refund(refund, templates.refund(refund)))
            case 1:
                let amount = Money(minor: Int64(rng.int(1...30_000)), currency: currency)
                let line = RefundLine(originalLineNo: 0, sku: "X", name: "Item X", quantity: .each(1), unitPrice: amount, amount: amount,
                                      tax: LineTax.compute(amount: amount, taxClass: tax).tax, weighed: false)
                let refund = RefundRecord(number: DocumentNumber(kind: .refund, till: till, sequence: Int64(n)).description, till: till,
                                          shift: 1, at: at, clerk: clerk, approver: people[2], approvals: [], originalReceipt: nil,
                                          originalSoldAt: nil, lines: [line], tenders: [Tender(kind: .cash, amount: amount)],
                                          reason: ReasonCode.refundDefaults[0], customerReference: nil, rounding: .zero(currency),
                                          training: training)
                try journal.append(.refund(refund, templates.refund(refund)))
            case 2 where !sales.isEmpty:
                guard let sale = sales.filter({ !touched.contains($0.receipt) }).randomElement(using: &rng) else { continue }
                touched.insert(sale.receipt)
                let void = VoidRecord(number: DocumentNumber(kind: .postVoid, till: till, sequence: Int64(n)).description, till: till,
                                      shift: 1, at: at, clerk: clerk, approver: people[2], originalReceipt: sale.receipt,
                                      reason: ReasonCode.voidDefaults[0], tenders: sale.tenders, total: sale.total, tax: sale.totals.tax,
                                      training: sale.training)
                try journal.append(.postVoid(void, templates.postVoid(void)))
            default:
                let lines = (1...rng.int(1...3)).map { i -> SaleLine in
                    var line = SaleLine(lineNo: i, item: CatalogItem(sku: "I\(i)", barcodes: [], name: "Item \(i) 茶",
                                                                      price: Money(minor: Int64(rng.int(1...20_000)), currency: currency),
                                                                      taxClassID: tax.id),
                                        quantity: .each(Int64(rng.int(1...4))), taxClass: tax, barcode: nil)
                    line.voided = rng.int(0...6) == 0
                    return line
                }
                let totals = SaleTotals(lines: lines, currency: currency)
                let receipt = DocumentNumber(kind: .sale, till: till, sequence: Int64(n)).description
                let sale = SaleRecord(receipt: receipt, receiptCode: ReceiptCode.make(till: till, sequence: Int64(n), date: at.civilDate(utcOffsetSeconds: 0)),
                                      till: till, shift: 1, at: at, clerk: clerk, lines: lines,
                                      tenders: [Tender(kind: rng.int(0...1) == 0 ? .cash : .card, amount: totals.gross)], totals: totals,
                                      rounding: .zero(currency), change: .zero(currency), training: training)
                try journal.append(.sale(sale, templates.sale(sale)))
                sales.append(sale)
            }
        }
    }

    @Test func centralZAndRefundReportEqualTheTillsOwn() async throws {
        guard let database = try await TestDatabase.make("reports") else { return }
        defer { Task { await database.drop() } }
        for seed in Seeded.seeds(count: 3, base: 0x2E_F0ED) {
            var rng = Seeded(seed: seed)
            let connection = CentralConnection(settings: database.settings)
            // Each seed its own shop, so the seeds do not see each other's tills.
            let shop = String(format: "%02d", Int(seed % 90) + 10)
            var journals: [(String, JournalDatabase)] = []
            for till in ["11", "12"] {
                let journal = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { Self.t0 })
                try journal.upsert(taxClasses: [Self.tax], by: nil)
                try Self.shopDay(journal, till: till, &rng)
                var settings = database.settings
                settings.shop = shop
                let sender = CentralConnection(settings: settings)
                try await Outbox(source: journal, connection: sender, till: till, clock: { Self.t0 }).pushPending()
                await sender.drop()
                journals.append((till, journal))
            }
            let central = try await CentralReports.shiftTotals(connection, shop: shop, till: nil, shift: nil)
            #expect(central.count == 2, "seed \(seed)")
            for (till, journal) in journals {
                let local = try #require(try journal.shiftTotals(shift: 1, till: till))
                var got = try #require(central.first { $0.totals.shift.till == till }).totals
                got.journalHead = local.journalHead
                #expect(got == local, "seed \(seed) (TILL_PROPERTY_SEED=\(seed)) till \(till): central \(got) local \(local)")
            }
            #expect(try await CentralReports.figureDifferences(connection).isEmpty, "seed \(seed)")

            let offset: Int64 = 8 * 3600
            let localFacts = try journals.flatMap { try $0.1.refundFacts(shop: shop, from: .min, until: .max) }
            let localSales = try journals.flatMap { try $0.1.salesFacts(shop: shop, utcOffsetSeconds: offset, from: .min, until: .max) }
            func report(_ refunds: [RefundFact], _ sales: [SalesFact]) -> RefundReport {
                RefundReport(refunds: refunds, sales: sales, utcOffsetSeconds: offset, from: nil, to: nil, perRefundLimitMinor: 10_000,
                             thresholds: RefundThresholds(noReceiptMinimum: 1, soonAfterSaleMinimum: 1, underLimitMinimum: 1))
            }
            let centralReport = report(try await CentralReports.refundFacts(connection, shop: shop, from: .min, until: .max),
                                       try await CentralReports.salesFacts(connection, shop: shop, utcOffsetSeconds: offset,
                                                                           from: .min, until: .max))
            let localReport = report(localFacts, localSales)
            for grouping in RefundGrouping.allCases {
                #expect(centralReport.rows(grouping).map(\.figures) == localReport.rows(grouping).map(\.figures),
                        "seed \(seed) (TILL_PROPERTY_SEED=\(seed)) \(grouping)")
                #expect(centralReport.rows(grouping).map(\.key) == localReport.rows(grouping).map(\.key), "seed \(seed) \(grouping) keys")
            }
            #expect(centralReport.flags.map(\.kind) == localReport.flags.map(\.kind), "seed \(seed) flags")
            // The refund report's rows are kept as refunds arrive: exactly what the entries give, and an edit shows.
            #expect(try await CentralReports.refundFactDifferences(connection).isEmpty, "seed \(seed)")
            if !localFacts.isEmpty {
                try await connection.run { db, logger in
                    _ = try await db.query("UPDATE central_refund_fact SET amount_minor = amount_minor + 1 WHERE shop = \(shop)", logger: logger)
                }
                #expect(try await CentralReports.refundFactDifferences(connection).count == localFacts.count, "seed \(seed): edits named")
                try await connection.run { db, logger in
                    _ = try await db.query("UPDATE central_refund_fact SET amount_minor = amount_minor - 1 WHERE shop = \(shop)", logger: logger)
                }
            }
            await connection.drop()
        }
    }
}
