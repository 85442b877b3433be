import ArgumentParser
import Foundation
import GRDB
import TillCore
import TillJournal

/// `till bench reports`: the single-till Z report (running shift totals) and the refund report
/// over a journal of `--entries` sales, refunds, returns without receipt and post-voids in one
/// shift, each against plain SQLite COUNT/SUM over the same file as the named peer, in the same
/// run. Prints p50/p99; asserts nothing.
struct BenchReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports", abstract: "Benchmark the Z report and the refund report at 1,000,000 journal entries.")

    @Option(help: "Journal entries to load (one shift).") var entries = 1_000_000
    @Option(help: "Samples of the Z report and its peer.") var samples = 500
    @Option(help: "Samples of the refund report and its peer (each reads every refund).") var reportSamples = 20
    @Option(help: "Folder for the benchmark journal (deleted afterwards).") var dir: String?

    func validate() throws {
        guard entries >= 10, samples >= 1, reportSamples >= 1 else {
            throw ValidationError("--entries must be at least 10, --samples and --report-samples at least 1.")
        }
    }

    func run() throws {
        let folder = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("till-bench-reports-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The journal's clock at the benchmark's first day: its changes come before the sales.
        let journal = try JournalDatabase(path: folder + "/journal.sqlite", pinHashRounds: 1000,
                                          clock: { Timestamp(seconds: ReportBenchJournal.t0) })
        Output.line("till bench reports: \(entries) entries in one shift, \(samples) Z samples, \(reportSamples) refund-report samples; folder \(folder)")
        Output.line("peer = plain SQLite COUNT/SUM over the same journal file (GRDB, no running totals)")
        let start = Date()
        let loaded = try ReportBenchJournal.load(journal, entries: entries)
        Output.line(String(format: "loaded %d sales, %d refunds, %d returns without receipt, %d post-voids in %.0f s",
                           loaded.sales, loaded.refunds, loaded.blind, loaded.voids, Date().timeIntervalSince(start)))
        let peer = try DatabaseQueue(path: folder + "/journal.sqlite")

        var ours = Samples(), plain = Samples()
        for _ in 0..<samples {
            _ = try ours.time { try journal.shiftTotals(shift: 1, till: "01") }
            try peer.read { db in
                try plain.time {
                    _ = try Row.fetchAll(db, sql: """
                        SELECT kind, COUNT(*), SUM(totalMinor) FROM journalEntry
                        WHERE till = '01' AND shift = 1 AND training = 0 AND kind IN ('sale', 'refund', 'postVoid') GROUP BY kind
                        """)
                }
            }
        }
        report("Z report (\(entries) entries)", ours: ours, peer: plain, peerName: "COUNT/SUM by kind", target: "p99 < 50 ms")

        let config = RegisterConfig()
        var reportTimes = Samples(), reportPeer = Samples()
        var flags = 0
        for _ in 0..<reportSamples {
            let built = try reportTimes.time {
                RefundReport(refunds: try journal.refundFacts(shop: "bench", from: .min, until: .max),
                             sales: try journal.salesFacts(shop: "bench", utcOffsetSeconds: config.utcOffsetSeconds, from: .min, until: .max),
                             utcOffsetSeconds: config.utcOffsetSeconds, from: nil, to: nil,
                             perRefundLimitMinor: config.policy.refund.perRefundLimitMinor, thresholds: RefundThresholds())
            }
            flags = built.flags.count
            try peer.read { db in
                try reportPeer.time {
                    _ = try Row.fetchAll(db, sql: """
                        SELECT kind, userCode, COUNT(*), SUM(totalMinor) FROM journalEntry
                        WHERE training = 0 AND kind IN ('sale', 'refund', 'postVoid') GROUP BY kind, userCode
                        """)
                }
            }
        }
        report("refund report (\(entries) entries)", ours: reportTimes, peer: reportPeer, peerName: "COUNT/SUM by clerk", target: "< 1 s")
        Output.line("refund report flags raised: \(flags)")
    }
}

/// The benchmark's journal: sales of 1–3 items in one shift by four clerks; every 10th entry a
/// refund of a recent sale's first line, every 50th a return without receipt, every 200th a
/// post-void of a sale nothing was refunded from. Loaded in batches (one transaction each).
enum ReportBenchJournal {
    struct Loaded { var sales = 0, refunds = 0, blind = 0, voids = 0 }
    static let t0: Int64 = 1_795_000_000

