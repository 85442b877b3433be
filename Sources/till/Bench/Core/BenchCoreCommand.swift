import ArgumentParser
import Foundation
import GRDB
import TillCore
import TillJournal
import TillRuntime

/// `till bench core`: figures for the transaction core and journal at shop-chain scale. Prints
/// percentiles for ours and for a named peer run in the same process on the same disk: plain
/// SQLite (through GRDB) doing the least the same job needs, with no hash chain, no guards and
/// no core. Not a test: nothing is asserted.
struct BenchCoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "core", abstract: "Benchmark look-ups, Z report and commit latency at 1,000,000 items/transactions.")

    @Option(help: "Catalog size.") var items = 1_000_000
    @Option(help: "Journal size (sales in one shift).") var transactions = 1_000_000
    @Option(help: "Samples per measurement.") var samples = 5_000
    @Option(help: "Folder for the benchmark databases (deleted afterwards).") var dir: String?

    func run() throws {
        let folder = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("till-bench-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bench = try CoreBench(folder: folder, items: items, transactions: transactions, samples: samples)
        Output.line("till bench core: \(items) items, \(transactions) transactions, \(samples) samples each; folder \(folder)")
        Output.line("peer = plain SQLite via GRDB, same pragmas (WAL, synchronous FULL), no chain/guards/core")
        try bench.load()
        try bench.measureAddByBarcode()
        try bench.measureReceiptLookup()
        try bench.measureZReport()
        try bench.measureCommit()
    }
}

/// The benchmark's databases and measurements.
struct CoreBench {
    let folder: String
    let items: Int
    let transactions: Int
    let samples: Int
    let journal: JournalDatabase
    let peer: DatabaseQueue
    let currency = Currency.cny
    let config = RegisterConfig()

