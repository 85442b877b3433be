import Foundation
import Synchronization
import Testing

/// Cross-till refunds with real `till exec` processes on one real central PostgreSQL
/// (`PostgresCentralJournal`): a sale at till 01 refunded at till 02 and then refused at 01 with
/// who took the goods; two tills refunding the same line at once (exactly one succeeds, from
/// generated quantities); the server stopped during a look-up and during a refund (the specific
/// reason, nothing written locally or centrally, a retry after it returns succeeds).
///
/// Each test has its own throw-away cluster (Scripts/central-db in a temporary folder): the
/// fault test stops it. Needs PostgreSQL like the other central tests: skipped by hand without
/// `TILL_TEST_POSTGRES_URL`, a FAILURE under `$CI`.
@Suite(.serialized) struct CrossTillProcessTests {
    /// A private cluster and two tills of shop 0001 on it.
    final class Chain {
        let cluster: String
        let script = CentralReplicationProcessTests.root + "/Scripts/central-db"
        let tills: [TillProcess]

        init(tills ids: [String] = ["01", "02"]) throws {
            cluster = FileManager.default.temporaryDirectory.appendingPathComponent("till-xtill-\(UUID().uuidString.prefix(8))").path
            let started = try CentralReplicationProcessTests.shell(script, ["start", cluster])
            guard started.status == 0 else { throw POSIXError(.ENOENT) }
            // Generous look-up timeout: two cores shared by many builds must not turn a slow answer into "did not answer".
            let central = "[central]\nurl = \"postgres://till@/till?host=\(cluster)\"\nconnect_timeout_seconds = 5\nquery_timeout_seconds = 10\nlookup_timeout_ms = 10000\n"
            tills = try ids.map { id in try TillProcess(config: "id = \"\(id)\"\n" + central) }
            for till in tills { try till.run(["user", "list"]) }
        }

        func stop() throws { _ = try CentralReplicationProcessTests.shell(script, ["stop", cluster]) }
        func start() throws { _ = try CentralReplicationProcessTests.shell(script, ["start", cluster]) }

        func sql(_ query: String) throws -> String { try CrossTillProcessTests.sql(cluster, query) }

        func localRefunds(_ till: TillProcess) throws -> String {
            try CentralReplicationProcessTests.shell("/usr/bin/sqlite3", [till.journalPath, "SELECT count(*) FROM journalEntry WHERE kind = 'refund'"])
                .out.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        deinit {
            tills.forEach { $0.cleanUp() }
            _ = try? CentralReplicationProcessTests.shell(script, ["destroy", cluster])
        }
    }

    /// Sells `quantity` mugs at `till` and sends the sale centrally; returns its receipt number.
    static func sell(_ till: TillProcess, quantity: Int) throws -> String {
        let out = try till.run(["exec"], stdin: "signin 2001 222222\nshift 500\nscan MUG-01 \(quantity)\ncash\n")
        let receipt = events(out.lines).first { $0["event"] as? String == "saleCompleted" }?["receipt"] as? String
        try #require(receipt != nil, "no sale: \(out.stdout) \(out.stderr)")
        let sync = try till.run(["central", "sync"])
        #expect(sync.status == 0, "sync: \(sync.stdout) \(sync.stderr)")
        return receipt ?? ""
    }

    /// One query's answer from the private cluster at `cluster`, trimmed.
    static func sql(_ cluster: String, _ query: String) throws -> String {
        try CentralReplicationProcessTests.shell("/usr/bin/psql", ["-h", cluster, "-U", "till", "-d", "till", "-tAc", query])
            .out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func refundScript(_ receipt: String, quantity: Int, confirm: Bool = true) -> String {
        "signin 2001 222222\nshift 500\nrefund\nreceipt \(receipt)\nline 1 \(quantity)\nreason UNWANTED\n" + (confirm ? "confirm\n" : "")
    }

    /// The refusal codes a refund's central check can end in (`CentralProblem.code`), and the
    /// returnable check on a centrally looked-up sale (its ledger holds every refund recorded anywhere).
    static let centralCodes: Set<String> = ["already_returned_elsewhere", "quantity_exceeds_returnable", "already_fully_refunded", "outside_central_ledger", "central_unreachable",
                                            "central_timeout", "central_sale_not_found", "central_refused", "central_not_configured"]

    /// How the refund ended: completed, or refused for a central reason (a second `shift 500`'s
    /// refusal and the like are not the refund's).
    static func outcome(_ result: TillProcess.Result) -> [String: Any]? {
        events(result.lines).first {
            $0["event"] as? String == "refundCompleted" || ($0["event"] as? String == "refused" && centralCodes.contains($0["code"] as? String ?? ""))
        }
    }

    static var available: Bool {
        guard ProcessInfo.processInfo.environment["TILL_TEST_POSTGRES_URL"] != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("TILL_TEST_POSTGRES_URL is not set: run the tests through Scripts/test (it installs and starts PostgreSQL)")
            }
            return false
        }
        return true
    }

