import Foundation
import Testing

/// Issue 12 on the real screen (tmux): the refund's split between tenders before Enter confirms
/// it, a refund to store credit whose note is then partly spent with F4, and the drawer opened
/// once without a supervisor after a cash refund whose slip did not print. Each checks the
/// screen, the journal's export and the slip the virtual printer decoded.
@Suite(.serialized) struct RefundSplitScenarioTests {
    /// Export rows of one kind (`entry`, `line`, `tender`) that mention every one of `words`.
    func rows(_ csv: String, _ record: String, _ words: String...) -> [Substring] {
        csv.split(whereSeparator: \.isNewline).filter { row in row.hasPrefix(record + ",") && words.allSatisfy { row.contains($0) } }
    }

    @Test func theSplitBetweenCardAndCashIsShownBeforeConfirmAndIsWhatIsJournaledAndPrinted() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        // Two teas (¥50.00): ¥20.00 cash, the rest by card.
        try till.enter("2*6901234567892")
        try till.waitFor("TOTAL")
        try till.type("20")
        try till.press("F2")
        try till.waitFor("Due")
        try till.press("F3")
        try till.waitFor("Card approval code")
        try till.enter("AUTH77")
        try till.waitFor("S01-000006")
        try till.refundUpToConfirm(receipt: "S01-000006", quantity: "2")
        // Cards are paid back first, then cash: the split as the core computes it.
        let screen = try till.waitFor("Paid back as")
        let lines = screen.components(separatedBy: "\n")
        #expect(lines.contains { $0.contains("card AUTH77") && $0.contains("30.00") }, "\(screen)")
        #expect(lines.contains { $0.contains("  cash") && $0.contains("20.00") }, "\(screen)")
        try till.press("F1")
        let zh = try till.waitFor("退款方式")
        #expect(zh.contains("银行卡 AUTH77") && zh.contains("现金"), "\(zh)")
        try till.press("F1")
        try till.waitFor("Paid back as")
        try till.press("Enter")
        try till.waitFor("Refund R01-000001 done — slip printed")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(rows(csv, "tender", "R01-000001", "card", "AUTH77", "30.00").count == 1, "\(csv)")
        #expect(rows(csv, "tender", "R01-000001", "cash", "20.00").count == 1, "\(csv)")
        let slip = try till.slip(2)
        #expect(slip.contains("Refunded to card AUTH77") && slip.contains("30.00") && slip.contains("Refunded to cash"), "\(slip)")
    }

    @Test func aRefundToStoreCreditPrintsANoteThatF4SpendsInPartLeavingTheRestOnIt() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        // One jasmine tea of S01-000002 (¥25.00) back as store credit (the fourth tender in the list).
        try till.refundUpToConfirm(receipt: "S01-000002", quantity: "1", tenderIndex: 3)
        let confirm = try till.waitFor("Paid back as")
        #expect(confirm.contains("store credit C01-000001-"), "\(confirm)")
        try till.press("Enter")
        try till.waitFor("Refund R01-000001 done — slip printed")
        let slip = try till.slip(1)
        let note = try #require(slip.range(of: "C01-000001-[0-9]", options: .regularExpression).map { String(slip[$0]) })
        #expect(slip.contains("[barcode Code 128 \(note)]"), "\(slip)")
        #expect(confirm.contains(note))
        // A mug (¥15.00) paid with the note: ¥10.00 stays on it.
        try till.enter("MUG-01")
        try till.waitFor("TOTAL")
        try till.press("F4")
        try till.waitFor("Credit note number")
        try till.enter(note)
        try till.waitFor("Credit note \(note): ¥15.00 paid, ¥10.00 left on it.")
        try till.waitFor("S01-000006")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(rows(csv, "tender", "R01-000001", "storeCredit", note, "25.00").count == 1, "\(csv)")
        #expect(rows(csv, "tender", "S01-000006", "storeCredit", note, "15.00").count == 1, "\(csv)")
        #expect(try till.slip(2).contains(note))
    }

    @Test func afterAnUnprintedCashRefundTheDrawerOpensOnceForItWithoutASupervisor() throws {
        let socket = "/tmp/till-ctl-\(UUID().uuidString.prefix(8)).sock"
        defer { try? FileManager.default.removeItem(atPath: socket) }
        let till = try TmuxTill(arguments: ["--printer-control", socket])
        defer { till.close() }
        try till.signIn()
        try till.waitFor("printer ready")
        try till.cli(["printer", "fault", "--control", socket, "paper-out"], global: false)
        try till.waitFor("PAPER OUT")
        try till.refundUpToConfirm(receipt: "S01-000002", quantity: "1")
        try till.press("Enter")
        try till.waitFor("Refund R01-000001 recorded, slip NOT printed")
        try till.cli(["printer", "fault", "--control", socket, "paper-load"], global: false)
        try till.waitFor("printer ready")
        try till.press("F10")
        try till.waitFor("Refund R01-000001 done — slip printed")
        // The cash is still to be paid out: F11 opens the drawer, once, without a supervisor.
        try till.press("F11")
        try till.waitFor("Drawer opened.")
        try till.press("F11")
        try till.waitFor("A clerk may not open the cash drawer.")
        let csv = try till.cli(["journal", "export", "--csv"])
        // One chained entry naming the refund and the clerk, no approver; no other drawer open.
        #expect(rows(csv, "entry", "drawerOpened: unprintedCashRefund", "R01-000001", ",1001,").count == 1, "\(csv)")
        #expect(rows(csv, "entry", "drawerOpened").count == 1, "\(csv)")
        #expect(try till.slip(1).contains("Refunded to cash"))
    }
}

extension TmuxTill {
    /// F7, the receipt, `quantity` of its first line (its total when `expectTotal` is given), the
    /// reason, the tender at `tenderIndex` of the list (0: the original), up to the confirmation.
    func refundUpToConfirm(receipt: String, quantity: String, expectTotal: String? = nil, tenderIndex: Int = 0) throws {
        try press("F7")
        try waitFor("scan the receipt")
        try enter(receipt)
        try waitFor("Refund of \(receipt)")
        try type(quantity)
        try press("F5")
        try waitFor("Refund total" + (expectTotal.map { "  " + $0 } ?? ""))
        try press("Enter")
        try waitFor("Reason (")
        try press("Enter")
        try waitFor("Refund to (")
        for _ in 0..<tenderIndex { try press("Down") }
        try press("Enter")
        try waitFor("Enter: confirm the refund")
    }
}
