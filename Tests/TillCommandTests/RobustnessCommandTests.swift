import Foundation
import Testing

/// Issue 9 through the real binary: on the shop's journal time comes from the system clock (`at`
/// and `--clock-override` exist only for training and test journals, nothing is ever dated before
/// an earlier entry), and extreme or hostile input is refused by name without losing the sale.
@Suite struct RobustnessCommandTests {
    @Test func theShopsJournalRefusesClockOverridesSoALockOutCannotBeJumped() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let now = Int64(Date().timeIntervalSince1970)
        let wrong = Array(repeating: "signin 1001 0000", count: 5).joined(separator: "\n")
        let out = try till.run(["exec"], stdin: wrong + "\nat \(now + 400)\n{\"action\":\"signIn\",\"code\":\"1001\",\"pin\":\"1111\",\"at\":\"\(now + 400)\"}\nsignin 1001 1111\n")
        let e = events(out.lines)
        let bad = e.filter { $0["event"] as? String == "badInput" }
        #expect(bad.count == 2)
        #expect(bad.allSatisfy { ($0["message"] as? String)?.contains("system clock") == true && ($0["remedy"] as? String)?.contains("--clock-override") == true })
        #expect(e.last?["code"] as? String == "locked_out")

        let refused = try till.run(["exec", "--clock-override"], stdin: "at \(now + 400)\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("shop's journal") && refused.stderr.contains("--test-journal"))
        // A journal with entries cannot be made a test journal afterwards.
        let late = try till.run(["exec", "--test-journal", "--clock-override"], stdin: "")
        #expect(late.status == 1 && late.stderr.contains("only a new journal"))
    }

    @Test func trainingAndTestJournalsMaySetTheClockButNeverBackwards() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let now = Int64(Date().timeIntervalSince1970)
        // Issue 12: training under `till exec` is started by a trainer, as under `till run`.
        let training = try till.run(["exec", "--training", "--trainer", "3001", "--clock-override"],
                                    stdin: "at \(now + 86_400)\nsignin 1001 1111\nscan MUG-01\ncash\n", env: ["TILL_PIN": "3333"])
        #expect(events(training.lines).contains { $0["event"] as? String == "saleCompleted" })

        let test = till.dataDir + "/test.sqlite"
        let script = "at \(now + 3_600)\nsignin 1001 1111\nscan MUG-01\ncash\nat \(now + 60)\nscan MUG-01\ncash\nat 99999999999\n"
        let out = try till.run(["exec", "--db", test, "--test-journal", "--clock-override"], stdin: script)
        let e = events(out.lines)
        #expect(e.filter { $0["event"] as? String == "saleCompleted" }.count == 1)
        #expect(e.contains { $0["event"] as? String == "error" && ($0["message"] as? String)?.contains("earlier than the journal's last entry") == true })
        #expect(e.last?["event"] as? String == "badInput" && (e.last?["message"] as? String)?.contains("out of range") == true)
        #expect(try till.run(["journal", "verify", "--db", test]).status == 0)
    }

    @Test func extremeInputsAreRefusedByNameAndTheOpenSaleSurvives() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let out = try till.run(["exec"], stdin: """
        signin 2001 222222
        scan KETTLE 999999999999999
        scan MUG-01
        price 1 9999999999999.99
        qty 1 1\u{301}
        qty 1 １
        card T\u{0}X
        {"action":"card","reference":"T\\u0000X"}
        cash

        """)
        let e = events(out.lines)
        #expect(out.status == 0)
        #expect(e[1]["code"] as? String == "value_out_of_range")
        #expect(e[3]["code"] as? String == "value_out_of_range")
        #expect(e[4]["event"] as? String == "badInput" && (e[4]["message"] as? String)?.contains("U+0031 U+0301") == true)
        #expect(e[5]["event"] as? String == "badInput" && (e[5]["message"] as? String)?.contains("U+FF11") == true)
        #expect(e[6]["code"] as? String == "text_not_allowed" && e[7]["code"] as? String == "text_not_allowed")
        #expect(e.contains { $0["event"] as? String == "saleCompleted" })
        #expect(try till.run(["journal", "verify"]).status == 0)
    }

    @Test func aTillSwitchedToAnotherCurrencyWithAShiftOpenSaysSoInsteadOfMixingThem() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        #expect(try till.run(["exec"], stdin: "").status == 0) // the demo journal: a CNY shift is open
        try ("[security]\npin_hash_rounds = 1000\n[till]\nlanguage = \"en\"\ncurrency = \"EUR\"\n")
            .write(toFile: till.configPath, atomically: true, encoding: .utf8)
        let out = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01\ncash\n")
        #expect(out.status == 1)
        #expect(out.stderr.contains("The open shift is in CNY, but this till is set to EUR"))
        #expect(out.stderr.contains("Set till.currency back to CNY"))
    }

    @Test func aDrillFileWithAnExtremeClockIsRefusedByKey() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let stock = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/till/Drills/01-full-refund.toml")
        let text = try String(contentsOf: stock, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("now = ") ? "now = 9223372036854775807" : String($0) }.joined(separator: "\n")
        let path = till.dataDir + "/extreme.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let out = try till.run(["drill", "run", path, "--trainee", "mei", "--trainer", "3001", "--keys", "/dev/null"],
                               env: ["TILL_PIN": "3333"])
        #expect(out.status == 1)
        #expect(out.stderr.contains("now = \"9223372036854775807\" is not valid") && out.stderr.contains("946684800"))
    }
}
