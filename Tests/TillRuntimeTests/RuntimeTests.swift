import Foundation
import Testing
import TillCore
import TillJournal
@testable import TillRuntime

@Suite struct RuntimeTests {
    @Test func aSaleIsInTheJournalWithItsSlipPrinted() throws {
        let f = try RuntimeFixture()
        f.openShift()
        let out = f.send(.codeEntered("6901234567892", quantity: .each(2)), .tendered(.cash, amount: Money(minor: 10_000, currency: .cny), reference: nil))
        #expect(out.contains(.event(.saleCompleted(receipt: "S01-000001", total: Money(minor: 5000, currency: .cny), change: Money(minor: 5000, currency: .cny)))))
        let stored = try #require(try f.journal.sale(DocumentNumber(kind: .sale, till: "01", sequence: 1)))
        #expect(stored.sale.lines.first?.quantity == .each(2))
        #expect(try f.journal.slip(reference: "S01-000001")?.printState.isPrinted == true)
        #expect(f.printer.slips.count == 1)
        #expect(f.printer.drawerKicks == 1)
        #expect(try f.journal.verify().isIntact)
    }

    @Test func aRefundWhoseSlipDidNotPrintStaysVisibleUntilReprinted() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: nil), .tendered(.cash, amount: nil, reference: nil))
        f.printer.paperOut = true
        let out = f.send(.refundStarted, .receiptEntered("S01-000001"), .refundQuantitySet(line: 1, .one),
                         .reasonChosen(code: "DAMAGED"), .confirmed)
        #expect(out.contains(.event(.slipNotPrinted(reference: "R01-000001", cause: "paper out"))))
        #expect(f.runtime.state.unprintedSlips["R01-000001"] == "paper out")
        guard case .failed(let cause, _)? = try f.journal.slip(reference: "R01-000001")?.printState else {
            Issue.record("slip not marked failed"); return
        }
        #expect(cause == "paper out")
        #expect(try f.journal.slips(unprintedOnly: true).map(\.reference) == ["R01-000001"])
        // A restarted till still knows the slip is missing.
        let restarted = try RegisterRuntime(config: RegisterConfig(), journal: f.journal, printer: f.printer, clock: { f.clock.now })
        #expect(restarted.state.unprintedSlips["R01-000001"] != nil)
        // Paper loaded: the reprint is the original (it never printed), not a COPY.
        f.printer.paperOut = false
        f.send(.reprintRequested(reference: "R01-000001"))
        #expect(f.printer.slips.last?.copy == false)
        #expect(f.runtime.state.unprintedSlips.isEmpty)
        #expect(try f.journal.slip(reference: "R01-000001")?.printState.isPrinted == true)
        // A second reprint is a COPY.
        f.send(.reprintRequested(reference: "r01-000001"))
        #expect(f.printer.slips.last?.copy == true)
        #expect(PlainTextSlipRenderer.render(f.printer.slips.last!).contains { $0.contains("COPY") })
    }

    @Test func wrongPINsLockTheUserAndAreJournalled() throws {
        var config = RegisterConfig()
        config.policy.lockout = PinLockoutPolicy(maxAttempts: 3, lockSeconds: 60)
        let f = try RuntimeFixture(config: config)
        var refusals: [Refusal] = []
        for _ in 0..<3 { refusals += f.refusals(f.send(.signInRequested(code: "1001", pin: "0000"))) }
        #expect(refusals == [.wrongPIN(attemptsLeft: 2), .wrongPIN(attemptsLeft: 1),
                             .lockedOut(until: f.clock.now.adding(seconds: 60), secondsLeft: 60)])
        // Even the right PIN is refused while locked.
        #expect(f.refusals(f.send(.signInRequested(code: "1001", pin: "1111"))).first?.code == "locked_out")
        #expect(f.runtime.state.user == nil)
        f.clock.now = f.clock.now.adding(seconds: 61)
        #expect(f.refusals(f.send(.signInRequested(code: "1001", pin: "1111"))).isEmpty)
        #expect(f.runtime.state.user?.code == "1001")
        // An unknown user gets the same answer as a wrong PIN: codes are not revealed.
        f.send(.signOutRequested)
        #expect(f.refusals(f.send(.signInRequested(code: "7777", pin: "1111"))).first?.code == "wrong_pin")
    }

    @Test func aJournalWriteThatFailsLeavesTheTillWhereItWasWithNothingPrinted() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: nil))
        // Sabotage: a sale number that is already taken makes the append fail.
        f.send(.tendered(.cash, amount: nil, reference: nil))
        f.send(.codeEntered("MUG", quantity: nil))
        var state = f.runtime.state
        state.sequences.nextSale = 1
        let sabotaged = try RegisterRuntime(config: RegisterConfig(), journal: f.journal, printer: f.printer, clock: { f.clock.now })
        sabotaged.replaceStateForTesting(state)
        let printed = f.printer.slips.count
        let out = sabotaged.send(.tendered(.cash, amount: nil, reference: nil))
        #expect(out.contains { if case .error = $0 { return true } else { return false } })
        #expect(!out.contains { if case .event(.saleCompleted) = $0 { return true } else { return false } })
        #expect(f.printer.slips.count == printed)
        #expect(sabotaged.runtime_activityIsSelling)
        #expect(try f.journal.verify().isIntact)
    }

    @Test func shiftLimitCountsRefundsAlreadyInTheJournalAfterARestart() throws {
        var config = RegisterConfig()
        config.policy.refund.clerkShiftLimitMinor = 3000
        let f = try RuntimeFixture(config: config)
        f.openShift()
        f.send(.codeEntered("TEA", quantity: .each(2)), .tendered(.cash, amount: nil, reference: nil))
        f.send(.refundStarted, .receiptEntered("1"), .refundQuantitySet(line: 1, .one), .reasonChosen(code: "UNWANTED"), .confirmed)
        let again = try RegisterRuntime(config: config, journal: f.journal, printer: f.printer, clock: { f.clock.now })
        _ = again.send(.signInRequested(code: "1001", pin: "1111"))
        #expect(again.state.clerkRefundedThisShift.minor == 2500)
        let out = ["1"].flatMap { _ in
            [RegisterAction.refundStarted, .receiptEntered("1"), .refundQuantitySet(line: 1, .one), .reasonChosen(code: "UNWANTED"), .confirmed]
                .flatMap { again.send($0) }
        }
        #expect(out.contains(.event(.refused(.supervisorRequired(reason: .overLimit(
            limit: .clerkPerShift, limitAmount: Money(minor: 3000, currency: .cny), amount: Money(minor: 5000, currency: .cny)))))))
    }
}

