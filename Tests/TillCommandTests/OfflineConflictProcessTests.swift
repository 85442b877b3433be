import Foundation
import Testing

/// Offline refunds with real `till exec` processes, separate SQLite journals and one real
/// central PostgreSQL: both tills refund the same mugs while the server is stopped (a
/// supervisor approves each as unverified); after the server returns, `till central sync`
/// reconciles each refund once and `till central conflicts` lists exactly one conflict naming
/// both refunds' clerk, supervisor, till and amount; nothing is lost or doubled centrally. And
/// a look-up and a refund whose connection is cut mid-way (the link then hanging) end with the
/// specific reason and remedy, never a hang.
@Suite(.serialized) struct OfflineConflictProcessTests {
    static let script = CentralReplicationProcessTests.root + "/Scripts/central-db"

    /// A private cluster; tills of shop 0001 with offline refunds allowed, reaching it at `url`.
    final class Cluster {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("till-offline-\(UUID().uuidString.prefix(8))").path
        var tills: [TillProcess] = []

        init() throws {
            guard try CentralReplicationProcessTests.shell(OfflineConflictProcessTests.script, ["start", path]).status == 0 else {
                throw POSIXError(.ENOENT)
            }
        }

        func tills(_ ids: [String], url: String) throws -> [TillProcess] {
            let central = "[central]\nurl = \"\(url)\"\nconnect_timeout_seconds = 2\nquery_timeout_seconds = 3\nlookup_timeout_ms = 4000\noffline_refunds = true\n"
            let made = try ids.map { id in try TillProcess(config: "id = \"\(id)\"\n" + central) }
            for till in made { try till.run(["user", "list"]) }
            tills += made
            return made
        }

        func stop() throws { _ = try CentralReplicationProcessTests.shell(OfflineConflictProcessTests.script, ["stop", path]) }
        func start() throws { _ = try CentralReplicationProcessTests.shell(OfflineConflictProcessTests.script, ["start", path]) }

        func sql(_ query: String) throws -> String { try CrossTillProcessTests.sql(path, query) }

        deinit {
            tills.forEach { $0.cleanUp() }
            _ = try? CentralReplicationProcessTests.shell(OfflineConflictProcessTests.script, ["destroy", path])
        }
    }

    static func local(_ till: TillProcess, _ query: String) throws -> String {
        try CentralReplicationProcessTests.shell("/usr/bin/sqlite3", [till.journalPath, query]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func refundLines(_ receipt: String, clerk: String, quantity: Int) -> String {
        "signin \(clerk)\nshift 500\nrefund\nreceipt \(receipt)\nline 1 \(quantity)\nreason UNWANTED\n"
    }

    static func completed(_ output: String) -> [String: Any]? {
        events(output.split(separator: "\n").map(String.init)).first { $0["event"] as? String == "refundCompleted" }
    }

    @Test func bothTillsRefundingTheSameMugsOfflineMakeExactlyOneConflict() throws {
        guard CrossTillProcessTests.available else { return }
        let cluster = try Cluster()
        let tills = try cluster.tills(["01", "02"], url: "postgres://till@/till?host=\(cluster.path)")
        let (one, two) = (tills[0], tills[1])
        let receipt = try CrossTillProcessTests.sell(one, quantity: 2)

        // Till 02 finds the sale centrally; then the server stops before the refund is checked.
        let driver = ExecDriver(two)
        try driver.send(Self.refundLines(receipt, clerk: "1001 1111", quantity: 2))
        #expect(driver.waitFor("refundLineChosen"), "the sale was found: \(driver.output)")
        try cluster.stop()
        try driver.send("confirm\napprove 2001 222222\n")
        let atTwo = driver.finish()
        #expect(Self.completed(atTwo) != nil, "till 02 refunds unverified with a supervisor: \(atTwo)")
        // Till 01 refunds the same mugs of its own sale, the server still stopped.
        let atOne = try one.run(["exec"], stdin: Self.refundLines(receipt, clerk: "1002 1212", quantity: 2) + "confirm\napprove 2001 222222\n")
        #expect(Self.completed(atOne.stdout) != nil, "till 01 refunds unverified too: \(atOne.stdout)")
        for till in tills {
            #expect(try Self.local(till, "SELECT count(*) FROM journalEntry WHERE kind = 'refund' AND payload LIKE '%\"unverified\":true%'") == "1")
        }

        // The server is back: each till sends and reconciles; twice, to show nothing doubles.
        try cluster.start()
        for _ in 0..<2 {
            for till in [two, one] {
                let sync = try till.run(["central", "sync"])
                #expect(sync.status == 0, "sync: \(sync.stdout) \(sync.stderr)")
            }
        }
        #expect(try cluster.sql("SELECT count(*) FROM central_entry WHERE kind = 'refund'") == "2", "both refunds, once each")
        #expect(try cluster.sql("SELECT count(*) FROM central_refund_reservation WHERE state = 'unverified'") == "2")
        #expect(try cluster.sql("SELECT count(*) FROM central_refund_conflict") == "1", "one double refund, one conflict")
        let verdicts = try tills.map { try Self.local($0, "SELECT count(*) FROM journalEntry WHERE kind = 'event' AND payload LIKE '%refundReconciled%'") }
        #expect(verdicts == ["1", "1"], "each till keeps its verdict once: \(verdicts)")

        // Listed for a supervisor: both refunds with clerk, supervisor, till and amount.
        let listed = try one.run(["central", "conflicts", "--csv", "--by", "2001"], env: ["TILL_PIN": "222222"])
        #expect(listed.status == 0, "\(listed.stdout) \(listed.stderr)")
        let rows = listed.lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 2, "two rows, one per refund: \(listed.stdout)")
        let header = listed.lines.first?.split(separator: ",").map(String.init) ?? []
        func column(_ name: String) -> [String] { rows.compactMap { row in header.firstIndex(of: name).flatMap { $0 < row.count ? row[$0] : nil } } }
        #expect(Set(column("till")) == ["01", "02"] && Set(column("clerk")) == ["1001", "1002"], "\(listed.stdout)")
        #expect(column("supervisor") == ["2001", "2001"] && Set(column("amount")).count == 1 && column("amount").allSatisfy { !$0.isEmpty },
                "\(listed.stdout)")
        let table = try one.run(["central", "conflicts", "--by", "2001"], env: ["TILL_PIN": "222222"])
        #expect(table.stdout.contains("Supervisor") && table.stdout.contains("Conflicts: 1, not reviewed: 1"), "\(table.stdout)")
        let chinese = try one.run(["central", "conflicts", "--lang", "zh", "--by", "2001"], env: ["TILL_PIN": "222222"])
        #expect(chinese.stdout.contains("主管") && chinese.stdout.contains("收银台"), "\(chinese.stdout)")

        // A clerk may not list them; a supervisor marks one reviewed, recorded with who.
        let clerk = try one.run(["central", "conflicts", "--by", "1001"], env: ["TILL_PIN": "1111"])
        #expect(clerk.status != 0, "a clerk is refused: \(clerk.stdout)")
        let id = try cluster.sql("SELECT id FROM central_refund_conflict")
        let reviewed = try one.run(["central", "conflicts", "--review", id, "--by", "2001"], env: ["TILL_PIN": "222222"])
        #expect(reviewed.status == 0, "\(reviewed.stdout) \(reviewed.stderr)")
        #expect(try cluster.sql("SELECT reviewed_by FROM central_refund_conflict") == "2001")
    }