    @Test func refundedAtAnotherTillIsRefusedAtTheOrigin() throws {
        guard Self.available else { return }
        let chain = try Chain()
        let (one, two) = (chain.tills[0], chain.tills[1])
        let receipt = try Self.sell(one, quantity: 2)

        let atTwo = try two.run(["exec"], stdin: Self.refundScript(receipt, quantity: 2))
        #expect(Self.outcome(atTwo)?["event"] as? String == "refundCompleted", "till 02: \(atTwo.stdout)")
        #expect(try chain.localRefunds(two) == "1")
        #expect(try chain.sql("SELECT count(*) FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'") == "1")

        let atOne = try one.run(["exec"], stdin: Self.refundScript(receipt, quantity: 1))
        let refused = Self.outcome(atOne)
        #expect(refused?["code"] as? String == "already_returned_elsewhere", "till 01: \(atOne.stdout)")
        let message = refused?["message"] as? String ?? ""
        #expect(message.contains("till 02") && message.contains("2001"), "the reason names where and who: \(message)")
        #expect(try chain.localRefunds(one) == "0", "nothing written at till 01")

        // Once till 02 replicates its refund, its reservation is confirmed by the arriving entry.
        _ = try two.run(["central", "sync"])
        #expect(try chain.sql("SELECT state FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'") == "confirmed")
        let again = try one.run(["exec"], stdin: Self.refundScript(receipt, quantity: 1))
        #expect(Self.outcome(again)?["code"] as? String == "already_returned_elsewhere", "counted once, replicated or reserved")
    }

    @Test func ownSaleNotReplicatedYetIsCarriedWithItsRefund() throws {
        guard Self.available else { return }
        let chain = try Chain()
        let (one, two) = (chain.tills[0], chain.tills[1])
        // Till 01 enrols its key (its reservations are signed with it) and sends what it has;
        // from then on the central journal holds back its entries (a test trigger answering as
        // a gap, so its outbox stops): only the refund's reservation can tell it about the sale.
        _ = try one.run(["central", "sync"])
        let sent = try chain.sql("SELECT count(*) FROM central_entry WHERE till = '01'")
        _ = try chain.sql("""
            CREATE FUNCTION test_hold_back_01() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.till = '01' THEN RAISE EXCEPTION 'held back by the test' USING ERRCODE = 'TC004'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER a_test_hold_back_01 BEFORE INSERT ON central_entry FOR EACH ROW EXECUTE FUNCTION test_hold_back_01();
            """)
        let sold = try one.run(["exec"], stdin: "signin 2001 222222\nshift 500\nscan MUG-01 3\ncash\n")
        let receipt = events(sold.lines).first { $0["event"] as? String == "saleCompleted" }?["receipt"] as? String ?? "?"

        let own = try one.run(["exec"], stdin: Self.refundScript(receipt, quantity: 1))
        #expect(Self.outcome(own)?["event"] as? String == "refundCompleted", "own sale, not replicated: \(own.stdout)")
        #expect(try chain.sql("SELECT count(*) FROM central_entry WHERE till = '01'") == sent, "till 01 replicated nothing more")
        // Another till finds the sale through the carried copy, with the refund counted.
        let rest = try two.run(["exec"], stdin: Self.refundScript(receipt, quantity: 3))
        let refused = Self.outcome(rest)
        #expect(refused?["code"] as? String == "quantity_exceeds_returnable", "till 02: \(rest.stdout)")
        let fits = try two.run(["exec"], stdin: Self.refundScript(receipt, quantity: 2))
        #expect(Self.outcome(fits)?["event"] as? String == "refundCompleted", "till 02: \(fits.stdout)")
    }

