import Foundation
import Testing

/// Issue 12, end of shift, through the real binary: a clerk's Z counted by denomination in
/// `till exec` and approved by a supervisor; read-only commands beside a till that is running.
@Suite struct EndOfShiftCommandTests {
    /// The decoded slips the virtual printer wrote, joined.
    func slips(_ till: TillProcess) throws -> String {
        let folder = till.dataDir + "/slips"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test func aClerksZCountedByDenominationIsApprovedAtTheTillAndPrintsTheTable() throws {
        let till = try TillProcess(config: "[cash]\ndenominations = [\"100\", \"50\", \"20\", \"10\", \"5\", \"1\", \"0.5\"]\n")
        defer { till.cleanUp() }
        let result = try till.run(["exec"], stdin: """
            signin 1001 1111
            scan MUG-01
            cash
            report z
            count 100x2 0.1x3
            count 100x3 50x1 0.5x4 20x-1
            count 100x3 50x1 0.5x4
            confirm
            approve 2001 222222
            """)
        let out = events(result.lines)
        let refusals = out.filter { $0["event"] as? String == "refused" }
        // 0.10 is not among the configured denominations; a negative number of pieces is refused too.
        #expect(refusals.first?["code"] as? String == "cash_count_invalid")
        #expect((refusals.first?["message"] as? String)?.contains("0.10 is not a note or coin") == true, "\(refusals)")
        #expect((refusals.first?["remedy"] as? String)?.contains("100.00 50.00 20.00 10.00 5.00 1.00 0.50") == true)
        #expect(refusals.dropFirst().first?["code"] as? String == "cash_count_invalid")
        #expect(out.contains { $0["event"] as? String == "cashCounted" && $0["counted"] as? String == "352.00" })
        #expect(out.contains { $0["event"] as? String == "approvalNeeded" && $0["approval"] as? String == "permission.zReport" })
        #expect(out.contains { $0["event"] as? String == "reportPrinted" && $0["kind"] as? String == "z" }, "\(result.stdout)\n\(result.stderr)")
        let csv = try till.run(["journal", "export", "--csv"]).stdout
        // The demo's history has Z reports of its own; this one is the last.
        let z = try #require(csv.components(separatedBy: "\r\n").last { $0.contains(",zReport,") })
        #expect(z.contains(",1001,2001,"), "the clerk signs, the supervisor approves: \(z)")
        #expect(csv.contains("permission.zReport amount=352.00 report=z shift="), "the approval says what it approved")
        let paper = try slips(till)
        for line in ["Z REPORT", "Cash count", "100.00 x 3", "300.00", "50.00 x 1", "0.50 x 4", "2.00", "Cash counted", "352.00",
                     "Approved by"] {
            #expect(paper.contains(line), "\(line) missing from the slips:\n\(paper)")
        }
    }

    @Test func aBadDenominationSettingIsRefusedNamingTheKey() throws {
        let till = try TillProcess(config: "[cash]\ndenominations = [\"100\", \"100\"]\n")
        defer { till.cleanUp() }
        let result = try till.run(["config", "check"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cash.denominations") && result.stderr.contains("listed twice"), "\(result.stderr)")
        let typo = try TillProcess(config: "[cash]\ndenomination = [\"100\"]\n")
        defer { typo.cleanUp() }
        let typoResult = try typo.run(["config", "check"])
        #expect(typoResult.status != 0 && typoResult.stderr.contains("denominations"), "\(typoResult.stderr)")
    }

    @Test func readOnlyCommandsRunBesideARunningTillAndWritingOnesStillRefuse() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        #expect(try till.run(["exec"], stdin: "signin 1001 1111\n").status == 0) // demo data written first
        let held = try till.startHoldingTill()
        let first = held.process, input = held.input, output = held.output
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL); first.waitUntilExit() } }
        #expect(held.firstAnswer.contains("signedIn"), "the first process holds the till")

        let x = try till.run(["report", "x", "--user", "2001"], env: ["TILL_PIN": "222222"])
        #expect(x.status == 0, "\(x.stderr)")
        #expect(x.stdout.contains("X REPORT"))
        let reprint = try till.run(["reprint", "S01-000002", "--user", "1001"], env: ["TILL_PIN": "1111"])
        #expect(reprint.status == 0, "\(reprint.stderr)")
        #expect(reprint.stdout.contains("S01-000002"))
        #expect(try till.run(["journal", "verify"]).status == 0)
        #expect(try till.run(["journal", "export", "--csv"]).stdout.contains("xReportPrinted"))

        let holder = "(process \(first.processIdentifier): till exec)"
        let z = try till.run(["report", "z", "--user", "2001"], env: ["TILL_PIN": "222222"])
        #expect(z.status != 0 && z.stderr.contains("is already running") && z.stderr.contains(holder), "\(z.stderr)")
        let exec = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01\ncash\n")
        #expect(exec.status != 0 && exec.stderr.contains(holder), "\(exec.stderr)")

        // The running till goes on selling after the other commands wrote their entries.
        input.fileHandleForWriting.write(Data("scan MUG-01\ncash\n".utf8))
        try input.fileHandleForWriting.close()
        let rest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        first.waitUntilExit()
        #expect(rest.contains("saleCompleted"), "\(rest)")
        #expect(try till.run(["journal", "verify"]).status == 0)
    }
}
