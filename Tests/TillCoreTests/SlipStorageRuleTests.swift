import Testing
@testable import TillCore

/// The core's slip rules: which slips are kept, and what a reprint may record.
@Suite struct SlipStorageRuleTests {
    static let t = Timestamp(seconds: 1_790_000_000)
    static let states: [PrintState] = [
        .pending, .printed(at: t), .failed(cause: .paperOut, at: t), .unknown(cause: .stoppedAnswering, at: t),
        .notRequested(at: t),
    ]
    static let outcomes: [PrintState] = [.printed(at: t.adding(seconds: 5)), .failed(cause: .coverOpen, at: t.adding(seconds: 5)),
                                         .unknown(cause: .noAnswer, at: t.adding(seconds: 5))]

    /// Over every state a slip can be in and every way a reprint can end: once the original may
    /// be on paper, nothing a reprint records lets a later reprint come out as a second original.
    @Test func aReprintNeverMakesASecondOriginalPossible() {
        for before in Self.states {
            for outcome in Self.outcomes {
                let after = before.after(printing: outcome) ?? before
                if before.reprintIsCopy { #expect(after.reprintIsCopy, "\(before) then \(outcome) gives \(after)") }
                else { #expect(after == outcome, "a slip that never printed records what its print did") }
            }
        }
        #expect(PrintState.unknown(cause: .noAnswer, at: Self.t).after(printing: .printed(at: Self.t)) == .printed(at: Self.t))
        #expect(PrintState.printed(at: Self.t).after(printing: .failed(cause: .paperOut, at: Self.t)) == nil)
    }

    /// The slips of journal records are kept (they can be listed and reprinted); reports and test
    /// pages are not.
    @Test func recordSlipsAreStoredReportsAreNot() {
        for kind in [SlipKind.sale, .refund, .postVoid, .zReport] { #expect(kind.isStored, "\(kind)") }
        for kind in [SlipKind.xReport, .test] { #expect(!kind.isStored, "\(kind)") }
    }
}
