import Foundation
import Testing
import TillCore
import TillJournal
@testable import TillRuntime

/// Invariant: whatever the printer reports (printed, failed, unknown) over a refund slip and
/// any number of reprints, at most one ORIGINAL ever reaches a printer that might have printed
/// it: a slip whose outcome was unknown may be on paper, so every later reprint says COPY.
@Suite struct ReprintOriginalTests {
    enum Report: CaseIterable { case printed, failed, unknown }

    @Test func anUnknownSlipIsReprintedAsACopyNeverASecondOriginal() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: nil), .tendered(.cash, amount: nil, reference: nil))
        f.printer.unconfirmed = true
        f.send(.refundStarted, .receiptEntered("S01-000001"), .refundQuantitySet(line: 1, .one), .reasonChosen(code: "DAMAGED"), .confirmed)
        guard case .unknown? = try f.journal.slip(reference: "R01-000001")?.printState else { Issue.record("not unknown"); return }
        f.printer.unconfirmed = false
        f.send(.reprintRequested(reference: "R01-000001"))
        #expect(f.printer.received.last?.slip.copy == true)
        // The copy printed: the slip is now known to be on paper.
        #expect(try f.journal.slip(reference: "R01-000001")?.printState.isPrinted == true)
    }

    /// Every sequence of up to four reports (first print, then reprints): exhaustive, so no
    /// seed is needed to replay a failure.
    @Test func atMostOneOriginalMayBeOnPaperWhateverThePrinterReports() throws {
        var sequences: [[Report]] = [[]]
        var all: [[Report]] = []
        for _ in 1...4 {
            sequences = sequences.flatMap { s in Report.allCases.map { s + [$0] } }
            all += sequences
        }
        for reports in all {
            let f = try RuntimeFixture()
            f.openShift()
            f.send(.codeEntered("TEA", quantity: nil), .tendered(.cash, amount: nil, reference: nil))
            for (k, report) in reports.enumerated() {
                f.printer.paperOut = report == .failed
                f.printer.unconfirmed = report == .unknown
                if k == 0 {
                    f.send(.refundStarted, .receiptEntered("S01-000001"), .refundQuantitySet(line: 1, .one),
                           .reasonChosen(code: "DAMAGED"), .confirmed)
                } else {
                    f.send(.reprintRequested(reference: "R01-000001"))
                }
            }
            let refundJobs = f.printer.received.filter { $0.slip.reference == "R01-000001" }
            let originalsMaybeOnPaper = refundJobs.filter { !$0.slip.copy && $0.outcome != .failed(cause: "paper out") }
            #expect(originalsMaybeOnPaper.count <= 1, "reports \(reports)")
            // A slip that surely never printed is reprinted as the original, not a COPY.
            if let firstNotFailed = refundJobs.firstIndex(where: { $0.outcome != .failed(cause: "paper out") }) {
                #expect(!refundJobs[firstNotFailed].slip.copy, "reports \(reports)")
            }
        }
    }
}
