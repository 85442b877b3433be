import Foundation
import Testing
import TillCore
import TillPorts

/// The supervisors' conflict notice on the real screen (`till run` in tmux) over a real central
/// PostgreSQL: a clerk signing in hears nothing; a supervisor approving the clerk's price
/// override at the clerk's till sees the unreviewed refund conflict with who, what and where,
/// in English and, after F1, in Chinese. Skipped by hand without `TILL_TEST_POSTGRES_URL`, a
/// FAILURE under `$CI` (as every central test).
@Suite struct ConflictNoticeScenarioTests {
    /// A fresh database on the test cluster and how to drop it; nil (and a failure under $CI) without one.
    static func database() throws -> (url: String, drop: () -> Void)? {
        guard let cluster = ProcessInfo.processInfo.environment["TILL_TEST_POSTGRES_URL"] else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("TILL_TEST_POSTGRES_URL is not set: run the tests through Scripts/test (it installs and starts PostgreSQL)")
            }
            return nil
        }
        let name = "notice_\(UInt32.random(in: 0...UInt32.max))"
        _ = try Spawn.run("/usr/bin/psql", [cluster, "-tAc", "CREATE DATABASE \(name)"])
        guard var url = URLComponents(string: cluster) else { return nil }
        url.path = "/" + name
        return (url.string ?? cluster, { _ = try? Spawn.run("/usr/bin/psql", [cluster, "-tAc", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"]) })
    }

    /// The conflict `till central sync` reconciliation would have stored: till 02's unverified
    /// refund by clerk 1001, approved by 2001, of mugs till 01's clerk 1002 had already taken back.
    static func conflict() -> String {
        let at = Timestamp(seconds: 1_790_000_000)
        let sale = DocumentKey(shop: .standard, number: DocumentNumber(kind: .sale, till: "01", sequence: 4))
        let refund = RefundRecord(number: "R02-000007", till: "02", shift: 3, at: at,
                                  clerk: User(code: "1001", name: "Lin", role: .clerk),
                                  approver: User(code: "2001", name: "Wang", role: .supervisor), approvals: ["offlineRefund"],
                                  originalReceipt: sale.number.description, originalSoldAt: at, lines: [], tenders: [],
                                  reason: ReasonCode.refundDefaults[2], customerReference: nil,
                                  rounding: Money(minor: 0, currency: .cny), training: false)
        let earlier = ReturnConflict(item: "Ceramic mug", asked: .each(2), remaining: .zero, refund: "R01-000003", shop: .standard,
                                     till: "01", clerk: "1002", at: at)
        let report = RefundConflictReport(refund: RefundReservation(sale: sale, shop: .standard, refund: refund), conflict: earlier)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
    }

    /// Text without its spaces and line breaks: the notice wraps over rows (Chinese anywhere).
    static func flat(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    @Test func aSupervisorApprovingAtTheTillSeesTheConflictWithWhoWhatAndWhere() throws {
        guard let (url, drop) = try Self.database() else { return }
        defer { drop() }
        let till = try TmuxTill(cols: 140, rows: 30, config: "[central]\nurl = \"\(url)\"\nlookup_timeout_ms = 10000\n")
        defer { till.close() }
        // The running till makes the schema as it first connects; then the conflict arrives.
        let deadline = Date().addingTimeInterval(TmuxTill.patience)
        while try Spawn.run("/usr/bin/psql", [url, "-tAc", "SELECT to_regclass('central_refund_conflict') IS NOT NULL"])
                .trimmingCharacters(in: .whitespacesAndNewlines) != "t", Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        _ = try Spawn.run("/usr/bin/psql", [url, "-tAc", "INSERT INTO central_refund_conflict (refund_key, report) VALUES ('0001-R02-000007', $j$\(Self.conflict())$j$)"])
        #expect(try Spawn.run("/usr/bin/psql", [url, "-tAc", "SELECT count(*) FROM central_refund_conflict"])
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "1")

        // A clerk signs in: not told (only someone who may approve is).
        try till.signIn()
        try till.enter("MUG-01")
        try till.waitFor("陶瓷杯")
        Thread.sleep(forTimeInterval: 1)
        #expect(!(try till.screen()).contains("refund conflict"), "a clerk is not told")

        // The clerk's price override waits for a supervisor; approving it, the supervisor sees the notice.
        try till.type("9")
        try till.press("C-t")
        try till.waitFor("SUPERVISOR APPROVAL NEEDED")
        try till.enter("2001")
        try till.enter("222222")
        let english = Self.flat(try till.waitUntil("the conflict notice") { Self.flat($0).contains(Self.flat("refund conflict(s) to review")) })
        for words in ["1 refund conflict(s) to review", "Ceramic mug refunded at till 02 by 1001", "approved by 2001", "R02-000007",
                      "after till 01 by 1002 (R01-000003)", "till central conflicts"] {
            #expect(english.contains(Self.flat(words)), "\(words): \(english)")
        }
        try till.press("F1")
        let chinese = Self.flat(try till.waitUntil("the notice in Chinese") { Self.flat($0).contains("起退款冲突待查看") })
        for words in ["有 1 起退款冲突待查看", "在 02 号收银台由 1001 退款", "主管 2001 批准", "已在 01 号收银台由 1002 退过（R01-000003）"] {
            #expect(chinese.contains(Self.flat(words)), "\(words): \(chinese)")
        }
    }
}
