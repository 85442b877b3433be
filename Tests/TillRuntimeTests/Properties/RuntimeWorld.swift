import TillCore
import TillJournal
import TillRuntime

/// Where a generated case runs: the real runtime over an in-memory SQLite journal (its look-ups,
/// append guards and X/Z sums), exactly as the till runs. There is no second interpreter of the
/// core's effects in the tests: what a case sees is what the screen and `till exec` see.
final class RuntimeWorld {
    let runtime: RegisterRuntime
    let journal: JournalDatabase
    /// Every record the journal accepted, in order.
    private(set) var committed: [JournalRecord] = []
    /// Refunds the core stopped because its own plan broke the ledger: never expected.
    private(set) var outsideLedger: [LedgerViolation] = []
    private(set) var errors: [RuntimeError] = []

    init(_ testCase: MoneyCase, printer: SlipPrinter = TestPrinter()) throws {
        let now = Timestamp(seconds: 1_795_000_000)
        journal = try JournalDatabase.inMemory(pinHashRounds: 1, clock: { now })  // the runtime's clock too
        try journal.upsert(taxClasses: testCase.items.map(\.1))
        try journal.upsert(items: testCase.items.map(\.0))
        for (user, pin) in MoneyCase.people { try journal.addUser(user, pin: pin) }
        // The runtime records the case's MoneySettings (its permission table too) as it starts.
        runtime = try RegisterRuntime(config: testCase.config, journal: journal, printer: printer,
                                      clock: { now })
        runtime.onRecord = { [weak self] record in self?.committed.append(record) }
    }

    var state: RegisterState { runtime.state }

    /// Sends an action; the runtime answers every question it raises. Returns the events.
    func send(_ action: RegisterAction) -> [RegisterEvent] {
        runtime.send(action).compactMap {
            switch $0 {
            case .event(let event):
                if case .refused(.refundOutsideLedger(let violation)) = event { outsideLedger.append(violation) }
                return event
            case .error(let error): errors.append(error); return nil
            }
        }
    }
}
