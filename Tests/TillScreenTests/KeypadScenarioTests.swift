import Foundation
import Testing
import TillCore

/// The till's own hardware, driven through tmux: the on-screen keypad pressed with SGR mouse
/// reports (what a touch screen sends), the customer display on the screen's panel and on the
/// virtual display behind a pty, and a programmable keyboard learned on a pty and replayed.
@Suite(.serialized, .timeLimit(.minutes(5)))  // a hang guard; every wait ends on its condition (TmuxTill.patience)
struct KeypadScenarioTests {
    static let cols = 122, rows = 34

    /// Presses the on-screen key labelled `label` as a touch screen does: an SGR press and
    /// release at the cell where the label is drawn (found on the captured screen).
    static func tap(_ till: TmuxTill, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // Where the key is drawn now. Taps go to the till in order, and a key's cell only moves when
        // the keypad turns to another page, which `turn` waits for; so no pause is needed between
        // taps (a fixed one here raced a loaded machine, where the page had not been redrawn yet).
        var cell: (Int, Int, enabled: Bool)?
        try till.waitUntil("the key \(label) on screen", sourceLocation: sourceLocation) { screen in
            cell = KeypadTests.labelCell(label, in: screen.components(separatedBy: "\n"), from: cols - 40)
            return cell != nil
        }
        guard let (x, y, _) = cell else { throw TmuxTill.TimedOut() }
        try till.type("\u{1B}[<0;\(x + 1);\(y + 1)M")
        try till.type("\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    /// Taps a key that turns the keypad to `page` (nil: the first page, whose title has no name)
    /// and waits until that page is drawn, so the next tap finds its key where it now is.
    static func turn(_ till: TmuxTill, _ label: String, to page: String?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try tap(till, label, sourceLocation: sourceLocation)
        try till.waitUntil("the keypad's page \(page ?? "main")", sourceLocation: sourceLocation) { screen in
            if let page { return screen.contains("KEYPAD · \(page)") }
            return screen.contains("KEYPAD") && !screen.contains("KEYPAD · ")
        }
    }

    /// The journal export's rows of one record type for one document.
    static func rows(_ csv: String, _ record: String, _ reference: String) -> [String] {
        csv.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix(record + ",") && $0.contains("," + reference + ",") }
    }

    static func taps(_ till: TmuxTill, _ labels: String...) throws { for l in labels { try tap(till, l) } }

    /// The customer panel's two lines as drawn on the till's screen.
    static func panel(_ lines: String...) -> [String] { lines.map { "│" + $0 + "│" } }

    static func waitForPanel(_ till: TmuxTill, _ lines: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        let wanted = lines.map { "│" + $0 + "│" }
        try till.waitUntil("the customer panel showing \(lines)", sourceLocation: sourceLocation) { screen in
            wanted.allSatisfy { screen.contains($0) }
        }
    }

    @Test func aSaleAndARefundByTouchAloneWithTheCustomerPanelAtEachStep() throws {
        let till = try TmuxTill(cols: Self.cols, rows: Self.rows)
        defer { till.close() }
        try till.waitFor("User code:")
        try Self.waitForPanel(till, "      WELCOME       ", "Till Demo Shop 演示 ")
        try Self.taps(till, "1", "0", "0", "1", "ENTER")
        try till.waitFor("PIN:")
        try Self.taps(till, "1", "1", "1", "1")
        try till.waitFor("PIN: ****")
        try Self.tap(till, "ENTER")
        try till.waitFor("Signed in: Lin Clerk")
        // Nothing to pay yet: CASH is drawn disabled (dotted); the digits are not.
        var screen = try till.rows()
        #expect(KeypadTests.labelCell("CASH", in: screen, from: 82)?.enabled == false)
        #expect(KeypadTests.labelCell("7", in: screen, from: 82)?.enabled == true)

        try Self.turn(till, "QUICK", to: "quick")
        try Self.tap(till, "Jasmine tea 250g")
        try Self.waitForPanel(till, "Jasmine tea 茉 25.00", "TOTAL          25.00")
        try Self.tap(till, "Ceramic mug")
        try Self.waitForPanel(till, "Ceramic mug 陶 15.00", "TOTAL          40.00")
        try till.waitFor("¥40.00")
        try Self.turn(till, "MAIN", to: nil)
        try till.waitFor("SUBTOTAL")
        screen = try till.rows()
        #expect(KeypadTests.labelCell("CASH", in: screen, from: 82)?.enabled == true)
        try Self.taps(till, "1", "00", "CASH")
        try till.waitFor("CHANGE  ¥60.00")
        try Self.waitForPanel(till, "CHANGE         60.00", "     THANK YOU      ")
        try till.waitFor("Slip S01-000006 printed")

        try Self.tap(till, "REFUND")
        try till.waitFor("scan the receipt")
        try Self.waitForPanel(till, "REFUND              ", " ONE MOMENT PLEASE  ")
        try Self.taps(till, "6", "ENTER")
        try till.waitFor("Refund of S01-000006")
        try Self.waitForPanel(till, "REFUND              ", "REFUND          0.00")
        try Self.taps(till, "1", "QTY ×")
        try till.waitFor("Refund total  ¥25.00")
        try Self.waitForPanel(till, "REFUND              ", "REFUND         25.00")
        try Self.tap(till, "ENTER")
        try till.waitFor("Reason (")
        try Self.tap(till, "ENTER")
        try till.waitFor("Refund to (")
        try Self.tap(till, "ENTER")
        try till.waitFor("Enter: confirm the refund")
        try Self.tap(till, "ENTER")
        try till.waitFor("Refund R01-000001 done — slip printed")
        try Self.waitForPanel(till, "REFUNDED       25.00", "     THANK YOU      ")

        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(Self.rows(csv, "entry", "S01-000006").first?.contains(",CNY,40.00,") == true)
        #expect(Self.rows(csv, "tender", "S01-000006").first?.contains(",40.00,,,,,cash,") == true)
        #expect(Self.rows(csv, "line", "sale,S01-000006").count == 2)
        #expect(Self.rows(csv, "entry", "R01-000001").first?.contains(",refund,R01-000001,01,3,1001,") == true)
        #expect(Self.rows(csv, "line", "R01-000001").first?.contains("TEA-JAS") == true)
        #expect(try till.slip(1).contains("S01-000006"))
        let refundSlip = try till.slip(2)
        #expect(refundSlip.contains("R01-000001") && refundSlip.contains("S01-000006") && refundSlip.contains("25.00"))
    }

    /// The real-display path: `till display emulate` on a pty decodes what the till's serial
    /// transport sends; its grid is what the customer read, step by step.
    @Test func theCustomerDisplayOverSerialShowsEachStepOfASaleAndARefundInChinese() throws {
        let id = UUID().uuidString.prefix(8)
        let grid = FileManager.default.temporaryDirectory.appendingPathComponent("display-\(id).txt").path
        defer { try? FileManager.default.removeItem(atPath: grid) }
        let session = "display-\(id)"
        let emulate = [TmuxTill.binary, "display", "emulate", "--listen", "pty", "--out", grid].map(TmuxTill.quoted).joined(separator: " ")
        try TmuxTill.newSession(["-s", session, "-x", "80", "-y", "10", emulate])
        defer { _ = try? Spawn.run("/usr/bin/tmux", ["-L", TmuxTill.socket, "kill-session", "-t", session]) }
        var pty = ""
        let deadline = Date().addingTimeInterval(TmuxTill.patience)
        while pty.isEmpty, Date() < deadline {
            let pane = try Spawn.run("/usr/bin/tmux", ["-L", TmuxTill.socket, "capture-pane", "-p", "-t", session])
            if let line = pane.split(separator: "\n").first(where: { $0.hasPrefix("pty: ") }) { pty = String(line.dropFirst(5)) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(!pty.isEmpty, "the virtual display did not start")
        let till = try TmuxTill(cols: 110, config: "[display]\nurl = \"serial://\(pty)?baud=115200\"\nprofile = \"generic-vfd-gb18030\"\nlanguage = \"zh\"\n")
        defer { till.close() }
        func shows(_ top: String, _ bottom: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let wanted = top + "\n" + bottom + "\n"
            var last = ""
            let deadline = Date().addingTimeInterval(TmuxTill.patience)
            while Date() < deadline {
                last = (try? String(contentsOfFile: grid, encoding: .utf8)) ?? ""
                if last == wanted { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("the customer display showed\n\(last)instead of\n\(wanted)", sourceLocation: sourceLocation)
            throw TmuxTill.TimedOut()
        }
        // No panel on the screen: a real display is configured.
        try till.waitFor("User code:")
        #expect(try !till.screen().contains("Customer display"))
        try shows("      欢迎光临      ", "Till Demo Shop 演示 ")
        try till.waitUntil("the display online in the status bar") { $0.components(separatedBy: "\n")[0].contains("│ display ") }
        try till.signIn()
        try till.enter("TEA-JAS")
        try shows("Jasmine tea 茉 25.00", "合计           25.00")
        try till.press("F2")
        try till.waitFor("CHANGE  ¥0.00")
        try shows("找零            0.00", "      谢谢惠顾      ")
        try till.press("F7")
        try shows("退款                ", "       请稍候       ")
        try till.enter("S01-000006")
        try till.waitFor("Refund of S01-000006")
        try shows("退款                ", "退款金额        0.00")
        try till.type("1")
        try till.press("F5")
        try shows("退款                ", "退款金额       25.00")
        for step in ["Reason (", "Refund to (", "Enter: confirm the refund", "Refund R01-000001 done"] {
            try till.press("Enter")
            try till.waitFor(step)
        }
        try shows("已退款         25.00", "      谢谢惠顾      ")
    }

    @Test func priceCheckShowsThePriceAndSellsNothing() throws {
        let till = try TmuxTill(cols: Self.cols, rows: Self.rows)
        defer { till.close() }
        try till.signIn()
        try Self.taps(till, "6", "9", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "2")
        try till.waitFor("> 6901234567892")
        try Self.turn(till, "MORE", to: "more")
        try Self.tap(till, "PRICE?")
        try till.waitFor("Price of Jasmine tea 茉莉花茶 250g: ¥25.00 (not sold).")
        #expect(try till.rows()[1].hasPrefix(" READY"))
        try Self.waitForPanel(till, "      WELCOME       ", "Till Demo Shop 演示 ")
        try Self.turn(till, "MAIN", to: nil)
        try Self.taps(till, "9", "9")
        try Self.turn(till, "MORE", to: "more")
        try Self.tap(till, "PRICE?")
        // The core's own refusal for a code it does not know.
        try till.waitFor("! No item with barcode or SKU 99 is in the catalog.")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(Self.rows(csv, "entry", "S01-000006").isEmpty)
    }

    @Test func anUnreachableCustomerDisplayIsNamedWithItsFixAndTheTillWorksOn() throws {
        let till = try TmuxTill(config: "[display]\nurl = \"serial:///dev/till-no-such-display?baud=9600\"\n")
        defer { till.close() }
        try till.waitFor("Customer display:")
        try till.waitFor("/dev/till-no-such-display")
        #expect(try till.rows()[0].contains("DISPLAY OFFLINE"))
        try till.signIn()
        try till.enter("TEA-JAS")
        try till.waitFor("¥25.00")
    }

    /// `till keypad learn` on a pty records what each key sends; the till then takes those keys.
    @Test func aLearnedProgrammableKeyboardDrivesTheTill() throws {
        let id = UUID().uuidString.prefix(8)
        let map = FileManager.default.temporaryDirectory.appendingPathComponent("keyboard-\(id).json").path
        defer { try? FileManager.default.removeItem(atPath: map) }
        let session = "learn-\(id)"
        func tmux(_ args: String...) throws -> String { try Spawn.run("/usr/bin/tmux", ["-L", TmuxTill.socket] + args) }
        let learn = ["env", "LANG=C.UTF-8", TmuxTill.binary, "keypad", "learn", "--out", map, "--actions", "cash,enter,7"]
            .map(TmuxTill.quoted).joined(separator: " ")
        try TmuxTill.newSession(["-s", session, "-x", "160", "-y", "20", learn])
        _ = try tmux("set-option", "-t", session, "remain-on-exit", "on")
        defer { _ = try? tmux("kill-session", "-t", session) }
        func waitPane(_ text: String) throws {
            let deadline = Date().addingTimeInterval(TmuxTill.patience)
            var pane = ""
            while Date() < deadline {
                pane = try tmux("capture-pane", "-p", "-t", session)
                if pane.contains(text) { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("learn never showed \"\(text)\":\n\(pane)")
            throw TmuxTill.TimedOut()
        }
        func send(_ bytes: [UInt8]) throws { _ = try Spawn.run("/usr/bin/tmux", ["-L", TmuxTill.socket, "send-keys", "-t", session, "-H"] + bytes.map { String(format: "%02x", $0) }) }
        let cash: [UInt8] = [0x1B, 0x5B, 0x35, 0x31, 0x7E], enter: [UInt8] = [0x1B, 0x5B, 0x35, 0x32, 0x7E], seven: [UInt8] = [0x1B, 0x5B, 0x35, 0x33, 0x7E]
        try waitPane("Press the key for Cash (cash)")
        try send(cash)
        try waitPane("1b5b35317e → cash")
        try waitPane("Press the key for ENTER (enter)")
        try send(enter)
        try waitPane("1b5b35327e → enter")
        try waitPane("Press the key for 7 (7)")
        try send([0x37])  // a key that types "7" cannot be told from typing: refused, asked again
        try waitPane("which the keyboard itself types")
        try send(seven)
        try waitPane("Wrote 3 keys")

        let till = try TmuxTill(arguments: ["--keyboard", map])
        defer { till.close() }
        try till.signIn()
        func key(_ bytes: [UInt8]) throws { _ = try till.tmux(["send-keys", "-t", till.session, "-H"] + bytes.map { String(format: "%02x", $0) }) }
        try till.type("TEA-JAS")
        try key(enter)
        try till.waitFor("Jasmine tea")
        try key(seven)
        try key(seven)
        try till.waitFor("> 77")
        try key(cash)
        try till.waitFor("CHANGE  ¥52.00")
        let csv = try till.cli(["journal", "export", "--csv"])
        // Cash 77 for 25.00: the journal keeps what was paid, the screen the change.
        #expect(Self.rows(csv, "tender", "S01-000006").first?.contains(",25.00,,,,,cash,") == true)
    }
}
