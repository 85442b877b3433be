import Foundation
import Testing
import TillCore

/// The real till screen, driven through tmux as a clerk would drive it: keys in, screen text,
/// journal rows and printed slips out. One scenario at a time, each on its own data folder.
@Suite(.serialized, .timeLimit(.minutes(5)))  // a hang guard; every wait ends on its condition (TmuxTill.patience)
struct ScreenScenarioTests {
    /// The rows of the refund/sale table holding these names, with trailing spaces removed.
    static func tableRows(_ screen: String, _ names: [String]) -> [String] {
        screen.components(separatedBy: "\n").filter { row in names.contains { row.contains($0) } }
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test func aSaleWithChangeAlignedChineseNamesAndAHiddenPIN() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.waitFor("User code:")
        try till.enter("1001")
        try till.waitFor("PIN:")
        try till.type("1111")
        let pinScreen = try till.waitFor("PIN: ****")
        #expect(!pinScreen.contains("1111"))
        try till.press("Enter")
        try till.waitFor("Signed in: Lin Clerk 林收银")
        try till.enter("2*6901234567892")
        try till.waitFor("茉莉花茶")
        try till.enter("MUG-01")
        try till.waitFor("陶瓷杯")
        try till.enter("RICECOOK")
        let sale = try till.waitFor("¥464.00")
        // Names in two scripts, amounts in one column: widths by DisplayWidth, as the terminal draws them.
        let rows = Self.tableRows(sale, ["茉莉花茶", "陶瓷杯", "电饭煲"])
        #expect(rows.count == 3)
        #expect(rows.map(DisplayWidth.of) == [79, 79, 79])
        try till.type("500")
        try till.press("F2")
        try till.waitFor("CHANGE  ¥36.00")
        try till.waitFor("Slip S01-000006 printed")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(csv.contains("entry,") && csv.contains(",sale,S01-000006,01,3,1001,"))
        #expect(csv.contains("tender,") && csv.contains(",500.00,"))
        let slip = try till.slip(1)
        #expect(slip.contains("S01-000006") && slip.contains("茉莉花茶") && slip.contains("36.00"))
    }

