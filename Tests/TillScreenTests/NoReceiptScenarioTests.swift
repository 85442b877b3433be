import Foundation
import Testing
import TillCore

/// NO RECEIPT and PRICE CHECK from the keyboard, through tmux: the sale is in the journal and no
/// slip file appears; the price check is the keypad's PRICE? key.
@Suite(.serialized, .timeLimit(.minutes(5)))  // a hang guard; every wait ends on its condition (TmuxTill.patience)
struct NoReceiptScenarioTests {
    func slipFiles(_ till: TmuxTill) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: till.dataDir + "/slips")) ?? []).filter { $0.hasSuffix(".txt") }
    }

    @Test func noReceiptCompletesTheSaleWithoutASlipFileAndReprintPrintsIt() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.enter("MUG-01")
        try till.waitFor("陶瓷杯")
        try till.press("C-r")
        try till.waitFor("NO RECEIPT: this sale's receipt is kept, not printed")
        try till.press("F2")
        try till.waitFor("CHANGE  ¥0.00")
        try till.waitFor("No receipt printed (NO RECEIPT); REPRINT F10 prints it.")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(csv.contains(",sale,S01-000006,01,"))
        #expect(try till.cli(["journal", "slips"]).contains("S01-000006\tsale\tnot-requested"))
        #expect(try till.cli(["journal", "slips", "--unprinted"]).isEmpty)
        #expect(slipFiles(till).isEmpty)
        #expect(!(try till.screen()).contains("NOT printed"))
        // REPRINT with nothing typed prints the last slip: the receipt, as the original.
        try till.press("F10")
        try till.waitFor("Slip S01-000006 printed")
        let slip = try till.slip(1)
        #expect(slip.contains("S01-000006") && !slip.contains("COPY"))
    }

    @Test func noReceiptDuringARefundIsRefusedWithWhy() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.press("F7")
        try till.waitFor("scan the receipt")
        try till.press("C-r")
        try till.waitFor("NO RECEIPT is only")
    }

    @Test func thePriceCheckKeyIsTheKeypadsPriceKey() throws {
        let till = try TmuxTill(cols: KeypadScenarioTests.cols, rows: KeypadScenarioTests.rows)
        defer { till.close() }
        try till.signIn()
        try till.type("6901234567892")
        try till.press("C-p")
        try till.waitFor("Price of Jasmine tea 茉莉花茶 250g: ¥25.00 (not sold).")
        try till.press("C-p")
        try till.waitFor("Type or scan the item's code, then press PRICE?.")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(KeypadScenarioTests.rows(csv, "entry", "S01-000006").isEmpty)
    }
}
