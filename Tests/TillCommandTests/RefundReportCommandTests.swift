import Foundation
import Testing
import TillGraphics

/// `till report refunds` end to end: refunds made with `till exec`, then the report as a table,
/// CSV and PNG, its thresholds from `[report.refunds]`, and who may read it.
@Suite struct RefundReportCommandTests {
    /// Two refunds with receipt by Lin (1001) and a return without receipt by Zhao (1002).
    func tillWithRefunds(config: String = "") throws -> TillProcess {
        let till = try TillProcess(config: config)
        let script = """
            signin 1001 1111
            scan MUG-01 2
            cash
            refund
            receipt S01-000006
            line 1 1
            reason DAMAGED
            confirm
            refund
            receipt S01-000006
            line 1 1
            reason DAMAGED
            confirm
            signout
            signin 1002 1212
            blind
            scan MUG-01
            reason DAMAGED
            confirm
            approve 2001 222222
            """
        let out = try till.run(["exec"], stdin: script + "\n")
        #expect(events(out.lines).filter { $0["event"] as? String == "refundCompleted" }.count == 3, "\(out.stdout)\n\(out.stderr)")
        return till
    }

    @Test func tableCSVAndPNGShowTheRefunds() throws {
        let till = try tillWithRefunds(config: "[report.refunds]\nsoon_after_sale_minimum = 2\n")
        defer { till.cleanUp() }
        let table = try till.run(["report", "refunds", "--user", "2001"], env: ["TILL_PIN": "222222"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("By clerk"), "\(table.stdout)")
        // Lin's two refunds came minutes after the sale: flagged at a minimum of 2.
        #expect(table.stdout.contains("refunds soon after the sale"), "\(table.stdout)")

        let csv = try till.run(["report", "refunds", "--user", "2001", "--csv"], env: ["TILL_PIN": "222222"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let person = try column("person")
        let lin = try #require(rows.first { $0.first == "clerk" && $0[person] == "1001" })
        #expect(lin[try column("with_receipt_count")] == "2")
        #expect(lin[try column("without_receipt_count")] == "0")
        #expect(lin[try column("own_sale_count")] == "2")
        #expect(lin[try column("flags")] == "soonAfterSale")
        let zhao = try #require(rows.first { $0.first == "clerk" && $0[person] == "1002" })
        #expect(zhao[try column("without_receipt_count")] == "1")
        // blind_return.supervisor_above defaults to 0.00: every return without receipt is approved.
        #expect(zhao[try column("approved_count")] == "1")
        let wang = try #require(rows.first { $0.first == "supervisor" && $0[person] == "2001" })
        #expect(wang[try column("approved_count")] == "1")
        let shop = try #require(rows.first { $0.first == "shop" })
        #expect(shop[try column("with_receipt_count")] == "2")
        #expect(shop[try column("sales_count")] != "0")

        let png = till.dataDir + "/refunds.png"
        let drawn = try till.run(["report", "refunds", "--user", "2001", "--png", png], env: ["TILL_PIN": "222222"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let image = try PNG.decode(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
        #expect(image.width > BarChart.barWidth && image.height >= BarChart.rowHeight * 3)
        #expect(image.gray().contains { $0 < 128 })
    }

    @Test func chineseTableAndAPeriodWithNothingInIt() throws {
        let till = try tillWithRefunds()
        defer { till.cleanUp() }
        let zh = try till.run(["report", "refunds", "--user", "2001", "--lang", "zh"], env: ["TILL_PIN": "222222"])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("按收银员") && zh.stdout.contains("林收银"), "\(zh.stdout)")
        let empty = try till.run(["report", "refunds", "--user", "2001", "--from", "2001-01-01", "--to", "2001-01-31", "--csv"],
                                 env: ["TILL_PIN": "222222"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.split(separator: "\r\n").count == 1, "only the header: \(empty.stdout)")
    }

    @Test func refusalsNameCauseAndRemedy() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        // A clerk may not read it.
        let clerk = try till.run(["report", "refunds", "--user", "1001"], env: ["TILL_PIN": "1111"])
        #expect(clerk.status != 0 && clerk.stderr.contains("zReport"), "\(clerk.stderr)")
        let backwards = try till.run(["report", "refunds", "--user", "2001", "--from", "2026-02-01", "--to", "2026-01-01"],
                                     env: ["TILL_PIN": "222222"])
        #expect(backwards.status != 0 && backwards.stderr.contains("before --from"), "\(backwards.stderr)")
        let badDate = try till.run(["report", "refunds", "--user", "2001", "--from", "2026-02-30"], env: ["TILL_PIN": "222222"])
        #expect(badDate.status != 0 && badDate.stderr.contains("YYYY-MM-DD"), "\(badDate.stderr)")
        // A misspelt threshold is refused with the nearest name.
        try "[report.refunds]\nunder_limit_percnt = 5\n".write(toFile: till.configPath, atomically: true, encoding: .utf8)
        let typo = try till.run(["config", "check"])
        #expect(typo.status == 1 && typo.stderr.contains("under_limit_percent"), "\(typo.stderr)")
    }

    /// The benchmark's smoke run: a tiny journal, and it prints its figures beside the peer's.
    @Test func benchReportsPrintsItsFigures() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let out = try till.run(["bench", "reports", "--entries", "60", "--samples", "3", "--report-samples", "2",
                                "--dir", till.dataDir + "/bench"], global: false)
        #expect(out.status == 0, "\(out.stderr)")
        let z = try #require(out.lines.first { $0.hasPrefix("Z report (60 entries)") }, "\(out.stdout)")
        #expect(z.contains("p50") && z.contains("p99") && z.contains("COUNT/SUM"), "\(z)")
        #expect(out.lines.contains { $0.hasPrefix("refund report (60 entries)") && $0.contains("p99") }, "\(out.stdout)")
        #expect(out.lines.contains { $0.hasPrefix("loaded ") && $0.contains("refunds") }, "\(out.stdout)")
    }
}
