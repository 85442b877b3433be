import Foundation
import Testing

/// Issue 12, end of shift, on the real screen through tmux: a Z counted by denomination and
/// confirmed, a clerk's X approved by a supervisor at the clerk's till, the parked-sale warning
/// at the Z. Each checks what the screen says, the journal's rows and the slip the virtual
/// printer decoded.
@Suite(.serialized, .timeLimit(.minutes(5)))  // a hang guard; every wait ends on its condition (TmuxTill.patience)
struct EndOfShiftScenarioTests {
    /// The decoded slip that contains `text`, once the printer has written it.
    private func slip(containing text: String, _ till: TmuxTill) throws -> String {
        let deadline = Date().addingTimeInterval(TmuxTill.patience)
        var written: [String] = []
        while Date() < deadline {
            written = []
            for number in 1...9 {
                guard let slip = try? till.slip(number) else { continue }
                if slip.contains(text) { return slip }
                written.append(String(format: "%03d: ", number) + (slip.split(separator: "\n").first.map(String.init) ?? ""))
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("no slip contains \(text); the slips written were: \(written.isEmpty ? "none" : written.joined(separator: "; "))")
        return ""
    }

    private func csv(_ till: TmuxTill) throws -> [String] {
        try till.cli(["journal", "export", "--csv"]).components(separatedBy: "\r\n")
    }

    /// The journal's Z rows (the demo history has Z reports of its own).
    private func zRows(_ till: TmuxTill) throws -> [String] { try csv(till).filter { $0.contains(",zReport,") } }

    @Test func aZCountedByDenominationIsConfirmedAndPrintsTheTable() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn("2001", "222222")
        let before = try zRows(till).count
        try till.press("C-z")
        try till.waitFor("count the drawer")
        try till.enter("100x2 7x1")                       // 7.00 is not a note
        try till.waitFor("7.00 is not a note or coin")
        // One line per denomination; a denomination typed again is corrected, the others kept.
        try till.enter("100x3")
        try till.waitFor("counted ¥300.00")
        try till.enter("50x1")
        try till.waitFor("counted ¥350.00")
        try till.enter("0.5x4")
        try till.waitFor("counted ¥352.00")
        try till.enter("100x2")
        try till.waitFor("counted ¥252.00")
        try till.waitFor("Enter closes the shift")
        #expect(try zRows(till).count == before, "nothing closes before the confirmation")
        try till.press("Enter")
        try till.waitFor("Z REPORT")
        let rows = try zRows(till)
        #expect(rows.count == before + 1 && rows.last?.contains(",2001,") == true, "\(rows)")
        let paper = try slip(containing: "Z REPORT", till)
        for line in ["Cash count", "100.00 x 2", "200.00", "50.00 x 1", "0.50 x 4", "Cash counted", "252.00"] {
            #expect(paper.contains(line), "\(line) missing from\n\(paper)")
        }
    }

    @Test func aClerksXIsApprovedBySupervisorAtTheClerksTillWhileReportsRunBesideIt() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn()
        try till.press("F12")
        try till.waitFor("Supervisor code")
        try till.enter("2001")
        try till.waitFor("Supervisor PIN")
        try till.enter("000000")                          // the supervisor's mistake: asked again, the clerk stays
        try till.waitFor("not recognised")
        #expect(try till.screen().contains("Lin Clerk"))
        try till.enter("2001")
        try till.waitFor("Supervisor PIN")
        try till.enter("222222")
        try till.waitFor("X REPORT")
        #expect(try till.screen().contains("Approved by"))
        let rows = try csv(till)
        #expect(rows.contains { $0.contains("xReportPrinted") && $0.contains(",1001,2001,") }, "\(rows.suffix(5))")
        #expect(rows.contains { $0.contains("approvalGranted") && $0.contains("permission.xReport") && $0.contains("report=x") })
        let paper = try slip(containing: "X REPORT", till)
        #expect(paper.contains("Approved by") && paper.contains("2001"), "\(paper)")
        // Read-only commands beside the running till: an X from the command line, and the journal checked.
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["TILL_PIN"] = "222222"
        let x = try Spawn.run(TmuxTill.binary, ["report", "x", "--user", "2001", "--config", till.configPath, "--data-dir", till.dataDir],
                              environment: env)
        #expect(x.contains("X REPORT"), "\(x)")
        #expect(try csv(till).filter { $0.contains("xReportPrinted") }.count == 2)
    }

    @Test func aZWithAParkedSaleNamesItAndTheXListsIt() throws {
        let till = try TmuxTill()
        defer { till.close() }
        try till.signIn("2001", "222222")
        let before = try zRows(till).count
        try till.enter("MUG-01")
        try till.waitFor("陶瓷杯")
        try till.press("C-w")
        try till.waitFor("P01-000001")
        try till.press("C-z")
        try till.waitFor("parked")
        let screen = try till.screen()
        #expect(screen.contains("P01-000001") && screen.contains("15.00"), "\(screen)")
        #expect(!screen.contains("count the drawer"))
        #expect(try zRows(till).count == before, "no Z while a sale is parked")
        try till.press("Escape")
        try till.press("F12")
        try till.waitFor("X REPORT")
        let paper = try slip(containing: "X REPORT", till)
        #expect(paper.contains("Parked sales (1)") && paper.contains("P01-000001"), "\(paper)")
        // Recalled and cancelled: the journal keeps the cancel, and the Z goes ahead.
        try till.press("Escape")
        try till.press("C-e")
        try till.waitFor("Parked sales")
        try till.press("Enter")
        try till.waitFor("recalled")
        try till.press("Escape")
        try till.waitFor("Cancel this sale?")
        try till.press("Enter")
        try till.waitFor("Cancelled.")
        #expect(try csv(till).contains { $0.contains("saleCancelled") && $0.contains("15.00") })
        try till.press("C-z")
        try till.waitFor("count the drawer")
    }
}
