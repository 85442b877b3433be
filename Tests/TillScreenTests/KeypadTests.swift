import Foundation
import Testing
import TillCore
@testable import TillScreen

/// The on-screen keypad: layout files checked as the till reads them, a press landing on the
/// key drawn under it, every keypad action the same as its keyboard key, disabled keys exactly
/// those the core would refuse, and programmable-keyboard maps that cannot shadow typing.
@Suite struct KeypadTests {
    static let keypads: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Devices/keypads")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
        return "Devices/keypads"
    }()

    static func layout(_ id: String) throws -> KeypadLayout {
        let data = try #require(FileManager.default.contents(atPath: keypads + "/\(id).json"))
        return try KeypadLayout.parse(data, file: "\(id).json")
            .withQuickKeys([QuickKey(item: Fixture.tea), QuickKey(item: Fixture.mug), QuickKey(item: Fixture.cooker)])
    }

    static func ui(_ layout: KeypadLayout, rows: Int, cols: Int, panel: Bool = true) -> ScreenState {
        var ui = Fixture.ui()
        ui.keypad = layout
        ui.keypadPage = layout.pages[0].id
        ui.customerPanel = panel ? .en : nil
        ui.screenRows = rows
        ui.screenCols = cols
        return ui
    }

    /// Where a key's label is drawn: (column, row) of its first character, found in the text.
    static func labelCell(_ full: String, in screen: [String], from column: Int) -> (Int, Int, enabled: Bool)? {
        let label = DisplayWidth.truncate(full, to: KeypadLayout.labelWidth)
        let pad = KeypadLayout.labelWidth - DisplayWidth.of(label)
        let inner = String(repeating: " ", count: pad / 2) + label + String(repeating: " ", count: pad - pad / 2)
        for (y, row) in screen.enumerated() {
            for (edge, enabled) in [("│", true), ("┆", false)] {
                guard let range = row.range(of: edge + inner + edge) else { continue }
                let x = DisplayWidth.of(String(row[..<range.lowerBound])) + 1 + pad / 2
                if x >= column { return (x, y, enabled) }
            }
        }
        return nil
    }

    static let states: [RegisterState] = {
        let (paid, _) = Fixture.completedSale()
        var paying = Fixture.selling([(Fixture.tea, 2)])
        _ = Register.reduce(&paying, .tendered(.cash, amount: Fixture.money(1000), reference: nil), now: Fixture.now)
        return [RegisterState(config: RegisterConfig()), Fixture.signedIn(), Fixture.selling([(Fixture.tea, 2), (Fixture.mug, 1)]),
                paying, paid, Fixture.refunding()]
    }()

    @Test func theShippedLayoutsLoadWithTheKeysTheIssueNames() throws {
        let block = try Self.layout("pos-4x6")
        #expect(block.pages[0].rows.count == 6 && block.pages[0].rows.allSatisfy { $0.count == 4 })
        let all = Set(try ["pos-4x6", "pos-6x5"].map { try Self.layout($0) }[0].pages.flatMap { $0.rows.joined().map(\.action) })
        for action in ["0", "1", "9", "00", "point", "clear", "enter", "quantity", "void", "subtotal", "cash", "card", "credit",
                       "refund", "reprint", "drawer", "page:quick"] {
            #expect(all.contains(try #require(KeypadAction(name: action))), "pos-4x6 lacks \(action)")
        }
        let wide = try Self.layout("pos-6x5")
        #expect(wide.columns == 6)
        #expect(wide.page("quick")?.rows.joined().map(\.action).contains(.item(sku: "TEA-JAS")) == true)
    }

    @Test func misspeltFieldsAndActionsAreRefusedWithTheNearestValidName() {
        func refusal(_ json: String) -> KeypadFileError? {
            do { _ = try KeypadLayout.parse(Data(json.utf8), file: "k.json"); return nil } catch { return error }
        }
        let page = { (key: String) in #"{"schema": 1, "id": "k", "pages": [{"id": "main", "rows": [[\#(key)]]}]}"# }
        #expect(refusal(page(#"{"actoin": "cash"}"#))?.remedy.en.contains("\"action\"") == true)
        #expect(refusal(page(#"{"action": "csh"}"#))?.remedy.en.contains("\"cash\"") == true)
        #expect(refusal(page(#"{"action": "cash", "lable": {"en": "C", "zh": "现"}}"#))?.remedy.zh.contains("label") == true)
        #expect(refusal(page(#"{"action": "cash", "label": {"en": "CASH MONEY", "zh": "现"}}"#))?.message.en.contains("label") == true)
        #expect(refusal(page(#"{"action": "page:mian"}"#))?.remedy.en.contains("page:main") == true)
        #expect(refusal(#"{"schema": 1, "id": "k", "pagez": []}"#)?.remedy.en.contains("\"pages\"") == true)
        #expect(refusal("[1, 2]") == .notJSON("k.json"))
        #expect(refusal(page(#"{"action": "cash"}"#)) == nil)
    }

    @Test(arguments: [("pos-4x6", 34, 122), ("pos-6x5", 40, 150), ("pos-4x6", 24, 80)])
    func aPressLandsOnTheKeyDrawnUnderIt(id: String, rows: Int, cols: Int) throws {
        let layout = try Self.layout(id)
        for state in Self.states {
            for page in layout.pages {
                var ui = Self.ui(layout, rows: rows, cols: cols)
                ui.keypadPage = page.id
                if cols < 100 { ui.keypadToggled = true }  // a narrow screen shows it on the keypad key
                let screen = Fixture.render(state, ui, rows: rows, cols: cols)
                let side = cols - SideColumn.width(ui)
                var found = 0
                for key in page.rows.joined() {
                    guard let (x, y, _) = Self.labelCell(key.label.text(.en), in: screen, from: side) else { continue }
                    found += 1
                    // Every cell of the key's box, and none outside it, is that key.
                    for dy in -1...1 {
                        #expect(SideColumn.action(at: x, y + dy, state: state, ui: ui) == key.action, "\(id) \(key.action) at \(x),\(y + dy)")
                    }
                }
                #expect(found > 0, "\(id) page \(page.id): no key drawn")
                for y in 0..<rows {
                    for x in 0..<side { #expect(SideColumn.action(at: x, y, state: state, ui: ui) == nil) }
                }
                for y in 0..<SideColumn.keysTop(ui) { #expect(SideColumn.action(at: side + 1, y, state: state, ui: ui) == nil) }
            }
        }
    }

    /// Pressing a keypad key sends the core exactly what pressing its keyboard key sends.
    @Test func everyKeypadActionIsItsKeyboardKey() throws {
        let layout = try Self.layout("pos-4x6")
        for state in Self.states {
            for key in layout.pages.flatMap({ $0.rows.joined() }) {
                var byPad = Self.ui(layout, rows: 34, cols: 122)
                byPad.input = "2"
                var byKeyboard = byPad
                let padActions = KeyInterpreter.press(key.action, ui: &byPad, state: state)
                var keyActions: [RegisterAction] = []
                switch key.action {
                case .text(let text): for c in text { keyActions += KeyInterpreter.handle(.character(c), ui: &byKeyboard, state: state) }
                case .enter: keyActions = KeyInterpreter.handle(.enter, ui: &byKeyboard, state: state)
                case .command(let command):
                    keyActions = KeyInterpreter.handle(try #require(byKeyboard.keymap.key(for: command)), ui: &byKeyboard, state: state)
                case .item(let sku):
                    byKeyboard.input = sku
                    keyActions = KeyInterpreter.handle(.enter, ui: &byKeyboard, state: state)
                case .clear, .subtotal, .page, .priceCheck:
                    #expect(padActions.isEmpty, "\(key.action) reached the core")
                    continue
                }
                byKeyboard.flash = byPad.flash
                #expect(padActions == keyActions, "\(key.action)")
                #expect(byPad == byKeyboard, "\(key.action) left the screen differently")
            }
        }
    }

    /// A key drawn solid is taken by the core when pressed; a key drawn dotted is refused.
    @Test func keysAreDrawnDisabledExactlyWhenTheCoreWouldRefuseThem() throws {
        let layout = try Self.layout("pos-4x6")
        var checked = (enabled: 0, disabled: 0)
        for state in Self.states {
            for page in layout.pages {
                var ui = Self.ui(layout, rows: 34, cols: 122)
                ui.keypadPage = page.id
                let screen = Fixture.render(state, ui, rows: 34, cols: 122)
                for key in page.rows.joined() {
                    guard let (x, y, enabled) = Self.labelCell(key.label.text(.en), in: screen, from: 80) else { continue }
                    var keys = Keyboard(state: state, ui: ui)
                    keys.press(.mouse(column: x, row: y))
                    var refused = false
                    var replay = state
                    for action in keys.sent {
                        for case .emit(.refused) in Register.reduce(&replay, action, now: Fixture.now) { refused = true }
                    }
                    if case .refusal? = keys.ui.message { refused = true }
                    #expect(enabled == !refused, "\(key.action) drawn \(enabled ? "enabled" : "disabled") in \(state.activity)")
                    if enabled { checked.enabled += 1 } else { checked.disabled += 1 }
                }
            }
        }
        #expect(checked.enabled > 20 && checked.disabled > 5)
    }

    @Test func aKeyPressedOnTheKeyboardFlashesItsKeypadKey() throws {
        let layout = try Self.layout("pos-4x6")
        var keys = Keyboard(state: Fixture.selling([(Fixture.tea, 1)]), ui: Self.ui(layout, rows: 34, cols: 122))
        keys.press(.character("7"))
        #expect(keys.ui.flash == .text("7"))
        let rows = ScreenLayout.render(keys.state, keys.ui, StatusInfo(printer: .ready, now: Fixture.now), rows: 34, cols: 122)
        let keys7 = rows.flatMap(\.segments).filter { $0.text == "│   7    │" }
        #expect(keys7.count == 1 && keys7[0].attr.contains(.reverse))
        #expect(rows.flatMap(\.segments).filter { $0.text == "│   8    │" }.allSatisfy { !$0.attr.contains(.reverse) })
        keys.press(.function(2))
        #expect(keys.ui.flash == .command(.cash))
    }

    @Test func mouseReportsParseOnlyWhenWhole() {
        #expect(MouseReport(sgrTail: "0;87;19M")?.key == .mouse(column: 86, row: 18))
        #expect(MouseReport(sgrTail: "0;87;19m")?.key == nil)   // release
        #expect(MouseReport(sgrTail: "32;87;19M")?.key == nil)  // drag
        #expect(MouseReport(sgrTail: "64;87;19M")?.key == nil)  // wheel
        // Every short string over the report's alphabet: parsed only when it is b;x;y then M/m.
        let alphabet: [Character] = ["0", "1", "9", ";", "M", "m", "-", "x"]
        var strings = [""]
        for _ in 0..<6 { strings = strings.flatMap { s in alphabet.map { s + String($0) } } }
        for s in strings {
            let report = MouseReport(sgrTail: s)
            let parts = s.dropLast().split(separator: ";", omittingEmptySubsequences: false)
            let wellFormed = (s.last == "M" || s.last == "m") && parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
                && Int(parts[1]).map { $0 >= 1 } == true && Int(parts[2]).map { $0 >= 1 } == true
            #expect((report != nil) == wellFormed, "\(s)")
        }
    }

    @Test func learnedKeysCannotShadowTypingAndRoundTripThroughTheFile() throws {
        var map = KeyboardMap(keyboard: "Test \"keyboard\"")
        try map.add([0x1B, 0x5B, 0x35, 0x31, 0x7E], .command(.cash))
        try map.add([0x1B, 0x4F, 0x58], .text("00"))
        #expect(throws: KeyboardMapProblem.typesACharacter([0x37])) { try map.add([0x37], .enter) }
        #expect(throws: KeyboardMapProblem.typesACharacter(Array("[A01]".utf8))) { try map.add(Array("[A01]".utf8), .enter) }
        #expect(throws: KeyboardMapProblem.mouseReport) { try map.add([0x1B, 0x5B, 0x3C, 0x30], .enter) }
        #expect(throws: KeyboardMapProblem.sameAs("cash")) { try map.add([0x1B, 0x5B, 0x35, 0x31, 0x7E], .enter) }
        #expect(throws: KeyboardMapProblem.sameAs("cash")) { try map.add([0x1B, 0x5B, 0x35], .enter) }
        #expect(throws: KeyboardMapProblem.containsNUL) { try map.add([0x1B, 0x00], .enter) }
        let parsed = try KeyboardMap.parse(Data(map.json.utf8), file: "k.json")
        #expect(parsed == map)
        do { _ = try KeyboardMap.parse(Data(#"{"schema": 1, "keys": [{"sent": "1b4f", "action": "cash"}]}"#.utf8), file: "k.json") } catch {
            #expect(error.remedy.en.contains("\"sends\""))
        }
        do { _ = try KeyboardMap.parse(Data(#"{"schema": 1, "keys": [{"sends": "37", "action": "cash"}]}"#.utf8), file: "k.json") } catch {
            #expect(error.message.en.contains("sends"))
        }
        // A programmed key goes through the interpreter as its action.
        var keys = Keyboard(state: Fixture.selling([(Fixture.tea, 1)]), ui: Fixture.ui())
        keys.ui.programmedKeys = parsed.entries.map(\.action)
        keys.press(.programmed(0))
        #expect(keys.sent == [.tendered(.cash, amount: nil, reference: nil)])
        keys.press(.programmed(7))
        #expect(keys.sent.count == 1)
    }
}