    static func load(_ journal: JournalDatabase, entries: Int) throws -> Loaded {
        let currency = Currency.cny
        let tax = TaxClass(id: "VAT13", name: "VAT", rateBasisPoints: 1300, inclusive: true)
        try journal.upsert(taxClasses: [tax])
        let clerks = (1...4).map { User(code: "100\($0)", name: "Clerk \($0) 收银员\($0)", role: .clerk) }
        let supervisor = User(code: "2001", name: "Supervisor 主管", role: .supervisor)
        try journal.addUser(supervisor, pin: "222222")
        for clerk in clerks { try journal.addUser(clerk, pin: "111111") }
        try journal.append(.shiftOpened(ShiftRecord(number: 1, till: "01", openedAt: Timestamp(seconds: t0), openedBy: supervisor,
                                                    openingFloat: .zero(currency))))
        let templates = RegisterConfig().templates
        var loaded = Loaded()
        var sales: [SaleRecord] = []
        var refunded: Set<String> = []
        var batch: [JournalRecord] = []
        for n in 1..<entries {
            let at = Timestamp(seconds: t0 + Int64(n) * 2)
            let clerk = clerks[n % clerks.count]
            if n % 200 == 0, let sale = sales.last(where: { !refunded.contains($0.receipt) }) {
                refunded.insert(sale.receipt)
                loaded.voids += 1
                let void = VoidRecord(number: DocumentNumber(kind: .postVoid, till: "01", sequence: Int64(loaded.voids)).description,
                                      till: "01", shift: 1, at: at, clerk: clerk, approver: supervisor, originalReceipt: sale.receipt,
                                      reason: ReasonCode.voidDefaults[0], tenders: sale.tenders, total: sale.total,
                                      tax: sale.totals.tax, training: false)
                batch.append(.postVoid(void, templates.postVoid(void)))
            } else if n % 50 == 0 || (n % 10 == 0 && sales.count > 5) {
                let original = n % 50 == 0 ? nil : sales[sales.count - 5]
                if let original, refunded.contains(original.receipt) { continue }
                if let original { refunded.insert(original.receipt) }
                let line = original?.lines[0]
                let amount = line?.tax.gross ?? Money(minor: Int64(500 + n % 4000), currency: currency)
                let refundLine = RefundLine(originalLineNo: line?.lineNo ?? 0, sku: line?.sku ?? "SKU1", name: line?.name ?? "Item",
                                            quantity: line?.quantity ?? .each(1), unitPrice: line?.unitPrice ?? amount, amount: amount,
                                            tax: line?.tax.tax ?? LineTax.compute(amount: amount, taxClass: tax).tax, weighed: false)
                if original == nil { loaded.blind += 1 } else { loaded.refunds += 1 }
                let number = DocumentNumber(kind: .refund, till: "01", sequence: Int64(loaded.blind + loaded.refunds)).description
                let refund = RefundRecord(number: number, till: "01", shift: 1, at: at, clerk: clerk,
                                          approver: original == nil ? supervisor : nil, approvals: [],
                                          originalReceipt: original?.receipt, originalSoldAt: original?.at, lines: [refundLine],
                                          tenders: [Tender(kind: .cash, amount: amount)], reason: ReasonCode.refundDefaults[0],
                                          customerReference: nil, rounding: .zero(currency), training: false)
                batch.append(.refund(refund, templates.refund(refund)))
            } else {
                loaded.sales += 1
                let item = CatalogItem(sku: "SKU\(n % 997)", barcodes: [], name: "Item \(n % 997) 商品",
                                       price: Money(minor: Int64(100 + n % 9900), currency: currency), taxClassID: tax.id)
                let line = SaleLine(lineNo: 1, item: item, quantity: .each(Int64(1 + n % 3)), taxClass: tax, barcode: nil)
                let totals = SaleTotals(lines: [line], currency: currency)
                let sequence = Int64(loaded.sales)
                let sale = SaleRecord(receipt: DocumentNumber(kind: .sale, till: "01", sequence: sequence).description,
                                      receiptCode: ReceiptCode.make(till: "01", sequence: sequence, date: at.civilDate(utcOffsetSeconds: 0)),
                                      till: "01", shift: 1, at: at, clerk: clerk, lines: [line],
                                      tenders: [Tender(kind: n % 3 == 0 ? .card : .cash, amount: totals.gross)], totals: totals,
                                      rounding: .zero(currency), change: .zero(currency), training: false)
                sales.append(sale)
                if sales.count > 64 { sales.removeFirst(32) }
                batch.append(.sale(sale, templates.sale(sale)))
            }
            if batch.count >= 10_000 {
                try journal.append(contentsOf: batch)
                batch.removeAll(keepingCapacity: true)
                Output.progress("loading journal: \(n) / \(entries)")
            }
        }
        try journal.append(contentsOf: batch)
        Output.progress("")
        return loaded
    }
}
