import ArgumentParser
import Foundation
import PostgresNIO
import TillCentral
import TillCore

/// `till bench central-reports`: a shop's Z report (all its tills, from the central running
/// totals) and its refund report (`till report refunds --central`: two queries and the core's
/// computation) over `--transactions` central transactions (`CentralBenchLoad`), each against
/// plain COUNT/SUM over the same entries as the named peer. Prints p50/p99; asserts nothing.
struct BenchCentralReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central-reports", abstract: "Benchmark a shop's central Z and refund reports over 1,000,000 central transactions.",
        discussion: "Scripts/bench-central-reports runs it on a private cluster of its own.")

    @Option(help: "Central journal URL (a password comes from $TILL_CENTRAL_PASSWORD).") var centralURL: String
    @Option(help: "Central transactions to load (sales and refunds of one shop).") var transactions = 1_000_000
    @Option(help: "Tills of the shop.") var tills = 8
    @Option(help: "Samples of each report and its peer.") var samples = 10
    @Option(help: "The shop's code (1–4 digits; default: a random one).") var shop: String?
    @Option(help: "Tills loaded at once, each on its own connection.") var parallel = 4
    @Flag(help: "Skip recomputing every running total from the entries after loading.") var noCheck = false
    @Flag(help: "Load nothing: measure the shop --shop already loaded at --central-url by an earlier run.") var reuse = false

    func validate() throws {
        guard transactions >= 100, (1...99).contains(tills), samples >= 1, parallel >= 1 else {
            throw ValidationError("--transactions at least 100, --tills 1–99, --samples and --parallel at least 1.")
        }
        if reuse, shop == nil { throw ValidationError("--reuse needs the --shop loaded before.") }
        if let shop, !(1...4).contains(shop.count) || !shop.allSatisfy(\.isASCIIDigit) { throw ValidationError("--shop is 1–4 digits.") }
    }

    func run() throws {
        let shop = shop ?? String(format: "%04d", Int.random(in: 1000...9999))
        let settings = CentralSettings(address: try CentralAddress(parsing: centralURL),
                                       password: ProcessInfo.processInfo.environment["TILL_CENTRAL_PASSWORD"],
                                       connectTimeoutSeconds: 10, queryTimeoutSeconds: 600, shop: shop)
        let load = CentralBenchLoad(shop: shop, tills: (1...tills).map { String(format: "%02d", $0) }, transactions: transactions)
        let (transactions, samples, check, parallel, reuse) = (transactions, samples, !noCheck, parallel, reuse)
        Output.line("till bench central-reports: \(transactions) central transactions of shop \(shop) on \(tills) tills, \(samples) samples; \(settings.address)")
        Output.line("peer = plain COUNT/SUM over the same central_entry rows (no running totals, no payload read)")
        try Blocking.wait {
            let connection = CentralConnection(settings: settings)
            let started = Date()
            if reuse {
                // The schema brought up to date (a step added since the load fills its tables from the entries).
                try await connection.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
                Output.line(String(format: "reusing the loaded shop %@ (schema brought up to date in %.0f s)", shop, Date().timeIntervalSince(started)))
            } else {
                let loaded = try await load.load(settings, parallel: parallel) { done in Output.progress("loading central journal: \(done) / \(transactions)") }
                Output.progress("")
                Output.line(String(format: "loaded %d sales and %d refunds through the arrival verification in %.0f s",
                                   loaded.sales, loaded.refunds, Date().timeIntervalSince(started)))
            }
            // As autovacuum would have by now: statistics, and the visibility map index-only scans need.
            try await connection.run { db, logger in _ = try await db.query("VACUUM ANALYZE", logger: logger).collect() }
            if check {
                let checking = Date()
                let differences = try await CentralReports.figureDifferences(connection)
                Output.line(String(format: "running totals recomputed from every entry: %@ (%.0f s)",
                                   differences.isEmpty ? "all agree" : "\(differences.count) differ: \(differences.prefix(3))", Date().timeIntervalSince(checking)))
                let buckets = try await CentralReports.salesBucketDifferences(connection)
                Output.line(String(format: "sales buckets recomputed from every sale: %@ (%.0f s)",
                                   buckets.isEmpty ? "all agree" : "\(buckets.count) differ: \(buckets.prefix(3))", Date().timeIntervalSince(checking)))
            }
            try await Self.measure(connection, shop: shop, samples: samples)
            await connection.drop()
        }
    }

    static func nanos(_ body: () async throws -> Void) async rethrows -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        return DispatchTime.now().uptimeNanoseconds - start
    }

    static func measure(_ connection: CentralConnection, shop: String, samples: Int) async throws {
        var z: [UInt64] = [], zPeer: [UInt64] = [], refunds: [UInt64] = [], refundsPeer: [UInt64] = []
        var sold: Int64 = 0, refunded: Int64 = 0
        let limit = RegisterConfig().policy.refund.perRefundLimitMinor
        var grouped: RefundReport?
        // Once: the report as it was made before the sums moved into the database (every refund
        // row and every sale's day to the till), its time, and whether the two reports are equal.
        var rowByRow: RefundReport?
        let before = try await nanos {
            let facts = try await CentralReports.refundFacts(connection, shop: shop, from: .min, until: .max)
            let sales = try await CentralReports.salesFacts(connection, shop: shop, utcOffsetSeconds: 0, from: .min, until: .max, fromBuckets: false)
            rowByRow = RefundReport(refunds: facts, sales: sales, utcOffsetSeconds: 0, from: nil, to: nil, perRefundLimitMinor: limit,
                                    thresholds: RefundThresholds())
        }
        for round in 0..<samples {
            Output.progress("measuring: \(round + 1) / \(samples)")
            z.append(try await nanos {
                let reports = try await CentralReports.shiftTotals(connection, shop: shop, till: nil, shift: nil)
                sold = reports.reduce(0) { $0 + $1.totals.sales.count }
                refunded = reports.reduce(0) { $0 + $1.totals.refunds.count }
            })
            zPeer.append(try await nanos {
                _ = try await connection.run { db, logger in
                    try await db.query("""
                        SELECT doc_till, kind, count(*), sum(total_minor) FROM central_entry
                        WHERE shop = \(shop) AND NOT training AND kind IN ('sale', 'refund', 'postVoid') GROUP BY doc_till, kind
                        """, logger: logger).collect().count
                }
            })
            refunds.append(try await nanos {
                grouped = try await CentralReports.refundReport(connection, shop: shop, utcOffsetSeconds: 0, from: nil, to: nil,
                                                               start: .min, until: .max, perRefundLimitMinor: limit, thresholds: RefundThresholds())
            })
            refundsPeer.append(try await nanos {
                _ = try await connection.run { db, logger in
                    try await db.query("""
                        SELECT kind, user_code, count(*), sum(total_minor) FROM central_entry
                        WHERE shop = \(shop) AND NOT training AND kind IN ('sale', 'refund', 'postVoid') GROUP BY kind, user_code
                        """, logger: logger).collect().count
                }
            })
        }
        Output.progress("")
        report("shop Z report (all tills)", ours: Samples(nanos: z), peer: Samples(nanos: zPeer), peerName: "COUNT/SUM by till, kind", target: "< 1 s")
        report("shop refund report", ours: Samples(nanos: refunds), peer: Samples(nanos: refundsPeer), peerName: "COUNT/SUM by kind, clerk", target: "< 1 s")
        let refundRows = grouped?.rows(.shop).first?.figures.refunded.count ?? 0
        Output.line("the Z reports count \(sold) sales and \(refunded) refunds; the refund report counts \(refundRows) refunds and raised \(grouped?.flags.count ?? 0) flags")
        Output.line(String(format: "row by row (every refund row and every sale's day to the till, as before schema v8): %.2f s once; same report: %@",
                           Double(before) / 1e9, grouped == rowByRow ? "yes" : "NO"))
    }
}