    @Test func twoTillsRefundingTheSameLineAtOnceExactlyOneSucceeds() throws {
        guard Self.available else { return }
        let seed = ProcessInfo.processInfo.environment["TILL_PROPERTY_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix64(seed: seed)
        let context = "seed \(seed) (re-run: TILL_PROPERTY_SEED=\(seed))"
        let chain = try Chain()
        let (one, two) = (chain.tills[0], chain.tills[1])
        for round in 0..<3 {
            // Each alone fits the sale, together they do not.
            let sold = 2 + Int(rng.next() % 4)
            let first = 1 + Int(rng.next() % UInt64(sold)), second = sold - first + 1 + Int(rng.next() % UInt64(first))
            let receipt = try Self.sell(one, quantity: sold)
            let path = { (till: TillProcess) in till.dataDir + "/race.txt" }
            try Self.refundScript(receipt, quantity: first).write(toFile: path(one), atomically: true, encoding: .utf8)
            try Self.refundScript(receipt, quantity: min(second, sold)).write(toFile: path(two), atomically: true, encoding: .utf8)
            let results = Mutex<[Int: TillProcess.Result]>([:])
            let racers = chain.tills.map { ($0, path($0)) }
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let (till, script) = racers[i]
                if let result = try? till.run(["exec", script]) { results.withLock { $0[i] = result } }
            }
            let outcomes = results.withLock { r in (0..<2).map { r[$0].flatMap(Self.outcome) } }
            let done = outcomes.filter { $0?["event"] as? String == "refundCompleted" }.count
            // The loser is told at its central check (both looked up first) or, when the winner
            // was already reserved at its look-up, by the looked-up ledger itself.
            let refused = outcomes.compactMap { $0?["code"] as? String }
            #expect(done == 1 && refused.count == 1
                        && ["already_returned_elsewhere", "quantity_exceeds_returnable", "already_fully_refunded"].contains(refused.first ?? ""),
                    "\(context), round \(round): sold \(sold), asked \(first) and \(min(second, sold)): \(outcomes) \(results.withLock { $0.values.map(\.stdout) })")
            print("cross-till race, \(context), round \(round): sold \(sold), asked \(first)/\(min(second, sold)), loser told \(refused)")
            let central = try chain.sql("SELECT count(*) FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'")
            #expect(central == "1", "\(context), round \(round): \(central) reservations")
        }
        let local = (Int(try chain.localRefunds(one)) ?? -1) + (Int(try chain.localRefunds(two)) ?? -1)
        #expect(local == 3, "\(context): one refund per round kept locally, \(local) in all")
    }

    @Test func serverStoppedDuringLookUpAndRefundThenRetrySucceeds() throws {
        guard Self.available else { return }
        let chain = try Chain()
        let (one, two) = (chain.tills[0], chain.tills[1])
        let receipt = try Self.sell(one, quantity: 3)

        // During the look-up: the server is down.
        try chain.stop()
        let lookUp = try two.run(["exec"], stdin: Self.refundScript(receipt, quantity: 1))
        let refused = Self.outcome(lookUp)
        #expect(refused?["code"] as? String == "central_unreachable", "look-up: \(lookUp.stdout)")
        #expect((refused?["message"] as? String ?? "").contains("till 01"), "names where the sale was made")
        #expect(try chain.localRefunds(two) == "0")
        try chain.start()

        // During the refund: found, then the server stops before the refund is confirmed.
        let driver = ExecDriver(two)
        try driver.send(Self.refundScript(receipt, quantity: 1, confirm: false))
        #expect(driver.waitFor("refundLineChosen"), "the sale was found: \(driver.output)")
        try chain.stop()
        try driver.send("confirm\n")
        let answered = driver.finish()
        let duringRefund = Self.outcome(TillProcess.Result(status: 0, stdout: answered, stderr: ""))
        #expect(duringRefund?["code"] as? String == "central_unreachable", "refund: \(answered)")
        #expect(try chain.localRefunds(two) == "0", "nothing kept at the till")
        try chain.start()
        #expect(try chain.sql("SELECT count(*) FROM central_refund_reservation") == "0", "nothing reserved centrally")

        // The server is back: the same refund goes through.
        let retry = try two.run(["exec"], stdin: Self.refundScript(receipt, quantity: 1))
        #expect(Self.outcome(retry)?["event"] as? String == "refundCompleted", "retry: \(retry.stdout)")
        #expect(try chain.localRefunds(two) == "1")
        #expect(try chain.sql("SELECT count(*) FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'") == "1")
    }
}

/// A `till exec` fed line by line, its output read as it comes (to act between two lines).
final class ExecDriver {
    /// What the process has written so far (filled by the pipe's handler thread).
    final class Buffer: Sendable {
        let text = Mutex("")
        /// The pipe reached its end: everything the process wrote is in `text`.
        let ended = Mutex(false)
    }

    private let process: Process
    private let input = Pipe()
    private let collected = Buffer()

    init(_ till: TillProcess) {
        process = till.start(["exec"])
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let collected = collected
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { collected.ended.withLock { $0 = true }; handle.readabilityHandler = nil; return }
            collected.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try? process.run()
    }

    var output: String { collected.text.withLock { $0 } }

    func send(_ text: String) throws { try input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }

    /// Waits (up to 60 s, a bound against a hang, not a timing assertion) for an event.
    func waitFor(_ event: String) -> Bool {
        for _ in 0..<600 {
            if output.contains("\"\(event)\"") { return true }
            usleep(100_000)
        }
        return false
    }

    func finish() -> String {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        // Until the handler has read the pipe to its end (a fixed pause here could miss the last
        // line on a loaded machine); 60 s bounds a hang.
        for _ in 0..<6_000 where !collected.ended.withLock({ $0 }) { usleep(10_000) }
        return output
    }
}
