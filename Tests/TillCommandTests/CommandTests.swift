import Foundation
import Testing

@Suite struct JournalCommandTests {
    func sqlite(_ path: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "sqlite3 \(sql)")
    }

    func tillWithSales() throws -> TillProcess {
        let till = try TillProcess()
        let out = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01 2\ncash\nscan TOFU\ncard AUTH-1\n")
        #expect(events(out.lines).filter { $0["event"] as? String == "saleCompleted" }.count == 2)
        return till
    }

    @Test func verifyNamesARowEditedWithTheSqliteTool() throws {
        let till = try tillWithSales()
        defer { till.cleanUp() }
        #expect(try till.run(["journal", "verify"]).status == 0)
        // Make the latest sale cheaper behind the till's back.
        try sqlite(till.journalPath, "UPDATE journalEntry SET totalMinor = 1 WHERE reference = 'S01-000007'")
        let result = try till.run(["journal", "verify"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("(S01-000007) was changed after it was written"), "\(result.stdout)") // plain words (issue 11)
        #expect(result.stdout.contains("Stop trading on this database"))
    }

    @Test func verifyNamesALineEditedBehindTheEntrysBack() throws {
        let till = try tillWithSales()
        defer { till.cleanUp() }
        try sqlite(till.journalPath, "UPDATE saleLine SET quantityThousandths = 9000 WHERE receipt = 'S01-000006'")
        let result = try till.run(["journal", "verify", "--lang", "zh"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("S01-000006"), "\(result.stdout)")
        #expect(result.stdout.contains("日志已被篡改"))
    }

    @Test func verifyNamesADeletedEntry() throws {
        let till = try tillWithSales()
        defer { till.cleanUp() }
        try sqlite(till.journalPath, "PRAGMA foreign_keys=OFF; DELETE FROM journalEntry WHERE reference = 'S01-000006'")
        let result = try till.run(["journal", "verify"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("deleted"), "\(result.stdout)")
    }

    @Test func exportWritesOneRowPerEntryAndLine() throws {
        let till = try tillWithSales()
        defer { till.cleanUp() }
        let result = try till.run(["journal", "export", "--csv"])
        #expect(result.status == 0)
        #expect(result.lines.first?.contains(",") == true)
        #expect(result.lines.contains { $0.contains("S01-000006") && $0.contains("MUG-01") })
    }
}

@Suite struct CatalogCommandTests {
    @Test func badRowsAreReportedByLineAndGoodRowsKept() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let csv = """
        sku,barcodes,name,price,tax_class,returnable,weighed
        NEW-1,4006381333931,"Teapot, blue 蓝色茶壶",88.00,VAT13,yes,no
        NEW-2,4006381333932,Bad barcode,1.00,VAT13,yes,no
        NEW-3,,Cheap,abc,VAT13,yes,no
        NEW-4,,Unknown tax,1.00,VAT99,yes,no
        NEW-5,,"Walnuts per kg 核桃",45.50,VAT9,yes,yes

        """
        let file = till.dataDir + "/items.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        // The import needs an authorised user's code and PIN (issue 9): a clerk may not.
        let clerk = try till.run(["catalog", "import", file, "--by", "1001"], env: ["TILL_PIN": "1111"])
        #expect(clerk.status != 0 && clerk.stderr.contains("may not importCatalog"))
        let result = try till.run(["catalog", "import", file, "--by", "9001"], env: ["TILL_PIN": "999999"])
        #expect(result.status == 4)
        #expect(result.stdout.contains("line 3:") && result.stdout.contains("4006381333932"))
        #expect(result.stdout.contains("line 4:") && result.stdout.contains("abc"))
        #expect(result.stdout.contains("line 5:") && result.stdout.contains("VAT99"))
        #expect(result.stdout.contains("Imported 2 items, rejected 3 rows"))
        let teapot = try till.run(["catalog", "show", "4006381333931"])
        #expect(teapot.stdout.contains("Teapot, blue 蓝色茶壶\t88.00"))
        let missing = try till.run(["catalog", "show", "NEW-3"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("No item with barcode or SKU NEW-3"))
    }
}

@Suite struct ExecCommandTests {
    @Test func refusalsCarryCodeMessageAndRemedyAndBadLinesAreNamed() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let out = try till.run(["exec"], stdin: """
        {"action":"signIn","code":"1001","pin":"1111"}
        {"action":"scan","code":"6901234567891"}
        {"action":"scan","code":"RICE-KG","quantity":"0.5"}
        frobnicate
        {"action":"tender"
        {"action":"cash","amount":"100"}

        """)
        let e = events(out.lines)
        #expect(e[1]["code"] as? String == "barcode_check_digit_wrong")
        #expect((e[1]["remedy"] as? String)?.contains("Type the number printed under the barcode") == true)
        #expect(e[2]["quantity"] as? String == "0.5")
        #expect(e[3]["event"] as? String == "badInput" && e[3]["line"] as? Int == 4)
        #expect(e[4]["event"] as? String == "badInput" && e[4]["line"] as? Int == 5)
        #expect(e.last?["event"] as? String == "slipPrinted")
        #expect(e.contains { $0["event"] as? String == "saleCompleted" && $0["total"] as? String == "3.90" })
    }

    @Test func aBadConfigurationNamesTheKeyAndTheFix() throws {
        let till = try TillProcess(config: "[refund]\nper_refund_limit = \"lots\"\n")
        defer { till.cleanUp() }
        let result = try till.run(["config", "check"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("refund.per_refund_limit"))
        #expect(result.stderr.contains("Fix it in the configuration file"))
    }

    @Test func anUnknownKeyOrTableIsRefusedWithTheNearestValidName() throws {
        for (config, wrong, right) in [("[refund]\nper_refund_limt = \"100.00\"\n", "per_refund_limt", "per_refund_limit"),
                                       ("[printr]\ncolumns = 32\n", "printr", "printer"),
                                       ("[cash]\nrounding_incremnt = \"0.05\"\n", "rounding_incremnt", "rounding_increment"),
                                       ("[tils]\nid = \"02\"\n", "tils", "till")] {
            let till = try TillProcess(config: config)
            defer { till.cleanUp() }
            let result = try till.run(["config", "check"])
            #expect(result.status != 0, "\(config)")
            #expect(result.stderr.contains("\"\(wrong)\"") && result.stderr.contains("Did you mean \"\(right)\"?"), "\(result.stderr)")
            #expect(result.stderr.contains(till.configPath), "names the file it read: \(result.stderr)")
            let zh = try till.run(["config", "check", "--lang", "zh"])
            #expect(zh.stderr.contains("是否应为 “\(right)”"), "\(zh.stderr)")
            // Nothing runs on a configuration with a key the till would ignore.
            #expect(try till.run(["exec"], stdin: "signin 1001 1111\n").status != 0)
            // Fixed, the same file is read, and `config check` says which it was.
            try "[refund]\nper_refund_limit = \"100.00\"\n".write(toFile: till.configPath, atomically: true, encoding: .utf8)
            #expect(try till.run(["config", "check"]).stdout.contains("configuration: \(till.configPath)"))
        }
    }

    @Test func theTenderSubstitutionTableNamesAWrongPairOrDecision() throws {
        let pair = try TillProcess(config: "[refund.substitution]\ncard_to_cheque = \"allowed\"\n")
        defer { pair.cleanUp() }
        let badPair = try pair.run(["config", "check"])
        #expect(badPair.status != 0)
        #expect(badPair.stderr.contains("refund.substitution") && badPair.stderr.contains("card_to_other_card"))
        let decision = try TillProcess(config: "[refund.substitution]\ncard_to_cash = \"maybe\"\n")
        defer { decision.cleanUp() }
        let badDecision = try decision.run(["config", "check"])
        #expect(badDecision.status != 0)
        #expect(badDecision.stderr.contains("refund.substitution.card_to_cash") && badDecision.stderr.contains("supervisor"))
        // The documented defaults are a valid configuration.
        let defaults = try pair.run(["config", "defaults"])
        let documented = try TillProcess(config: defaults.stdout)
        defer { documented.cleanUp() }
        #expect(try documented.run(["config", "check"]).status == 0)
    }

    @Test func aMisspeltKeypadLayoutOrDisplayProfileIsRefusedWithTheNearestOne() throws {
        for (config, wrong, right) in [("[keypad]\nlayout = \"pos-4x7\"\n", "pos-4x7", "pos-4x6"),
                                       ("[display]\nurl = \"tcp://127.0.0.1:9\"\nprofile = \"aures-ocd300\"\n", "aures-ocd300", "aures-ocd-300")] {
            let till = try TillProcess(config: config)
            defer { till.cleanUp() }
            let result = try till.run(["config", "check"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("\"\(wrong)\"") && result.stderr.contains("Did you mean \"\(right)\"?"), "\(result.stderr)")
            let zh = try till.run(["config", "check", "--lang", "zh"])
            #expect(zh.stderr.contains("是否应为 “\(right)”"), "\(zh.stderr)")
        }
    }
}
