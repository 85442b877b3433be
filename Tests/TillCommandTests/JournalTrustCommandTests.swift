import Foundation
import Testing

/// Issue 11 and issue 9's CLI-credentials point, through the real `till` binary: commands that
/// change users or the catalog need an authorised user's code and PIN and leave a chained entry
/// naming that user; anchors on paper and in the export are checked by `journal verify --anchor`.
@Suite struct JournalTrustCommandTests {
    func sqlite(_ path: String, _ sql: String) throws -> String {
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "sqlite3 \(sql)")
        return text
    }

    @Test func userAddAndUnlockNeedAnAuthorisedUserAndAreChained() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        _ = try till.run(["user", "list"]) // demo data
        let add = ["user", "add", "--code", "1003", "--name", "New Clerk", "--role", "clerk"]
        let nobody = try till.run(add, env: ["TILL_PIN": "5555"])
        #expect(nobody.status != 0 && nobody.stderr.contains("--by"), "\(nobody.stderr)")
        let clerk = try till.run(add + ["--by", "1001"], stdin: "1111\n5555\n")
        #expect(clerk.status != 0 && clerk.stderr.contains("may not manageUsers"), "\(clerk.stderr)")
        let wrongPIN = try till.run(add + ["--by", "9001"], stdin: "000000\n5555\n")
        #expect(wrongPIN.status != 0 && wrongPIN.stderr.contains("PIN"), "\(wrongPIN.stderr)")
        // PINs from standard input: the admin's first, the new user's next (never a flag).
        let admin = try till.run(add + ["--by", "9001"], stdin: "999999\n5555\n")
        #expect(admin.status == 0, "\(admin.stderr)")
        let shortSupervisor = try till.run(["user", "add", "--code", "2002", "--name", "S", "--role", "supervisor", "--by", "9001"],
                                           env: ["TILL_PIN": "999999", "TILL_NEW_PIN": "1234"])
        #expect(shortSupervisor.status != 0 && shortSupervisor.stderr.contains("6 to 8 digits"), "\(shortSupervisor.stderr)")
        let unlock = try till.run(["user", "unlock", "1001", "--by", "9001"], env: ["TILL_PIN": "999999"])
        #expect(unlock.status == 0, "\(unlock.stderr)")
        let entries = try sqlite(till.journalPath, "SELECT kind || ' ' || reference || ' by ' || userCode FROM journalEntry WHERE userCode = '9001'")
        #expect(entries == "user 1003 by 9001\nunlock 1001 by 9001\n", "\(entries)")
        #expect(try till.run(["journal", "verify"]).status == 0)
    }

    @Test func theFirstUserOfANewShopIsAnAdminWithoutCredentials() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let clerk = try till.run(["user", "add", "--code", "1", "--name", "C", "--role", "clerk", "--no-demo"], env: ["TILL_PIN": "1234"])
        #expect(clerk.status != 0)
        let admin = try till.run(["user", "add", "--code", "9", "--name", "A", "--role", "admin", "--no-demo"], env: ["TILL_PIN": "135790"])
        #expect(admin.status == 0, "\(admin.stderr)")
        // Emptying the user table does not make the next one free: the chain remembers.
        _ = try sqlite(till.journalPath, "DELETE FROM user")
        let again = try till.run(["user", "add", "--code", "8", "--name", "B", "--role", "admin", "--no-demo"], env: ["TILL_PIN": "135790"])
        #expect(again.status != 0 && again.stderr.contains("--by"), "\(again.stderr)")
    }

    @Test func verifyReportsEveryProblemAndChecksThePaperAnchor() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let out = try till.run(["exec"], stdin: "signin 2001 222222\nscan MUG-01 2\ncash\nreport z\ncount 100\nconfirm\n")
        #expect(out.status == 0, "\(out.stderr)")
        let anchor = try till.run(["journal", "anchor"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(anchor.split(separator: ":").count == 2, "\(anchor)")
        // The Z report on paper shows the chain before it: its count and hash.
        let slips = try FileManager.default.contentsOfDirectory(atPath: till.dataDir + "/slips").filter { $0.hasSuffix(".txt") }.sorted()
        let z = try String(contentsOfFile: till.dataDir + "/slips/" + (slips.last ?? ""), encoding: .utf8)
        #expect(z.contains("Journal entries"), "\(z)")
        let export = try till.run(["journal", "export", "--csv"])
        let rows = export.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty } // CRLF: one Character in Swift
        #expect(rows.last?.hasPrefix("anchor,") == true, "\(rows.last ?? "")")
        #expect(try till.run(["journal", "verify", "--anchor", anchor]).status == 0)

        let count = Int(anchor.split(separator: ":")[0]) ?? 0
        _ = try sqlite(till.journalPath, """
            UPDATE user SET role = 'supervisor' WHERE code = '1001'; UPDATE catalogItem SET priceMinor = 1 WHERE sku = 'KETTLE';
            DELETE FROM journalEntry WHERE seq >= \(count - 1); UPDATE sqlite_sequence SET seq = \(count - 2) WHERE name = 'journalEntry';
            """)
        try FileManager.default.removeItem(atPath: till.dataDir + "/journal.anchor")
        let result = try till.run(["journal", "verify", "--anchor", anchor])
        #expect(result.status == 2)
        #expect(result.stdout.contains("problems found"), "\(result.stdout)")
        #expect(result.stdout.contains("role is \"supervisor\""))
        #expect(result.stdout.contains("priceMinor is 1"))
        #expect(result.stdout.contains("entries \(count - 1)…\(count) are missing"))
        let zh = try till.run(["journal", "verify", "--anchor", anchor, "--lang", "zh"])
        #expect(zh.stdout.contains("从日志末尾缺失"), "\(zh.stdout)")
        #expect(try till.run(["journal", "verify", "--anchor", "12:nothex"]).status != 0)
    }

    @Test func theTillRefusesToStartBehindItsAnchor() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        #expect(try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01\ncash\n").status == 0)
        _ = try sqlite(till.journalPath, """
            DELETE FROM journalEntry WHERE seq = (SELECT MAX(seq) FROM journalEntry); DELETE FROM sqlite_sequence;
            """)
        let run = try till.run(["exec"], stdin: "signin 1001 1111\n")
        #expect(run.status != 0)
        #expect(run.stderr.contains("its anchor says it reached entry"), "\(run.stderr)")
        #expect(run.stderr.contains("restore the journal from its backup"))
    }

    @Test func theKeyCanBeEscrowedByAnAdminOnly() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        _ = try till.run(["user", "list"])
        let clerk = try till.run(["journal", "key", "escrow", "--by", "1001"], env: ["TILL_PIN": "1111"])
        #expect(clerk.status != 0)
        let copy = till.dataDir + "/escrow.key"
        let admin = try till.run(["journal", "key", "escrow", "--by", "9001", "-o", copy], env: ["TILL_PIN": "999999"])
        #expect(admin.status == 0, "\(admin.stderr)")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == String(contentsOfFile: till.dataDir + "/journal.key", encoding: .utf8))
        let mode = (try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
    }
}