    @Test func aConnectionCutMidwayGivesTheReasonAndRemedyNotAHang() throws {
        guard CrossTillProcessTests.available else { return }
        let cluster = try Cluster()
        let link = try FaultyLink(socketPath: cluster.path + "/.s.PGSQL.5432")
        defer { link.close() }
        let tills = try cluster.tills(["01", "02"], url: "postgres://till@127.0.0.1:\(link.port)/till")
        let (one, two) = (tills[0], tills[1])
        let receipt = try CrossTillProcessTests.sell(one, quantity: 3)
        let central: Set<String> = ["central_unreachable", "central_timeout"]

        // During a refund: found, then the connection is cut and the link hangs before the check.
        let driver = ExecDriver(two)
        try driver.send(Self.refundLines(receipt, clerk: "1001 1111", quantity: 1))
        #expect(driver.waitFor("refundLineChosen"), "the sale was found: \(driver.output)")
        link.stall(true)
        link.cut()
        try driver.send("confirm\n")
        #expect(driver.waitFor("approvalNeeded") || driver.output.contains("central_"), "answered: \(driver.output)")
        let during = driver.finish()
        let refusal = events(during.split(separator: "\n").map(String.init)).first { central.contains($0["code"] as? String ?? "") }
        #expect(refusal != nil, "the specific reason: \(during)")
        #expect((refusal?["message"] as? String ?? "").contains("till 01"), "names where the sale was made: \(refusal ?? [:])")
        let remedy = refusal?["remedy"] as? String ?? ""
        #expect(remedy.contains("Check the network"), "and the remedy: \(remedy)")
        #expect(Self.completed(during) == nil, "no supervisor approved: nothing kept")
        #expect(try Self.local(two, "SELECT count(*) FROM journalEntry WHERE kind = 'refund'") == "0")

        // A look-up with the link still hanging: the same kind of answer, in bounded time.
        let lookUp = try two.run(["exec"], stdin: Self.refundLines(receipt, clerk: "1001 1111", quantity: 1))
        let told = events(lookUp.lines).first { central.contains($0["code"] as? String ?? "") }
        #expect((told?["message"] as? String ?? "").contains("till 01"), "look-up: \(lookUp.stdout)")
        link.stall(false)
        #expect(try cluster.sql("SELECT count(*) FROM central_refund_reservation") == "0", "nothing reserved centrally")
    }
}
