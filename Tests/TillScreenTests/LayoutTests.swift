import Testing
import TillCore
import TillRuntime
@testable import TillScreen

@Suite struct LayoutTests {
    @Test(arguments: [(24, 80), (30, 100), (40, 132)])
    func everyRowIsExactlyTheScreenWide(rows: Int, cols: Int) {
        let states = [RegisterState(config: RegisterConfig()), Fixture.selling([(Fixture.tea, 2), (Fixture.cooker, 1)]), Fixture.refunding()]
        for state in states {
            for lang in Language.allCases {
                let screen = Fixture.render(state, Fixture.ui(lang), rows: rows, cols: cols)
                #expect(screen.count == rows)
                #expect(screen.allSatisfy { DisplayWidth.of($0) == cols })
            }
        }
    }

    @Test func chineseAndLatinNamesLineUpByDisplayWidth() throws {
        let state = Fixture.selling([(Fixture.tea, 2), (Fixture.mug, 1), (Fixture.cooker, 1)])
        let screen = Fixture.render(state, Fixture.ui())
        let lines = screen.filter { $0.contains("茉莉花茶") || $0.contains("Ceramic mug") || $0.contains("电饭煲") }
        #expect(lines.count == 3)
        // The amount column ends in the same terminal column on every row.
        let ends = lines.map { DisplayWidth.of(String($0.reversed().drop { $0 == " " }.reversed())) }
        #expect(Set(ends).count == 1)
        #expect(lines.contains { $0.hasSuffix("399.00") || $0.contains("399.00 ") })
        #expect(screen.contains { $0.contains("TOTAL") && $0.contains("¥464.00") })
    }

    @Test func theStatusBarShowsClerkShiftTrainingPrinterScannerAndClock() {
        var state = Fixture.signedIn()
        state.config.training = true
        let wide = Fixture.render(state, Fixture.ui(), rows: 30, cols: 120, printer: .paperOut)[0]
        for part in ["Lin Clerk 林收银 (1001, clerk)", "Shift 3", "TRAINING", "PAPER OUT", "scanner: keyboard", "2027-01-15 16:00:00"] {
            #expect(wide.contains(part), "status bar lacks \(part): \(wide)")
        }
        // At 80 columns the name gives way; the rest stays.
        let narrow = Fixture.render(state, Fixture.ui(), printer: .paperOut)[0]
        for part in ["Lin", "Shift 3", "TRAINING", "PAPER OUT", "scanner: keyboard", "16:00:00"] {
            #expect(narrow.contains(part), "status bar lacks \(part): \(narrow)")
        }
        // A real customer display that is away is named too, at any width.
        for cols in [80, 120] {
            let bar = ScreenLayout.render(state, Fixture.ui(), StatusInfo(printer: .paperOut, displayOnline: false, now: Fixture.now),
                                          rows: 24, cols: cols)[0].text
            #expect(bar.contains("DISPLAY OFFLINE") && bar.contains("16:00:00") && bar.contains("Shift 3"), "\(bar)")
        }
        let zh = Fixture.render(state, Fixture.ui(.zh), printer: nil)[0]
        #expect(zh.contains("培训模式") && zh.contains("打印机：无状态") && zh.contains("班次 3"))
    }

    @Test func aRefusalShowsTheCoresMessageAndRemedyInTheScreensLanguage() {
        var ui = Fixture.ui(.zh)
        let refusal = Refusal.quantityExceedsReturnable(item: "Jasmine tea", asked: .each(3), remaining: .each(2))
        ui.message = .refusal(refusal)
        let screen = Fixture.render(Fixture.signedIn(), ui).joined(separator: "\n")
        #expect(screen.contains(String(refusal.message(.zh).prefix(10))))
        #expect(screen.contains(String(refusal.remedy(.zh).prefix(8))))
    }

    @Test func aRefundIsConfirmedOnlyOnceItsSlipPrinted() {
        var keys = Keyboard(state: Fixture.refunding(), ui: Fixture.ui())
        keys.type("1")
        keys.press(.function(5), .enter, .enter, .enter, .enter)
        let number = try! #require(keys.state.lastCompleted?.reference)
        // The printer failed: the core keeps the slip as unprinted.
        _ = Register.reduce(&keys.state, .slipFailed(reference: number, cause: "paper out — load paper"), now: Fixture.now)
        var screen = Fixture.render(keys.state, keys.ui, cols: 200).joined(separator: "\n")
        #expect(screen.contains("Refund \(number) recorded, slip NOT printed: paper out — load paper"))
        #expect(screen.contains("REPRINT (F10)"))
        #expect(!screen.contains("done — slip printed"))
        // REPRINT sends the unprinted slip's reference; once it prints the confirmation appears.
        keys.press(.function(10))
        #expect(keys.sent.last == .reprintRequested(reference: number))
        let effects = Register.reduce(&keys.state, .slipPrinted(reference: number), now: Fixture.now)
        keys.ui.absorb(effects.compactMap { if case .emit(let e) = $0 { return .event(e) } else { return nil } },
                       state: keys.state, lastSlip: nil)
        screen = Fixture.render(keys.state, keys.ui, cols: 200).joined(separator: "\n")
        #expect(screen.contains("Refund \(number) done — slip printed"))
        #expect(!screen.contains("NOT printed"))
    }

    @Test func theChangeDueIsShownLarge() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.mug, 1)]), ui: Fixture.ui())
        keys.type("20")
        keys.press(.function(2))
        let screen = Fixture.render(keys.state, keys.ui)
        #expect(screen.contains { $0.contains("CHANGE  ¥5.00") })
        // "5.00" in the three-row digits.
        #expect(screen.contains { $0.contains("█▀▀   █▀█ █▀█") })
    }

    @Test func theLegendListsEveryBoundKeyAtEverySize() {
        for cols in [80, 100] {
            let screen = Fixture.render(Fixture.signedIn(), Fixture.ui(), cols: cols).joined(separator: "\n")
            for (key, label) in KeyMap.standard.legend(.en) { #expect(screen.contains("\(key) \(label)")) }
        }
    }
}

@Suite struct ReportDisplayTests {
    @Test func aPrintedReportIsShownAsItPrintedUntilClosed() {
        let state = Fixture.signedIn()
        var ui = Fixture.ui()
        let slip = SlipDocument(kind: .xReport, reference: "X-3", blocks: [.text("X REPORT", .centered), .pair("Net", "-¥15.00", .plain)], training: false)
        ui.absorb([.event(.reportPrinted(.x, reference: "X-3", net: Fixture.money(-1500)))], state: state, lastSlip: slip)
        let screen = Fixture.render(state, ui)
        #expect(screen.contains { $0.contains("X REPORT") })
        #expect(screen.contains { $0.contains("Net") && $0.contains("-¥15.00") })
        var keys = Keyboard(state: state, ui: ui)
        keys.press(.escape)
        #expect(keys.ui.report == nil)
        #expect(keys.sent.isEmpty)
    }
}
