import Foundation
import Testing
import TillCore
import TillJournal
@testable import TillRuntime

/// Bugs that lived in the seams between the runtime, its stores and its callers.
@Suite struct SeamTests {
    /// A label the scanner device refuses reaches the core: the refusal is an event the drill
    /// watching `onOutput` counts, and an audit entry in the journal.
    @Test func aRefusedDeviceScanIsRefusedByTheCoreAndJournaled() throws {
        let f = try RuntimeFixture()
        f.openShift()
        var watched: [RuntimeOutput] = []
        f.runtime.onOutput = { watched.append($0) }
        let refusal = Refusal.barcodeCheckDigitWrong(code: "6901234567891", expected: 2, found: 1)
        let out = f.send(.scanRefused(refusal))
        #expect(f.refusals(out) == [refusal])
        #expect(f.refusals(watched) == [refusal])
        var csv = ""
        try f.journal.exportCSV(to: &csv)
        #expect(csv.contains("refusal: scan: \(refusal.code)"))
        #expect(try f.journal.verify().isIntact)
    }

    /// The runtime remembers the slip it printed last, so a screen over any printer shows the
    /// X report it printed (a live drill's screen wrapped a printer the runtime did not use).
    @Test func theLastSlipIsTheOnePrintedWhateverThePrinter() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.signOutRequested, .signInRequested(code: "2001", pin: "222222"))
        let out = f.send(.reportRequested(.x))
        #expect(out.contains { if case .event(.reportPrinted(.x, _, _)) = $0 { true } else { false } })
        #expect(f.runtime.lastSlip?.kind == .xReport)
        #expect(f.runtime.lastSlip == f.printer.slips.last)
    }

    /// A till sharing its journal with another loads only its own unprinted slips at start.
    @Test func aTillStartsWithOnlyItsOwnUnprintedSlips() throws {
        let other = try RuntimeFixture(config: RegisterConfig(till: "02"))
        other.printer.paperOut = true
        other.openShift()
        other.send(.codeEntered("6901234567892", quantity: nil), .tendered(.cash, amount: nil, reference: nil))
        #expect(other.runtime.state.unprintedSlips.keys.contains("S02-000001"))
        let mine = try RuntimeFixture(config: RegisterConfig(till: "01"), journal: other.journal)
        #expect(mine.runtime.state.unprintedSlips.isEmpty, "\(mine.runtime.state.unprintedSlips)")
        let again = try RuntimeFixture(config: RegisterConfig(till: "02"), journal: other.journal)
        #expect(again.runtime.state.unprintedSlips == ["S02-000001": "paper out"])
    }
}