extension RegisterRuntime {
    var runtime_activityIsSelling: Bool { if case .selling = state.activity { return true } else { return false } }
}

/// A printer whose drawer port does not answer.
final class DeadDrawerPrinter: SlipPrinter {
    var name: String { "dead drawer" }
    func print(_ slip: SlipDocument) -> PrintOutcome { .printed }
    func openDrawer() -> PrintOutcome { .failed(cause: "printer offline") }
}

@Suite struct DrawerTests {
    @Test func aDrawerThatDoesNotOpenIsReportedWithTheCause() throws {
        let f = try RuntimeFixture()
        let runtime = try RegisterRuntime(config: RegisterConfig(), journal: f.journal, printer: DeadDrawerPrinter(), clock: { f.clock.now })
        _ = runtime.send(.signInRequested(code: "2001", pin: "222222"))
        let out = runtime.send(.drawerOpenRequested)
        #expect(out.contains(.event(.refused(.printerUnavailable(cause: "printer offline")))))
        #expect(Refusal.printerUnavailable(cause: "printer offline").remedy(.en).contains("REPRINT"))
    }
}

/// A printer whose jobs wait until the test lets them go, as a slow serial printer would.
final class SlowQueuedPrinter: QueuedSlipPrinter, Sendable {
    let gate = DispatchSemaphore(value: 0)
    let queue = DispatchQueue(label: "slow printer")
    var name: String { "slow" }
    func print(_ slip: SlipDocument) -> PrintOutcome { .printed }
    func openDrawer() -> PrintOutcome { .printed }
    func submit(_ slip: SlipDocument, completion: @escaping @Sendable (PrintOutcome) -> Void) {
        queue.async { [gate] in
            gate.wait()
            completion(slip.kind == .refund ? .failed(cause: "paper out — load paper") : .printed)
        }
    }
}

@Suite struct QueuedPrintingTests {
    @Test func theTillDoesNotWaitForPaperAndHearsTheOutcomeLater() throws {
        let f = try RuntimeFixture()
        let printer = SlowQueuedPrinter()
        let runtime = try RegisterRuntime(config: RegisterConfig(), journal: f.journal, printer: printer, clock: { f.clock.now })
        runtime.queuesPrintJobs = true
        for action in [RegisterAction.signInRequested(code: "2001", pin: "222222"), .shiftOpenRequested(float: Money(minor: 0, currency: .cny)),
                       .codeEntered("TEA", quantity: nil)] { runtime.send(action) }
        let sale = runtime.send(.tendered(.cash, amount: nil, reference: nil))
        // The sale is done and recorded while its slip is still at the printer.
        #expect(sale.contains { if case .event(.saleCompleted) = $0 { return true } else { return false } })
        #expect(!sale.contains { if case .event(.slipPrinted) = $0 { return true } else { return false } })
        #expect(runtime.hasQueuedPrintJobs)
        #expect(try f.journal.slip(reference: "S01-000001")?.printState == .pending)
        let refund = [RegisterAction.refundStarted, .receiptEntered("1"), .refundQuantitySet(line: 1, .one),
                      .reasonChosen(code: "DAMAGED"), .confirmed].flatMap { runtime.send($0) }
        #expect(refund.contains { if case .event(.refundCompleted) = $0 { return true } else { return false } })
        printer.gate.signal()
        printer.gate.signal()
        var outcomes: [RuntimeOutput] = []
        // Until both outcomes are back; 60 s is a bound against a hang (the printer's thread may
        // wait its turn for seconds on a loaded machine), not a timing check.
        let deadline = ContinuousClock.now + .seconds(60)
        while outcomes.count < 2 && ContinuousClock.now < deadline {
            usleep(10_000)
            outcomes += runtime.takePrintOutcomes().filter {
                if case .event(.slipPrinted) = $0 { return true }
                if case .event(.slipNotPrinted) = $0 { return true }
                return false
            }
        }
        #expect(outcomes == [.event(.slipPrinted(reference: "S01-000001")),
                             .event(.slipNotPrinted(reference: "R01-000001", cause: "paper out — load paper"))])
        #expect(try f.journal.slip(reference: "S01-000001")?.printState.isPrinted == true)
        #expect(runtime.state.unprintedSlips["R01-000001"] == "paper out — load paper")
        #expect(!runtime.hasQueuedPrintJobs)
    }
}
