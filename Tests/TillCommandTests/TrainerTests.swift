import Foundation
import Testing

/// Issue 12, "Trainer": each stock drill's story gives what its expectations score; a misspelt
/// key in a drill file is an error naming the nearest key; a supervisor's wrong PIN costs the
/// trainee nothing; `till exec --training` needs a trainer; the shop's own users train.
@Suite struct TrainerTests {
    static let drills = DrillTests.drills

    /// Words a story must hold for each scored expectation (English; the Chinese story is written
    /// alongside and checked for its own words).
    static let tenderWords: [String: (en: [String], zh: [String])] = [
        "cash": (["cash"], ["现金"]), "card": (["card"], ["卡"]), "storeCredit": (["store credit"], ["储值"]),
    ]
    static let reasonWords: [String: (en: [String], zh: [String])] = [
        "damaged": (["damaged", "faulty", "cracked", "does not heat"], ["损坏", "质量问题", "裂纹", "不能加热"]),
        "unwanted": (["changed their mind"], ["改变主意"]),
        "mistake": (["by mistake"], ["误收", "操作失误"]),
    ]

    /// `key = "value"` under `[table]` in a drill file (enough for the stock drills' flat tables).
    static func value(_ text: String, table: String, key: String) -> String? {
        var current = ""
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { current = trimmed; continue }
            guard current == "[\(table)]", trimmed.hasPrefix(key + " "), let eq = trimmed.firstIndex(of: "=") else { continue }
            var value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if let hash = value.range(of: "  #") { value = String(value[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces) }
            return value.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    @Test(arguments: DrillTests.stock)
    func eachStorySaysWhatItsExpectationsScore(drill: String) throws {
        let text = try String(contentsOfFile: Self.drills + "/\(drill).toml", encoding: .utf8)
        let en = try #require(Self.value(text, table: "story", key: "en")).lowercased()
        let zh = try #require(Self.value(text, table: "story", key: "zh"))
        if let tender = Self.value(text, table: "expect", key: "tender") {
            let words = try #require(Self.tenderWords[tender], "\(drill): tender \(tender)")
            #expect(words.en.contains { en.contains($0) }, "\(drill): the story never says the refund goes to \(tender)")
            #expect(words.zh.contains { zh.contains($0) }, "\(drill): the Chinese story never says the refund goes to \(tender)")
        }
        if let reason = Self.value(text, table: "expect", key: "reason_category") {
            let words = try #require(Self.reasonWords[reason], "\(drill): reason \(reason)")
            #expect(words.en.contains { en.contains($0) }, "\(drill): the story never gives the reason (\(reason))")
            #expect(words.zh.contains { zh.contains($0) }, "\(drill): the Chinese story never gives the reason (\(reason))")
        }
        if Self.value(text, table: "expect", key: "supervisor") == "true" {
            #expect(en.contains("supervisor") && zh.contains("主管"), "\(drill): a supervisor is scored but the story never calls one")
        }
    }

    @Test func aMisspeltExpectationKeyIsAnErrorNamingTheNearestKey() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let folder = till.dataDir + "/drills"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stock = try String(contentsOfFile: Self.drills + "/05-no-receipt-over-limit.toml", encoding: .utf8)
        try stock.replacingOccurrences(of: "reason_category =", with: "reason_categry =")
            .write(toFile: folder + "/05-no-receipt-over-limit.toml", atomically: true, encoding: .utf8)
        let result = try till.run(["drill", "list", "--drills", folder])
        #expect(result.status != 0)
        #expect(result.stderr.contains("[expect]: unknown key \"reason_categry\""), "\(result.stderr)")
        #expect(result.stderr.contains("Did you mean \"reason_category\"?"), "\(result.stderr)")
    }

    @Test func aSupervisorsWrongPINIsNotTheTraineesMistake() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let perfect = try String(contentsOfFile: Self.drills + "/05-no-receipt-over-limit.actions", encoding: .utf8)
        let withSlip = perfect.replacingOccurrences(of: "approve 2001 222222", with: "approve 2001 000000\napprove 2001 222222")
        #expect(withSlip != perfect)
        let file = till.dataDir + "/05.actions"
        try withSlip.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try till.run(["drill", "run", "05-no-receipt-over-limit", "--trainee", "mei", "--trainer", "3001", "--actions", file,
                                   "--drills", Self.drills], env: ["TILL_PIN": "3333"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.last == "score 100/100", "\(result.stdout)")
    }

    @Test func aKeyScriptReplayIsStoredAsTheTraineesAttempt() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let keys = till.dataDir + "/02.keys"
        try String(contentsOfFile: Self.drills + "/02-partial-refund.keys", encoding: .utf8).write(toFile: keys, atomically: true, encoding: .utf8)
        let result = try till.run(["drill", "run", "02-partial-refund", "--trainee", "lan", "--trainer", "3001", "--keys", keys,
                                   "--drills", Self.drills], env: ["TILL_PIN": "3333"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try till.run(["drill", "report", "--trainee", "lan", "--csv"]).lines
        #expect(rows.count == 2 && rows[1].hasPrefix("lan,02-partial-refund,") && rows[1].hasSuffix(",100"), "\(rows)")
    }

    @Test func execTrainingNeedsATrainerAndTheShopsOwnUsersTrain() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let missing = try till.run(["exec", "--training"], stdin: "signin 1001 1111\n")
        #expect(missing.status != 0 && missing.stderr.contains("Training is started by a trainer"), "\(missing.stderr)")
        let clerk = try till.run(["exec", "--training", "--trainer", "1001"], stdin: "signin 1001 1111\n", env: ["TILL_PIN": "1111"])
        #expect(clerk.status != 0 && clerk.stderr.contains("may not run training"), "\(clerk.stderr)")

        // A user added to the shop signs in under training with the PIN the shop gave them.
        #expect(try till.run(["user", "add", "--by", "9001", "--code", "1077", "--name", "New Clerk", "--role", "clerk"],
                             stdin: "999999\n7777\n").status == 0)
        let training = try till.run(["exec", "--training", "--trainer", "3001"], stdin: "signin 1077 7777\nscan MUG-01\ncash\n",
                                    env: ["TILL_PIN": "3333"])
        #expect(training.status == 0, "\(training.stderr)")
        #expect(events(training.lines).first?["event"] as? String == "signedIn", "\(training.stdout)")
        #expect(events(training.lines).contains { $0["event"] as? String == "saleCompleted" })
    }
}
