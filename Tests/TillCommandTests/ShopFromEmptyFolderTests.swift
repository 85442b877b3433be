import Foundation
import Testing

/// Issue 12, "A shop that starts without demo data": the README's walk from an empty folder with
/// `--no-demo` (tax classes from the configuration, users, catalog import, a sale, a refund, Z),
/// asserted on the journal's own export; and the wording and process rules a real shop meets.
@Suite struct ShopFromEmptyFolderTests {
    static let taxClasses = """
        [[tax.class]]
        id = "VAT13"
        name = "VAT 13%"
        rate = "13"
        [[tax.class]]
        id = "EXC5"
        name = "Sales tax 5%"
        rate = "5"
        inclusive = false
        """

    static let catalog = """
        sku,barcodes,name,price,tax_class,returnable,weighed
        TEA,6901234567892,Jasmine tea,25.00,VAT13,yes,no
        PEN,,Pen,2.00,EXC5,yes,no

        """

    /// The CSV export as rows of named fields.
    func export(_ till: TillProcess) throws -> [[String: String]] {
        let result = try till.run(["journal", "export", "--csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func aShopFromAnEmptyFolderToItsFirstSaleRefundAndZ() throws {
        let till = try TillProcess(config: Self.taxClasses + "\n[cash]\nrounding_increment = \"0.10\"\n")
        defer { till.cleanUp() }
        let csvPath = till.dataDir + "/catalog.csv"
        try Self.catalog.write(toFile: csvPath, atomically: true, encoding: .utf8)

        let admin = try till.run(["user", "add", "--no-demo", "--code", "9001", "--name", "Owner", "--role", "admin"], env: ["TILL_PIN": "900900"])
        #expect(admin.status == 0, "\(admin.stderr)")
        #expect(try till.run(["user", "add", "--by", "9001", "--code", "1001", "--name", "Clerk", "--role", "clerk"],
                             stdin: "900900\n1234\n").status == 0)
        #expect(try till.run(["user", "add", "--by", "9001", "--code", "2001", "--name", "Boss", "--role", "supervisor"],
                             stdin: "900900\n123456\n").status == 0)
        let imported = try till.run(["catalog", "import", "--by", "9001", csvPath], env: ["TILL_PIN": "900900"])
        #expect(imported.status == 0, "\(imported.stdout) \(imported.stderr)")
        #expect(imported.stdout.contains("Imported 2 items, rejected 0 rows (of 2 rows read)."))
        // No demo data: exactly the users added, and no demo item.
        #expect(try till.run(["user", "list"]).lines == ["1001\tclerk\tClerk", "2001\tsupervisor\tBoss", "9001\tadmin\tOwner"])
        #expect(try till.run(["catalog", "show", "MUG-01"]).status != 0)

        let day = try till.run(["exec", "--strict"], stdin: """
            signin 1001 1234
            shift 100
            scan 6901234567892 2
            scan PEN
            cash 100
            refund
            receipt S01-000001
            line 1 1
            reason DAMAGED
            confirm
            signout
            signin 2001 123456
            report z
            count 127.10
            confirm

            """)
        #expect(day.status == 0, "\(day.stdout)")
        let output = events(day.lines)
        // 2 × 25.00 inclusive + 2.00 with 5 % added = 52.10, due in cash rounded to 0.10.
        let sale = output.first { $0["event"] as? String == "saleCompleted" }
        #expect(sale?["total"] as? String == "52.10")
        #expect(output.contains { $0["event"] as? String == "refundCompleted" && $0["total"] as? String == "25.00" })
        #expect(output.contains { $0["event"] as? String == "reportPrinted" && $0["kind"] as? String == "z" })

        let rows = try export(till)
        let taxes = rows.first { $0["kind"] == "taxClasses" }
        #expect(taxes?["name"] == "EXC5 500 bp; VAT13 1300 bp" || taxes?["name"] == "VAT13 1300 bp; EXC5 500 bp")
        let refund = rows.first { $0["record"] == "entry" && $0["kind"] == "refund" }
        #expect(refund?["reason"] == "DAMAGED")
        #expect(refund?["rounding"] == "0.00")
        #expect(rows.first { $0["record"] == "entry" && $0["kind"] == "sale" }?["rounding"] == "0.00")
        #expect(rows.contains { $0["kind"] == "zReport" })
        #expect(try till.run(["journal", "verify"]).status == 0)
    }

    @Test func anUndefinedTaxClassIsNamedAndTheConfigurationDefinesIt() throws {
        let bare = try TillProcess()
        defer { bare.cleanUp() }
        let csvPath = bare.dataDir + "/catalog.csv"
        try Self.catalog.write(toFile: csvPath, atomically: true, encoding: .utf8)
        #expect(try bare.run(["user", "add", "--no-demo", "--code", "9001", "--name", "Owner", "--role", "admin"], env: ["TILL_PIN": "900900"]).status == 0)
        let refused = try bare.run(["catalog", "import", "--by", "9001", csvPath], env: ["TILL_PIN": "900900"])
        #expect(refused.stdout.contains("line 2: tax class VAT13 is not defined (define it in the configuration first)"))
        #expect(refused.stdout.contains("Imported 0 items, rejected 2 rows (of 2 rows read)."))

        // The same journal, now with the classes configured.
        try (try String(contentsOfFile: bare.configPath, encoding: .utf8) + Self.taxClasses + "\n").write(toFile: bare.configPath, atomically: true, encoding: .utf8)
        let accepted = try bare.run(["catalog", "import", "--by", "9001", csvPath], env: ["TILL_PIN": "900900"])
        #expect(accepted.status == 0 && accepted.stdout.contains("Imported 2 items"))
    }

    @Test(arguments: [
        ("[[tax.class]]\nid = \"V\"\nname = \"V\"\nrat = \"13\"\n", "unknown key \"rat\"", "Did you mean \"rate\"?"),
        ("[[tax.class]]\nid = \"V\"\nname = \"V\"\nrate = \"130\"\n", "tax.class[1].rate = \"130\"", "a percentage from 0 to 100"),
        ("[[tax.class]]\nid = \"V 1\"\nname = \"V\"\nrate = \"13\"\n", "tax.class[1].id", "letters, digits"),
        ("[[tax.class]]\nid = \"V\"\nname = \"V\"\nrate = \"13\"\n[[tax.class]]\nid = \"V\"\nname = \"W\"\nrate = \"9\"\n", "tax.class[2].id", "not used by an earlier"),
        ("[[tax.class]]\nid = \"V\"\nrate = \"13\"\n", "tax.class[1].name", "1 to 64 characters"),
        ("[till]\nutc_offset = \"+15:00\"\n", "till.utc_offset", "at most 14 hours"),
    ])
    func taxClassesAreCheckedNamingTheEntryAndTheRange(config: String, message: String, remedy: String) throws {
        let till = try TillProcess(config: config.hasPrefix("[till]") ? "" : config)
        defer { till.cleanUp() }
        if config.hasPrefix("[till]") {
            // TillProcess writes its own [till] table: replace the offset there.
            let text = try String(contentsOfFile: till.configPath, encoding: .utf8)
                .replacingOccurrences(of: "[till]\n", with: "[till]\nutc_offset = \"+15:00\"\n")
            try text.write(toFile: till.configPath, atomically: true, encoding: .utf8)
        }
        let result = try till.run(["config", "check"])
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains(remedy), "\(result.stderr)")
    }

    /// The decoder's own words ("keyed decoding container", "DecodingError") never reach the user.
    @Test(arguments: [
        ("[till]\nid = 1\n", "till.id must be text in quotes", "till.id 必须是加引号的文字"),
        ("[till]\nid = \"01\n", "line 2, column 9 is not valid TOML", "第 2 行第 9 列不是有效的 TOML"),
        ("[[tax.class]]\nid = \"V\"\nname = \"V\"\nrate = 13\n", "tax.class[1].rate must be text in quotes", "tax.class[1].rate 必须是"),
        ("[refund]\nwindow_days = \"30\"\n", "refund.window_days must be a whole number without quotes", "不加引号的整数"),
    ])
    func aFileTheReaderRefusesIsToldInTheShopsWords(text: String, en: String, zh: String) throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let path = till.dataDir + "/bad.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for (lang, expected) in [("en", en), ("zh", zh)] {
            let result = try till.run(["config", "check", "--config", path, "--lang", lang], global: false)
            #expect(result.status != 0)
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(!result.stderr.contains("Decoding") && !result.stderr.contains("container"), "\(result.stderr)")
        }
    }

    @Test func aSecondProcessForTheSameTillRefusesNamingTheFirstAndACrashLeavesNoStaleLock() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        #expect(try till.run(["exec"], stdin: "signin 1001 1111\n").status == 0) // demo data written first
        let held = try till.startHoldingTill()
        let first = held.process
        #expect(held.firstAnswer.contains("signedIn"))

        let second = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01\ncash\n")
        #expect(second.status != 0)
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.contains("Till 01 is already running on the journal \(till.journalPath) (process \(first.processIdentifier): till exec)"),
                "\(second.stderr)")
        #expect(second.stderr.contains("stop it first"))
        let zh = try till.run(["exec", "--lang", "zh"], stdin: "")
        #expect(zh.stderr.contains("收银机 01 已在日志"))

        // A crash (SIGKILL: nothing runs on the way out) leaves no stale lock.
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let after = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01\ncash\n")
        #expect(after.status == 0, "\(after.stderr)")
        #expect(events(after.lines).contains { $0["event"] as? String == "saleCompleted" })
    }

    @Test func refusalsNameTheirRealCause() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let result = try till.run(["exec"], stdin: """
            signin 1001 1111
            refund
            receipt 9010000000022611301
            refund
            receipt S01-000002
            line 1 1
            reason BOGUS
            lang zh
            reason BOGUS

            """)
        let output = events(result.lines)
        let refusals = output.filter { $0["event"] as? String == "refused" }
        #expect(refusals.map { $0["code"] as? String } == ["receipt_code_unreadable", "unknown_reason", "unknown_reason"])
        #expect((refusals[0]["message"] as? String)?.contains("it has 19 digits; a receipt barcode has 24, 20 on older receipts") == true)
        // After the refused receipt, `refund` starts the look-up again: no "busy".
        #expect(output.contains { $0["event"] as? String == "saleFound" })
        #expect(refusals[1]["message"] as? String == "BOGUS is not a reason.")
        #expect(refusals[1]["remedy"] as? String == "Choose one of: DAMAGED, WRONG, UNWANTED, NOTDESC, PRICE, OTHER.")
        #expect(refusals[2]["message"] as? String == "BOGUS 不是有效的原因。")
    }

    @Test func wrongPINsCountDownInWordsAndTheLockOutIsToldInTheShopsTimeZone() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let text = try String(contentsOfFile: till.configPath, encoding: .utf8)
            .replacingOccurrences(of: "[security]\n", with: "[security]\nmax_pin_attempts = 3\n")
            .replacingOccurrences(of: "[till]\n", with: "[till]\nutc_offset = \"+05:30\"\n")
        try text.write(toFile: till.configPath, atomically: true, encoding: .utf8)
        let result = try till.run(["exec"], stdin: "signin 1001 0000\nsignin 1001 0000\nsignin 1001 0000\nlang zh\nsignin 1001 1111\n")
        let messages = events(result.lines).compactMap { $0["message"] as? String }
        try #require(messages.count == 4, "\(result.stdout) \(result.stderr)")
        #expect(messages[0].contains("2 attempts left before lock-out"))
        #expect(messages[1].contains("1 attempt left before lock-out"))
        #expect(messages[2].contains("UTC+05:30)"), "\(messages[2])")
        #expect(messages[3].contains("UTC+05:30）"), "\(messages[3])")
    }
}