    @Test func aVoidedLineStaysOnScreenMarkedAndCountsForNothing() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.enter("TEA-JAS")
        try till.waitFor("Jasmine tea")
        try till.enter("MUG-01")
        try till.waitFor("¥40.00")
        try till.press("F6")
        try till.waitFor("VOID")
        try till.waitFor("¥25.00")
        try till.press("F2")
        try till.waitFor("CHANGE  ¥0.00")
        let csv = try till.cli(["journal", "export", "--csv"])
        let mug = csv.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("line,") && $0.contains("S01-000006") && $0.contains("MUG-01") }
        #expect(mug.count == 1 && mug[0].contains(",yes,"))
        #expect(csv.contains(",sale,S01-000006,01,3,1001,") && csv.contains(",CNY,25.00,"))
    }

    @Test func aPartialRefundWithReceiptThenTheSameQuantityAgainIsRefusedWithItsReason() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try refund(till, receipt: "S01-000002", quantity: "2", expectTotal: "¥50.00")
        try till.waitFor("Refund R01-000001 done — slip printed")
        try till.waitFor("Give back: cash ¥50.00")
        let slip = try till.slip(1)
        #expect(slip.contains("R01-000001") && slip.contains("S01-000002") && slip.contains("-¥50.00"))
        // The same two again: only one is left on the receipt, and the screen says so.
        try till.press("F7")
        try till.waitFor("scan the receipt")
        try till.enter("S01-000002")
        try till.waitFor("Refund of S01-000002")
        try till.type("2")
        try till.press("F5")
        try till.waitFor("Cannot return 2 of Jasmine tea")
        try till.waitFor("→ Enter 1 or less")
        try till.press("F1")
        try till.waitFor("无法退回 2 件")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(csv.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("entry,") && $0.contains(",refund,") }.count == 1)
    }

    @Test func anOverLimitRefundAsksForTheSupervisorAndRecordsTheApprover() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        // Two rice cookers, ¥798.00, paid by card: above the ¥500.00 per-refund limit.
        try refund(till, receipt: "S01-000004", quantity: "2", expectTotal: "¥798.00")
        try till.waitFor("SUPERVISOR APPROVAL NEEDED")
        try till.waitFor("Supervisor code:")
        try till.enter("2001")
        try till.waitFor("Supervisor PIN:")
        try till.type("222222")
        let prompt = try till.waitFor("Supervisor PIN: ****")
        #expect(!prompt.contains("222222"))
        try till.press("Enter")
        try till.waitFor("Refund R01-000001 done — slip printed")
        try till.waitFor("card ¥798.00")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(csv.contains(",refund,R01-000001,01,3,1001,2001,"))
        #expect(try till.slip(1).contains("R01-000001"))
    }

    @Test func paperOutDuringARefundLeavesABannerUntilReprintPrintsTheSlip() throws {
        let socket = "/tmp/till-ctl-\(UUID().uuidString.prefix(8)).sock"
        defer { try? FileManager.default.removeItem(atPath: socket) }
        let till = try TmuxTill(arguments: ["--printer-control", socket])
        defer { till.close() }
        try till.signIn()
        try till.waitFor("printer ready")
        try till.cli(["printer", "fault", "--control", socket, "paper-out"], global: false)
        try till.waitFor("PAPER OUT")
        try refund(till, receipt: "S01-000002", quantity: "1", expectTotal: "¥25.00")
        let banner = try till.waitFor("Refund R01-000001 recorded, slip NOT printed: paper out — load paper")
        #expect(!banner.contains("done — slip printed"))
        #expect(!FileManager.default.fileExists(atPath: till.dataDir + "/slips/001.txt"))
        #expect(try till.cli(["journal", "slips", "--unprinted"]).contains("R01-000001"))
        try till.cli(["printer", "fault", "--control", socket, "paper-load"], global: false)
        try till.waitFor("printer ready")
        try till.press("F10")
        let done = try till.waitFor("Refund R01-000001 done — slip printed")
        #expect(!done.contains("NOT printed"))
        let slip = try till.slip(1)
        #expect(slip.contains("R01-000001") && !slip.contains("COPY"))
        #expect(try till.cli(["journal", "slips", "--unprinted"]).isEmpty)
    }

    @Test func theLayoutFollowsAResizeAndTheLanguageKey() throws {
        let till = try TmuxTill(cols: 80, rows: 24)
        defer { till.close() }
        try till.signIn()
        try till.enter("TEA-JAS")
        try till.enter("KETTLE")
        let narrow = try till.waitFor("电水壶")
        #expect(Self.tableRows(narrow, ["茉莉花茶", "电水壶"]).map(DisplayWidth.of) == [79, 79])
        try till.tmux(["resize-window", "-t", till.session, "-x", "100", "-y", "30"])
        let wide = try till.waitUntil("the 100×30 layout") { screen in
            Self.tableRows(screen, ["茉莉花茶", "电水壶"]).map(DisplayWidth.of) == [99, 99]
        }
        let rows = wide.components(separatedBy: "\n")
        // Thirty rows: the legend still at the bottom, the date now fits in the status bar.
        // (Issue 12 added park, recall, remove tender, search, price and discount: the legend's last key is now ^D.)
        #expect(rows.count >= 30 && rows[29].contains("Discount"))
        #expect(rows[0].range(of: #"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"#, options: .regularExpression) != nil)
        try till.press("F1")
        try till.waitFor("合计")
        try till.waitFor("F1 English")
        try till.press("F1")
        try till.waitFor("TOTAL")
    }

    @Test func aSupervisorPostVoidsASaleTakesABlindReturnAndSeesTheXReport() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn("2001", "222222")
        try till.enter("MUG-01")
        try till.press("F2")
        try till.waitFor("CHANGE  ¥0.00")
        try till.press("F9")
        try till.waitFor("Post-void: scan")
        try till.enter("S01-000006")
        try till.waitFor("Void sale S01-000006 · total ¥15.00")
        try till.press("Enter")
        try till.waitFor("Operator mistake")
        try till.press("Enter")
        try till.waitFor("Enter: confirm the post-void")
        try till.press("Enter")
        try till.waitFor("Post-void V01-000001 done: ¥15.00.")
        // Without a receipt: priced by the policy, paid in store credit, approved by the supervisor herself.
        try till.press("F8")
        try till.waitFor("RETURN WITHOUT RECEIPT")
        try till.enter("MUG-01")
        try till.waitFor("Refund total  ¥15.00")
        try till.press("Enter", "Enter")
        try till.waitFor("1  store credit")
        try till.press("Enter")
        try till.waitFor("Refund ¥15.00 to store credit")
        try till.press("Enter")
        try till.waitFor("Give back: store credit ¥15.00")
        try till.press("F12")
        let report = try till.waitFor("X REPORT")
        #expect(report.contains("Post-voids (1)") && report.contains("Refunds (1)"))
        try till.press("Escape")
        try till.waitUntil("the report closed") { !$0.contains("X REPORT") }
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(csv.contains(",postVoid,V01-000001,01,3,2001,2001,"))
        #expect(csv.contains(",refund,R01-000001,01,3,2001,2001,"))
    }

    @Test func trainingModeSaysSoAndKeepsTheRealJournalClean() throws {
        let till = try TmuxTill(arguments: ["--training", "--trainer", "3001", "--trainee", "mei"], environment: ["TILL_PIN=3333"])
        defer { till.close() }
        try till.waitFor("TRAINING")
        try till.signIn()
        try till.enter("MUG-01")
        try till.press("F2")
        try till.waitFor("CHANGE  ¥0.00")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(csv.contains(",sale,S01-000005,"))
        #expect(!csv.contains(",sale,S01-000006,"))
        #expect(FileManager.default.fileExists(atPath: till.dataDir + "/training.sqlite"))
    }

    /// F7, the receipt, a quantity of line 1, then reason, tender and confirm with Enter.
    func refund(_ till: TmuxTill, receipt: String, quantity: String, expectTotal: String) throws {
        try till.refundUpToConfirm(receipt: receipt, quantity: quantity, expectTotal: expectTotal)
        try till.press("Enter")
    }
}
