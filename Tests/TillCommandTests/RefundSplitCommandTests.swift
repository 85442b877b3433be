import Foundation
import Testing

/// Issue 12 from the command line: `till exec` shows the refund's split before `confirm`; the
/// shop's tax-ID label on the slips; `till.utc_offset` defaults to the system's; tax classes
/// imported with `till catalog import --tax-classes FILE --by CODE`.
@Suite struct RefundSplitCommandTests {
    @Test func execShowsTheSplitBeforeConfirmAndTheRefundIsExactlyThat() throws {
        let till = try TillProcess(config: "[cash]\nrounding_increment = \"0.50\"\n")
        defer { till.cleanUp() }
        // A weighed item makes odd cents; ¥10.00 of it by card, the rest in cash.
        let out = try till.run(["exec"], stdin: """
            signin 1001 1111
            scan RICE-KG 0.350
            card 1.00 AUTH9
            cash 100
            refund
            receipt S01-000006
            line 1 0.350
            reason DAMAGED
            confirm

            """)
        let all = events(out.lines)
        let splits = all.filter { $0["event"] as? String == "refundSplit" }
        let done = try #require(all.first { $0["event"] as? String == "refundCompleted" }, "\(out.stdout) \(out.stderr)")
        let shown = try #require(splits.last)
        #expect(all.firstIndex { $0["event"] as? String == "refundSplit" }! < all.firstIndex { $0["event"] as? String == "refundCompleted" }!)
        #expect(shown["total"] as? String == done["total"] as? String)
        let shownTenders = (shown["tenders"] as? [[String: Any]] ?? []).map { "\($0["tender"] ?? "") \($0["amount"] ?? "")" }
        let paid = (done["tenders"] as? [[String: Any]] ?? []).map { "\($0["tender"] ?? "") \($0["amount"] ?? "")" }
        #expect(shownTenders == paid && shownTenders.count == 2 && shownTenders.first == "card 1.00", "\(shownTenders) \(paid)")
        // The journal's export carries the same parts and the rounding.
        let csv = try till.run(["journal", "export", "--csv"]).stdout
        let rows = csv.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("tender,") && $0.contains("R01-000001") }
        #expect(rows.count == 2)
        #expect(rows.contains { $0.contains(",card,") && $0.contains(",1.00,") }, "\(rows)")
    }

    @Test func theTaxIDIsPrintedAfterItsLabelByDefaultTaxIDOrTheShopsOwn() throws {
        for (shop, receiptLanguage, expected) in [("", "en", "Tax ID 91310000MA1K4X"), ("", "zh", "税号 91310000MA1K4X"),
                                                  ("tax_id_label = \"VAT No.\"\n", "en", "VAT No. 91310000MA1K4X")] {
            let till = try TillProcess()
            defer { till.cleanUp() }
            let config = "[security]\npin_hash_rounds = 1000\n[till]\nlanguage = \"en\"\nreceipt_language = \"\(receiptLanguage)\"\n"
                + "[printer]\nprofile = \"epson-tm-t82iii\"\n[shop]\ntax_id = \"91310000MA1K4X\"\n" + shop
            try config.write(toFile: till.configPath, atomically: true, encoding: .utf8)
            let out = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01\ncash 20\nrefund\nreceipt S01-000006\nline 1 1\nreason DAMAGED\nconfirm\n")
            #expect(out.status == 0, "\(out.stderr)")
            for slip in ["001", "002"] {
                let text = try String(contentsOfFile: till.dataDir + "/slips/\(slip).txt", encoding: .utf8)
                #expect(text.contains(expected), "\(slip): \(text)")
            }
        }
    }

    @Test(arguments: [("tax_id_label = \"\"\n", "shop.tax_id_label"),
                      ("tax_id_label = \"\(String(repeating: "x", count: 33))\"\n", "1 to 32 characters"),
                      ("tax_id_label = \"VAT\\u0007\"\n", "control characters")])
    func aTaxIDLabelOutOfRangeIsRefusedNamingTheKey(_ shop: String, _ expected: String) throws {
        let till = try TillProcess(config: "[shop]\n" + shop)
        defer { till.cleanUp() }
        let check = try till.run(["config", "check"])
        #expect(check.status != 0)
        #expect((check.stdout + check.stderr).contains("shop.tax_id_label") && (check.stdout + check.stderr).contains(expected),
                "\(check.stdout) \(check.stderr)")
    }

    @Test func lockOutTimesAreInTheSystemsZoneUnlessAnOffsetIsConfigured() throws {
        let defaults = try TillProcess().run(["config", "defaults"], global: false).stdout
        #expect(defaults.contains("utc_offset = \"system\""))
        // No offset configured: the machine's zone (here TZ) tells the lock-out's end.
        let system = try TillProcess()
        defer { system.cleanUp() }
        let locked = try system.run(["exec"], stdin: String(repeating: "signin 1001 0000\n", count: 5), env: ["TZ": "Asia/Shanghai"])
        #expect(locked.stdout.contains("UTC+08:00)"), "\(locked.stdout)")
        // An explicit offset still rules, whatever the machine's zone.
        let fixed = try TillProcess()
        defer { fixed.cleanUp() }
        var text = try String(contentsOfFile: fixed.configPath, encoding: .utf8)
        text = text.replacingOccurrences(of: "[till]\n", with: "[till]\nutc_offset = \"-05:00\"\n")
        try text.write(toFile: fixed.configPath, atomically: true, encoding: .utf8)
        let out = try fixed.run(["exec"], stdin: String(repeating: "signin 1001 0000\n", count: 5), env: ["TZ": "Asia/Shanghai"])
        #expect(out.stdout.contains("UTC-05:00"), "\(out.stdout)")
    }

    @Test func taxClassesAreImportedByAnAuthorisedUserEachChangeAnEntryBadRowsByLine() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let path = till.dataDir + "/tax.csv"
        try "code,name,rate,inclusive\nEXC5,Sales tax 5%,5,no\nBIG,Too much,101,yes\nEXC5,Twice,5,no\n".write(toFile: path, atomically: true, encoding: .utf8)
        // A clerk may not; a wrong PIN changes nothing.
        let clerk = try till.run(["catalog", "import", "--tax-classes", path, "--by", "1001"], env: ["TILL_PIN": "1111"])
        #expect(clerk.status != 0 && (clerk.stdout + clerk.stderr).contains("may not"), "\(clerk.stdout) \(clerk.stderr)")
        let wrongPIN = try till.run(["catalog", "import", "--tax-classes", path, "--by", "9001"], env: ["TILL_PIN": "111111"])
        #expect(wrongPIN.status != 0)
        let before = try till.run(["journal", "export", "--csv"]).stdout
        #expect(!before.contains("EXC5"))
        let imported = try till.run(["catalog", "import", "--tax-classes", path, "--by", "9001"], env: ["TILL_PIN": "999999"])
        #expect(imported.status == 4, "\(imported.stdout) \(imported.stderr)")
        #expect(imported.stdout.contains("line 3: rate \"101\" must be a percentage from 0 to 100"))
        #expect(imported.stdout.contains("line 4: tax class EXC5 is already on line 2"))
        #expect(imported.stdout.contains("Tax classes: 1 changed, 0 unchanged, 2 rows rejected (of 3)"))
        let csv = try till.run(["journal", "export", "--csv"]).stdout
        #expect(csv.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("entry,") && $0.contains(",taxClasses,") && $0.contains(",9001,") }.count == 1,
                "\(csv)")
        // The catalog can name the imported class now.
        let items = till.dataDir + "/items.csv"
        try "sku,barcodes,name,price,tax_class,returnable,weighed\nSOAP,,Soap,3.00,EXC5,yes,no\n".write(toFile: items, atomically: true, encoding: .utf8)
        let withItems = try till.run(["catalog", "import", "--by", "9001", items], env: ["TILL_PIN": "999999"])
        #expect(withItems.status == 0 && withItems.stdout.contains("Imported 1 item,"), "\(withItems.stdout) \(withItems.stderr)")
    }
}