    init(folder: String, items: Int, transactions: Int, samples: Int) throws {
        self.folder = folder
        self.items = items
        self.transactions = transactions
        self.samples = samples
        journal = try JournalDatabase(path: folder + "/journal.sqlite", pinHashRounds: 1000)
        var peerConfig = Configuration()
        peerConfig.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
        }
        peer = try DatabaseQueue(path: folder + "/peer.sqlite", configuration: peerConfig)
        try peer.write { db in
            try db.execute(sql: """
                CREATE TABLE item (sku TEXT PRIMARY KEY, name TEXT, priceMinor INTEGER);
                CREATE TABLE barcode (code TEXT PRIMARY KEY, sku TEXT);
                CREATE TABLE sale (receipt TEXT PRIMARY KEY, shift INTEGER, totalMinor INTEGER, payload TEXT);
                CREATE INDEX saleShift ON sale(shift, totalMinor);
                """)
        }
    }

    static func barcode(_ i: Int) -> String {
        var body = String(200_000_000_000 + i)   // 12 digits
        body = String(body.suffix(12))
        return GTIN.appendingCheckDigit(body)
    }

    func item(_ i: Int) -> CatalogItem {
        CatalogItem(sku: "SKU\(i)", barcodes: [Self.barcode(i)], name: "Item \(i) 商品", price: Money(minor: Int64(100 + i % 9900), currency: currency),
                    taxClassID: "VAT13")
    }

    func load() throws {
        let start = Date()
        try journal.upsert(taxClasses: [TaxClass(id: "VAT13", name: "VAT", rateBasisPoints: 1300, inclusive: true)])
        try journal.addUser(User(code: "1001", name: "Bench", role: .supervisor), pin: "111111")
        for batch in stride(from: 0, to: items, by: 20_000) {
            let chunk = (batch..<min(items, batch + 20_000)).map(item)
            try journal.upsert(items: chunk)
            try peer.write { db in
                for it in chunk {
                    try db.execute(sql: "INSERT INTO item VALUES (?, ?, ?)", arguments: [it.sku, it.name, it.price.minor])
                    try db.execute(sql: "INSERT INTO barcode VALUES (?, ?)", arguments: [it.barcodes[0], it.sku])
                }
            }
            Output.progress("loading catalog: \(min(items, batch + 20_000)) / \(items)")
        }
        Output.progress("")
        let clerk = User(code: "1001", name: "Bench", role: .supervisor)
        let shift = ShiftRecord(number: 1, till: "01", openedAt: Timestamp(seconds: 1_795_000_000), openedBy: clerk,
                                openingFloat: .zero(currency))
        try journal.append(.shiftOpened(shift))
        let templates = config.templates
        let tax = TaxClass(id: "VAT13", name: "VAT", rateBasisPoints: 1300, inclusive: true)
        for batch in stride(from: 1, through: transactions, by: 10_000) {
            var records: [JournalRecord] = []
            var peerRows: [(String, Int64, String)] = []
            for n in batch..<min(transactions + 1, batch + 10_000) {
                let line = SaleLine(lineNo: 1, item: item(n % items), quantity: .each(Int64(1 + n % 3)), taxClass: tax, barcode: nil)
                let totals = SaleTotals(lines: [line], currency: currency)
                let receipt = DocumentNumber(kind: .sale, till: "01", sequence: Int64(n)).description
                let sale = SaleRecord(receipt: receipt, receiptCode: ReceiptCode.make(till: "01", sequence: Int64(n), date: CivilDate(year: 2026, month: 11, day: 18)),
                                      till: "01", shift: 1, at: Timestamp(seconds: 1_795_000_000 + Int64(n)), clerk: clerk,
                                      lines: [line], tenders: [Tender(kind: .cash, amount: totals.gross, received: totals.gross)],
                                      totals: totals, rounding: .zero(currency), change: .zero(currency), training: false)
                records.append(.sale(sale, templates.sale(sale)))
                peerRows.append((receipt, totals.gross.minor, "{\"receipt\":\"\(receipt)\"}"))
            }
            try journal.append(contentsOf: records)
            try peer.write { db in
                for row in peerRows { try db.execute(sql: "INSERT INTO sale VALUES (?, 1, ?, ?)", arguments: [row.0, row.1, row.2]) }
            }
            Output.progress("loading journal: \(min(transactions, batch + 9_999)) / \(transactions)")
        }
        Output.progress("")
        Output.line(String(format: "loaded in %.0f s", Date().timeIntervalSince(start)))
    }

    func runtime(clock: TillClock) throws -> RegisterRuntime {
        let runtime = try RegisterRuntime(config: config, journal: journal, printer: SilentPrinter(), clock: { clock.now })
        runtime.send(.signInRequested(code: "1001", pin: "111111"))
        return runtime
    }

    /// Scan → item on the sale line, through the core and the journal (sales of 50 lines).
    func measureAddByBarcode() throws {
        let runtime = try runtime(clock: TillClock())
        var rng = SystemRandomNumberGenerator()
        var ours = Samples(), peerSamples = Samples()
        for i in 0..<samples {
            let code = Self.barcode(Int.random(in: 0..<items, using: &rng))
            if i % 50 == 0 { runtime.send(.cancelled) }
            ours.time { _ = runtime.send(.codeEntered(code, quantity: nil)) }
            try peer.read { db in
                try peerSamples.time {
                    _ = try Row.fetchOne(db, sql: "SELECT i.* FROM barcode b JOIN item i ON i.sku = b.sku WHERE b.code = ?", arguments: [code])
                }
            }
        }
        runtime.send(.cancelled)
        report("add by barcode (\(items) items)", ours: ours, peer: peerSamples, peerName: "SELECT by barcode", target: "p99 < 1 ms")
    }

    /// Receipt → the sale with its refund history, as a refund starts.
    func measureReceiptLookup() throws {
        var ours = Samples(), peerSamples = Samples()
        for _ in 0..<samples {
            let n = Int64.random(in: 1...Int64(transactions))
            let number = DocumentNumber(kind: .sale, till: "01", sequence: n)
            try ours.time {
                guard let found = try journal.sale(number) else { throw ValidationError("missing \(number)") }
                _ = ReturnableSale(sale: found.sale, priorRefunds: found.refunds, voided: found.voided)
            }
            try peer.read { db in
                try peerSamples.time { _ = try Row.fetchOne(db, sql: "SELECT * FROM sale WHERE receipt = ?", arguments: [number.description]) }
            }
        }
        report("receipt look-up (\(transactions) txns)", ours: ours, peer: peerSamples, peerName: "SELECT by receipt", target: "p99 < 1 ms")
    }

    /// Totals for a shift holding every transaction: the worst case for a Z report.
    func measureZReport() throws {
        var ours = Samples(), peerSamples = Samples()
        for _ in 0..<5 {
            _ = try ours.time { try journal.shiftTotals(shift: 1, till: "01") }
            try peer.read { db in
                try peerSamples.time { _ = try Row.fetchOne(db, sql: "SELECT COUNT(*), SUM(totalMinor) FROM sale WHERE shift = 1") }
            }
        }
        report("Z report totals (\(transactions) txns)", ours: ours, peer: peerSamples, peerName: "COUNT/SUM by shift", target: "< 1 s")
    }

    /// Tender → sale committed (chain, guards, projections, slip stored, print state) with a
    /// disk sync, against a single-row INSERT with the same sync.
    func measureCommit() throws {
        let clock = TillClock()
        let runtime = try runtime(clock: clock)
        var ours = Samples(), peerSamples = Samples()
        let count = min(samples, 2_000)
        for i in 0..<count {
            runtime.send(.codeEntered(Self.barcode(i), quantity: nil))
            ours.time { _ = runtime.send(.tendered(.cash, amount: nil, reference: nil)) }
            try peerSamples.time {
                try peer.write { db in
                    try db.execute(sql: "INSERT INTO sale VALUES (?, 2, 100, ?)", arguments: ["P\(i)", "{}"])
                }
            }
        }
        report("commit one sale (\(count))", ours: ours, peer: peerSamples, peerName: "1-row INSERT txn", target: "-")
    }
}
