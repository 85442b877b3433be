import Testing
import TillCore
import TillJournal
import TillRuntime
@testable import TillScreen

/// Device scans go where typed codes go, and the screen shows what the runtime printed.
@Suite struct ScanRoutingTests {
    /// A quantity typed before a device scan counts for it (and only for it), as for a typed code.
    @Test func aTypedQuantityCountsForTheNextDeviceScan() {
        var ui = Fixture.ui()
        ui.pendingQuantity = .each(3)
        #expect(ScanRouting.actions(for: .action(.codeEntered("6901234567892", quantity: nil)), ui: &ui)
                == [.codeEntered("6901234567892", quantity: .each(3))])
        #expect(ui.pendingQuantity == nil)
        #expect(ScanRouting.actions(for: .action(.codeEntered("6901234567892", quantity: nil)), ui: &ui)
                == [.codeEntered("6901234567892", quantity: nil)])
        // A weighed label brings its own weight; the typed quantity waits for the next item.
        ui.pendingQuantity = .each(2)
        let weighed = RegisterAction.codeEntered("2012345012349", quantity: Quantity(thousandths: 1_250))
        #expect(ScanRouting.actions(for: .action(weighed), ui: &ui) == [weighed])
        #expect(ui.pendingQuantity == .each(2))
    }

    @Test func aRefusedScanGoesToTheCore() {
        var ui = Fixture.ui()
        let refusal = Refusal.barcodeCheckDigitWrong(code: "6901234567891", expected: 2, found: 1)
        #expect(ScanRouting.actions(for: .refused(refusal), ui: &ui) == [.scanRefused(refusal)])
        #expect(ScanRouting.actions(for: .problem(ProblemReport(code: "gone", message: LocalizedText(en: "gone", zh: "断开"),
                                                                remedy: LocalizedText(en: "plug", zh: "插上"))), ui: &ui) == nil)
    }

    /// The X report shows on screen from the runtime's own last slip, over a printer the screen
    /// never wrapped (a live drill's case).
    @Test func theXReportShowsOverAnyPrinter() throws {
        let journal = try JournalDatabase.inMemory(pinHashRounds: 10, clock: { Fixture.now })
        try journal.addUser(User(code: "2001", name: "Wang", role: .supervisor), pin: "222222")
        let runtime = try RegisterRuntime(config: RegisterConfig(), journal: journal, printer: PlainPrinter(), clock: { Fixture.now })
        var ui = Fixture.ui()
        for action: RegisterAction in [.signInRequested(code: "2001", pin: "222222"),
                                       .shiftOpenRequested(float: Fixture.money(0)), .reportRequested(.x)] {
            ui.absorb(runtime.send(action), from: runtime)
        }
        let report = try #require(ui.report)
        #expect(report.contains { $0.contains("X") })
    }
}

/// Prints nothing anywhere and says it printed: not a screen printer.
final class PlainPrinter: SlipPrinter {
    var name: String { "plain" }
    func print(_ slip: SlipDocument) -> PrintOutcome { .printed }
    func openDrawer() -> PrintOutcome { .printed }
}
