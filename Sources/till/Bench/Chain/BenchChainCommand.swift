import ArgumentParser
import Foundation
import TillCentral

/// `till bench chain`: N real `till exec` processes (each its own SQLite journal, its own
/// central connection and outbox) of one shop selling and refunding against one PostgreSQL,
/// some refunds of another till's sale. Prints throughput, commit p50/p99 at the till,
/// replication lag p50/p99 (commit at the till → seen centrally), cross-till look-up p50/p99,
/// and the named peer measured in the same run: a plain `SELECT 1` round trip to the same
/// server under the same load. Percentiles are of every sample, sorted. Asserts nothing.
struct BenchChainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain", abstract: "Benchmark N tills selling and refunding against one central PostgreSQL.",
        discussion: "Scripts/bench-chain runs it on a private cluster of its own. The central database must be one the tills may create their schema in.")

    @Option(help: "Central journal URL (as [central] url; a password comes from $TILL_CENTRAL_PASSWORD).") var centralURL: String
    @Option(help: "Till processes.") var tills = 8
    @Option(help: "Seconds of selling.") var seconds = 30
    @Option(help: "Stop once this many transactions (sales and refunds, all tills) are done, if before --seconds.") var transactions: Int?
    @Option(help: "Every Nth transaction of a till is a refund.") var refundEvery = 5
    @Option(help: "The shop's code (1–4 digits; default: a random one, so runs never meet in one database).") var shop: String?
    @Option(help: "Seconds to wait, after selling, for every document to be seen centrally.") var drainSeconds = 30
    @Option(help: "Folder for the tills' data (deleted afterwards).") var dir: String?
    @Option(help: "Cross-till look-ups made after the load by one more till, the others stopped (0: none).") var quietLookUps = 200

    func validate() throws {
        guard (1...98).contains(tills), seconds >= 1, refundEvery >= 2, drainSeconds >= 1, transactions.map({ $0 >= 1 }) ?? true,
              quietLookUps >= 0 else {
            throw ValidationError("--tills is 1–98 (one more till makes the quiet look-ups), --seconds and --drain-seconds at least 1, --refund-every at least 2, --transactions at least 1, --quiet-look-ups at least 0.")
        }
        if let shop, !(1...4).contains(shop.count) || !shop.allSatisfy(\.isASCIIDigit) {
            throw ValidationError("--shop is 1–4 digits.")
        }
    }

    func run() throws {
        let shop = shop ?? String(format: "%04d", Int.random(in: 1000...9999))
        let folder = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("till-bench-chain-\(getpid())").path
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A till that exits early must not take the benchmark with it (a write to its closed pipe).
        signal(SIGPIPE, SIG_IGN)
        let settings = CentralSettings(address: try CentralAddress(parsing: centralURL),
                                       password: ProcessInfo.processInfo.environment["TILL_CENTRAL_PASSWORD"],
                                       connectTimeoutSeconds: 10, queryTimeoutSeconds: 60, shop: shop)
        let binary = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let ids = (1...tills).map { String(format: "%02d", $0) }
        Output.line("till bench chain: \(tills) tills (till exec processes) of shop \(shop) against \(settings.address); "
                    + "\(seconds) s of selling; one transaction in \(refundEvery) a refund, alternately of the till's own sale and another till's")
        Output.line("peer = plain SELECT 1 round trip to the same server, on the benchmark's own connection, during the same load")

        let record = ChainRecord()
        let watch = CentralWatch(settings: settings, tills: ids, record: record)
        let watching = Task.detached { try await watch.run() }
        let done = DispatchSemaphore(value: 0)
        for id in ids {
            let driver = ChainDriver(binary: binary, folder: folder, shop: shop, centralURL: centralURL, id: id,
                                     refundEvery: refundEvery, drainSeconds: Double(drainSeconds), record: record)
            Thread { driver.run(); done.signal() }.start()
        }
        let window = try sell(record, tills: tills)
        for _ in ids { done.wait() }
        record.state.withLock { $0.stopWatching = true }
        let watchFailure: String? = {
            do { try Blocking.wait { try await watching.value }; return nil } catch { return "\(error)" }
        }()
        var figures = ChainFigures(record: record, window: window, tills: tills, watchFailure: watchFailure)
        if quietLookUps > 0 {
            Output.progress("quiet look-ups: one more till looks up other tills' sales, the selling tills stopped")
            let receipts = record.state.withLock { s in s.refundable.keys.sorted().flatMap { s.refundable[$0] ?? [] } }
            let quiet = QuietLookUps(binary: binary, folder: folder, shop: shop, centralURL: centralURL, settings: settings,
                                     id: String(format: "%02d", tills + 1), samples: quietLookUps)
            do { figures.quiet = try quiet.run(receipts: receipts) } catch { figures.quietFailure = "\(error)" }
        }
        Output.progress("")
        figures.print()
    }

    /// Waits for every till to sign in, lets them sell for the set time or count with progress
    /// once a second, and returns the selling window with the transactions done in it.
    private func sell(_ record: ChainRecord, tills: Int) throws -> ChainFigures.Window {
        let startDeadline = Date().addingTimeInterval(120)
        while true {
            let (ready, failed) = record.state.withLock { ($0.ready, $0.failures.count) }
            if ready + failed >= tills || Date() > startDeadline { break }
            Output.progress("starting tills: \(ready) / \(tills) signed in")
            usleep(100_000)
        }
        let start = ChainRecord.now()
        record.state.withLock { $0.go = true }
        var last = Date()
        while true {
            usleep(50_000)
            let (sales, refunds, failed, unseen) = record.state.withLock { s in
                (s.sales, s.refunds, s.failures.count, s.committedAt.keys.filter { s.seenAt[$0] == nil }.count)
            }
            let elapsed = Double(ChainRecord.now() - start) / 1e9
            if Date().timeIntervalSince(last) >= 1 {
                last = Date()
                Output.progress(String(format: "selling: %.0f / %d s, %d sales, %d refunds (%.1f/s), %d not yet seen centrally",
                                       elapsed, seconds, sales, refunds, Double(sales + refunds) / max(elapsed, 0.001), unseen))
            }
            if elapsed >= Double(seconds) || failed >= tills || (transactions.map { sales + refunds >= $0 } ?? false) {
                let counted = record.state.withLock { s in
                    s.stopSelling = true
                    return (s.sales, s.refunds)
                }
                Output.progress("selling stopped; waiting for the central journal to show every document")
                return ChainFigures.Window(nanos: ChainRecord.now() - start, sales: counted.0, refunds: counted.1)
            }
        }
    }
}
