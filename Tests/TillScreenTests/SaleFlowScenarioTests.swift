import Foundation
import Testing
import TillCore

/// Issue 12, "nothing lost by a key" and "finding and pricing items", on the real screen through
/// tmux: what the screen says, what the journal keeps and what the slip shows.
@Suite(.serialized, .timeLimit(.minutes(5)))  // a hang guard; every wait ends on its condition (TmuxTill.patience)
struct SaleFlowScenarioTests {
    /// The first slip, once the printer has written it (slips print on the printer's own thread).
    private func printedSlip(_ till: TmuxTill) throws -> String {
        let deadline = Date().addingTimeInterval(TmuxTill.patience)
        while Date() < deadline {
            if let text = try? till.slip(1), !text.isEmpty { return text }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try till.slip(1)
    }

    /// The till has left its screen: it says where the slips are, or tmux says the pane is dead
    /// (whichever tmux shows first; the exiting process may sit unreaped for a while).
    private func waitForExit(_ till: TmuxTill) throws {
        try till.waitUntil("the till to quit") { $0.contains("Slips are in") || $0.contains("Pane is dead") }
    }

    private func csv(_ till: TmuxTill) throws -> [String] {
        try till.cli(["journal", "export", "--csv"]).components(separatedBy: "\r\n")
    }

    @Test func escOnAnOpenSaleAsksFirstAndAConfirmedCancelIsInTheJournal() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.enter("MUG-01")
        try till.waitFor("陶瓷杯")
        try till.press("Escape")
        try till.waitFor("Cancel this sale?")
        try till.waitFor("Enter: yes")
        try till.press("Escape")  // no
        try till.waitFor("Nothing changed.")
        #expect(try till.screen().contains("陶瓷杯"))
        try till.press("Escape")
        try till.waitFor("Cancel this sale?")
        try till.press("Enter")
        try till.waitFor("Cancelled.")
        #expect(!(try till.screen()).contains("陶瓷杯"))
        let row = try #require(try csv(till).first { $0.contains("saleCancelled") })
        #expect(row.contains(",1001,") && row.contains("15.00") && row.contains("1 line: MUG-01"))
        // ^Q with nothing open quits at once.
        try till.press("C-q")
        try waitForExit(till)
    }

    @Test func aSaleParkedAndQuitIsRecalledAfterARestartWithItsLinesAndSold() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.enter("TEA-JAS")
        try till.enter("0.350*RICE-KG")
        try till.waitFor("0.350 kg")
        try till.press("C-q")  // mid-sale: asked first, and yes parks the sale
        try till.waitFor("Quit the till? The open sale is parked first")
        try till.press("Enter")
        try waitForExit(till)
        #expect(try csv(till).contains { $0.contains("saleParked: 2 lines: TEA-JAS, RICE-KG ×0.350 kg") })

        try till.tmux(["respawn-pane", "-k", "-t", till.session])  // the same command again: a restart
        try till.signIn()
        try till.press("C-e")
        try till.waitFor("Parked sales")
        try till.waitFor("P01-000001")
        try till.press("Enter")
        try till.waitFor("Parked sale P01-000001 recalled")
        let screen = try till.screen()
        #expect(screen.contains("茉莉花茶") && screen.contains("0.350 kg") && screen.contains("2.73"))
        try till.type("50")
        try till.press("F2")
        try till.waitFor("CHANGE")
        let slip = try printedSlip(till)
        #expect(slip.contains("S01-000006") && slip.contains("0.350 kg x 7.80"))
        // A parked sale is not a sale: the only sale entry today is the one completed after recall.
        let rows = try csv(till)
        #expect(rows.filter { $0.hasPrefix("entry,") && $0.contains(",sale,S01-") && $0.contains("S01-000006") }.count == 1)
        #expect(rows.contains { $0.contains("saleRecalled") && $0.contains("P01-000001") })
    }

    @Test func aCardTenderTakenByMistakeIsRemovedAndTheSlipShowsOnlyTheCash() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.enter("TEA-JAS")
        try till.type("10")
        try till.press("F3")
        try till.waitFor("Card approval code")
        try till.enter("AP777")
        try till.waitFor("1 card 10.00")
        try till.press("Escape")
        try till.waitFor("REMOVE TENDER")  // cancel is refused: it names the way out
        try till.press("C-u")
        try till.waitFor("REVERSE IT ON THE CARD")
        #expect(try till.screen().contains("AP777"))
        try till.press("F2")
        try till.waitFor("CHANGE")
        let slip = try printedSlip(till)
        #expect(!slip.lowercased().contains("card"))
        let tenders = try csv(till).filter { $0.hasPrefix("tender,") && $0.contains("S01-000006") }
        #expect(tenders.count == 1 && tenders[0].contains(",cash,"))
        #expect(try csv(till).contains { $0.contains("tenderRemoved: card 10.00 ref AP777") })
    }

    @Test func searchByChineseOrEnglishNameAndPickAddsTheItem() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.type("茉莉")
        try till.press("C-f")
        try till.waitFor("Items matching \"茉莉\"")
        try till.waitFor("25.00")
        try till.press("Enter")
        try till.waitFor("TOTAL")
        #expect(try till.screen().contains("茉莉花茶"))
        try till.type("MUG")
        try till.press("C-f")
        try till.waitFor("Items matching \"MUG\"")
        try till.type("1")
        try till.press("Enter")
        try till.waitFor("陶瓷杯")
        try till.press("F2")
        try till.waitFor("CHANGE")
        let slip = try printedSlip(till)
        #expect(slip.contains("Jasmine tea") && slip.contains("Ceramic mug"))
    }

    @Test func aPriceOverrideByAClerkWaitsForASupervisorAndPrintsTheOriginalPrice() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.enter("MUG-01")
        try till.waitFor("陶瓷杯")
        try till.type("9")
        try till.press("C-t")
        try till.waitFor("SUPERVISOR APPROVAL NEEDED")
        try till.waitFor("Amount to approve: ¥6.00")
        try till.enter("2001")
        try till.enter("222222")
        try till.waitFor("Approved by 2001")
        try till.waitFor("9.00")
        try till.press("F2")
        try till.waitFor("CHANGE")
        let slip = try printedSlip(till)
        #expect(slip.contains("15.00") && slip.contains("9.00"))
        #expect(try csv(till).contains { $0.contains("approvalGranted: priceOverride amount=6.00") })
    }
}
