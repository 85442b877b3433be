import Foundation
import Testing

/// Stock drills replayed headlessly through `till drill run`: perfect scripts score 100, flawed
/// ones lose the points they deserve to lose, and results are kept per trainee.
@Suite struct DrillTests {
    static let drills: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Sources/till/Drills"
    }()

    static var stock: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: drills)) ?? []).filter { $0.hasSuffix(".toml") }
            .map { String($0.dropLast(5)) }.sorted()
    }

    func run(_ till: TillProcess, _ drill: String, actions: String, trainee: String = "mei") throws -> TillProcess.Result {
        let file = till.dataDir + "/\(drill).actions"
        try actions.write(toFile: file, atomically: true, encoding: .utf8)
        return try till.run(["drill", "run", drill, "--trainee", trainee, "--trainer", "3001", "--actions", file, "--drills", Self.drills],
                            env: ["TILL_PIN": "3333"])
    }

    @Test func thereAreAtLeastTenStockDrillsEachWithPerfectScripts() {
        #expect(Self.stock.count >= 10)
        for drill in Self.stock {
            #expect(FileManager.default.fileExists(atPath: Self.drills + "/\(drill).actions"), "\(drill) has no perfect action script")
            #expect(FileManager.default.fileExists(atPath: Self.drills + "/\(drill).keys"), "\(drill) has no perfect key script")
        }
    }

    func runKeys(_ till: TillProcess, _ drill: String, keys: String, trainee: String = "mei") throws -> TillProcess.Result {
        let file = till.dataDir + "/\(drill).keys"
        try keys.write(toFile: file, atomically: true, encoding: .utf8)
        return try till.run(["drill", "run", drill, "--trainee", trainee, "--trainer", "3001", "--keys", file, "--drills", Self.drills],
                            env: ["TILL_PIN": "3333"])
    }

    @Test(arguments: stock)
    func thePerfectKeyScriptScoresOneHundredThroughTheScreensKeys(drill: String) throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let keys = try String(contentsOfFile: Self.drills + "/\(drill).keys", encoding: .utf8)
        let result = try runKeys(till, drill, keys: keys)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.last == "score 100/100", "\(result.stdout)")
    }

    @Test func onlyATrainerMayStartADrillAndTheStartIsJournalled() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let keys = try String(contentsOfFile: Self.drills + "/02-partial-refund.keys", encoding: .utf8)
        let file = till.dataDir + "/k.keys"
        try keys.write(toFile: file, atomically: true, encoding: .utf8)
        let args = ["drill", "run", "02-partial-refund", "--trainee", "mei", "--keys", file, "--drills", Self.drills]
        let missing = try till.run(args)
        #expect(missing.status != 0 && missing.stderr.contains("Training is started by a trainer"))
        let clerk = try till.run(args + ["--trainer", "1001"], env: ["TILL_PIN": "1111"])
        #expect(clerk.status != 0 && clerk.stderr.contains("A clerk may not run training"), "\(clerk.stderr)")
        let wrongPIN = try till.run(args + ["--trainer", "3001"], env: ["TILL_PIN": "0000"])
        #expect(wrongPIN.status != 0 && wrongPIN.stderr.contains("not recognised"))
        let trainer = try till.run(args + ["--trainer", "3001"], env: ["TILL_PIN": "3333"])
        #expect(trainer.lines.last == "score 100/100")
        let journal = try till.run(["journal", "export", "--csv"])
        #expect(journal.stdout.contains("trainingStarted") && journal.stdout.contains("drill 02-partial-refund for mei"), "\(journal.stdout.suffix(600))")
    }

    @Test func aFlawedKeyScriptScoresLowerForTheRightReasons() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        // The wrong quantity left in, a fumbled reason list, and many stray keys.
        let flawed = """
            type 1001
            Enter
            type 1111
            Enter
            F7
            type S01-000009
            Enter
            Esc
            F7
            type S01-000001
            Enter
            Down Up Down Up Down Up Down Up Down Up Down Up Down Up Down Up
            type 3
            F5
            Enter
            type 3
            Enter
            Enter
            Enter

            """
        let result = try runKeys(till, "10-wrong-quantity-corrected", keys: flawed)
        #expect(result.stdout.contains("✘ lines: expected TEA-JAS×1, got TEA-JAS×3"), "\(result.stdout)")
        #expect(result.stdout.contains("✘ amount: expected 25.00, got 75.00"))
        #expect(result.stdout.contains("✔ reason: unwanted"))
        #expect(result.stdout.contains("wrong attempts 1 → 6/10"))          // the receipt that does not exist
        #expect(result.stdout.contains("keystrokes 58 → 2/5"))                  // par 38: the stray keys cost points
        #expect(!result.stdout.contains("score 100/100"))
    }

    @Test(arguments: stock)
    func thePerfectScriptScoresOneHundred(drill: String) throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let actions = try String(contentsOfFile: Self.drills + "/\(drill).actions", encoding: .utf8)
        let result = try run(till, drill, actions: actions)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.last == "score 100/100", "\(result.stdout)")
    }

    @Test func refundingTheWrongQuantityLosesLinesAndAmount() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let result = try run(till, "10-wrong-quantity-corrected",
                             actions: "signin 1001 1111\nrefund\nreceipt S01-000001\nline 1 3\nreason UNWANTED\nconfirm\n")
        #expect(result.stdout.contains("✘ lines: expected TEA-JAS×1, got TEA-JAS×3"))
        #expect(result.stdout.contains("✘ amount: expected 25.00, got 75.00"))
        #expect(!result.stdout.contains("score 100/100"))
    }

    @Test func leavingTheSlipUnprintedAndFumblingCostsThosePoints() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let result = try run(till, "11-paper-out-reprint", actions: """
            signin 1001 1111
            refund
            receipt S01-000009
            receipt S01-000001
            line 1 2
            line 1 1
            confirm
            reason DAMAGED
            confirm

            """)
        #expect(result.stdout.contains("✘ slip printed: expected yes, got no"))
        #expect(result.stdout.contains("wrong attempts 3 → 0/10"), "\(result.stdout)")   // not found, too many, no reason
        #expect(result.stdout.contains("✔ amount: 15.00"))
    }

    @Test func refundingWhatWasAlreadyRefundedIsImpossibleSoTheTraineeCannotFailThatWay() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let result = try run(till, "03-already-refunded", actions: "signin 1001 1111\nrefund\nreceipt S01-000001\nline 1 1\nconfirm\n")
        #expect(result.stdout.contains("✔ outcome: refused: already_fully_refunded"))
        #expect(result.stdout.contains("wrong attempts 2"), "\(result.stdout)")   // the two actions after the refusal
    }

    @Test func resultsAreKeptPerTraineeAndExportAsCSV() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let perfect = try String(contentsOfFile: Self.drills + "/02-partial-refund.actions", encoding: .utf8)
        _ = try run(till, "02-partial-refund", actions: perfect, trainee: "mei")
        _ = try run(till, "02-partial-refund", actions: "signin 1001 1111\nrefund\nreceipt S01-000001\nline 1 2\nreason UNWANTED\nconfirm\n", trainee: "mei")
        _ = try run(till, "02-partial-refund", actions: perfect, trainee: "jun")
        let csv = try till.run(["drill", "report", "--trainee", "mei", "--csv"])
        let rows = csv.lines
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("trainee,drill,started_at"))
        #expect(rows[1].hasPrefix("mei,02-partial-refund,") && rows[1].hasSuffix(",100"))
        #expect(rows[2].hasPrefix("mei,") && !rows[2].hasSuffix(",100"))
        let chart = try till.run(["drill", "report", "--trainee", "mei"])
        #expect(chart.stdout.contains("████████████████████ 100"))
    }
}
