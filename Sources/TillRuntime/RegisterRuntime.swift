// Callers of the runtime get its ports (printers, stores) with it.
@_exported import TillPorts
import TillCore

/// Runs the pure core against the real world: answers its look-ups from the journal, writes its
/// records, prints its slips and feeds the outcomes back as actions. The screen, `till exec`
/// and drills all drive the till through this one type.
public final class RegisterRuntime {
    public internal(set) var state: RegisterState
    /// The stores the runtime reads and writes, by intent: any engine that passes the store
    /// contract tests will do (SQLite's `JournalDatabase` today).
    public let journal: any JournalStore
    public let slips: any SlipStore
    public let catalog: any CatalogStore
    public let users: any UserDirectory
    public let printer: SlipPrinter
    /// The slip last handed to the printer (a report the screen shows as it printed), whatever
    /// printer the runtime was given.
    public private(set) var lastSlip: SlipDocument?
    private let clock: () -> Timestamp
    /// Called for every event, in order, as it happens.
    public var onOutput: ((RuntimeOutput) -> Void)?
    /// Called with every record once it is committed to the journal (drills watch refunds this way).
    public var onRecord: ((JournalRecord) -> Void)?
    /// Called after the records of an action are committed (the outbox sends them at once).
    public var onCommit: (() -> Void)?
    /// Called with the core's effects for every action, before any is performed: what the core
    /// decided, so a test can hold the journal to exactly the records the core asked for.
    public var onCoreEffects: (([RegisterEffect]) -> Void)?
    /// Queue slips on a `QueuedSlipPrinter` instead of waiting for them (the screen sets this):
    /// their outcomes come back through `takePrintOutcomes()`.
    public var queuesPrintJobs = false
    /// The central journal (`[central] url`), for sales made elsewhere and the central refund check.
    public var central: CentralCaller? {
        didSet { resumeReconciliation() }
    }
    /// Ask the central journal without waiting (the screen sets this): answers come back through
    /// `takeCentralAnswers()`.
    public var queuesCentralCalls = false
    /// Whose users sign in and approve, when not this journal's: in training, the shop's journal,
    /// so the shop's own users (added with `till user add`) train under their own codes and PINs.
    public var people: (any UserDirectory)?
    private let inbox = PrintInbox()
    /// Failures after a record was committed (a print state not saved), reported with the action's
    /// outputs. They never undo the record: the transaction happened.
    private var afterCommitErrors: [RuntimeError] = []

    /// A till over one store that does everything (SQLite's journal).
    public convenience init(config: RegisterConfig, journal: some RegisterStore, printer: SlipPrinter,
                            clock: @escaping () -> Timestamp) throws {
        try self.init(config: config, journal: journal, slips: journal, catalog: journal, users: journal,
                      printer: printer, clock: clock)
    }

    public init(config: RegisterConfig, journal: any JournalStore, slips: any SlipStore, catalog: any CatalogStore,
                users: any UserDirectory, printer: SlipPrinter, clock: @escaping () -> Timestamp) throws {
        self.state = RegisterState(config: config)
        self.journal = journal
        self.slips = slips
        self.catalog = catalog
        self.users = users
        self.printer = printer
        self.clock = clock
        do {
            try Self.checkClock(clock(), journal: journal)
            // The rules this till applies are in the chain before anything it records (see MoneySettingsRecorder).
            try (journal as? any MoneySettingsRecorder)?.recordMoneySettings(MoneySettings(config))
            let shift = try journal.openShift(till: config.till)
            if let shift, shift.openingFloat.currency != config.currency {
                throw RuntimeError.shiftCurrency(shift: shift.openingFloat.currency.code, till: config.currency.code)
            }
            let sequences = try journal.sequences(till: config.till)
            _ = Register.reduce(&state, .started(shift: shift, sequences: sequences), now: clock())
            countUnverifiedRefunds()
            let parked = try journal.parkedSales(till: config.till)
            _ = Register.reduce(&state, .parkedSalesLoaded(parked.sales, nextNumber: parked.nextNumber), now: clock())
            for slip in try slips.unprintedSlips(till: config.till) {
                state.unprintedSlips[slip.reference] = slip.printState.cause ?? .notPrintedYet
            }
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError.journal(error)
        }
    }

    /// A till whose clock is earlier than its journal's last entry does not start: everything it
    /// recorded would be dated before what is already there (the journal refuses that too).
    static func checkClock(_ now: Timestamp, journal: any JournalStore) throws {
        guard ValueLimits.contains(time: now) else { throw RuntimeError.clockOutOfRange(now: now) }
        if let last = try journal.lastEntryTime(), now < last { throw RuntimeError.clockBehindJournal(now: now, last: last) }
    }

    public var now: Timestamp { clock() }

    /// Handles one action and everything it leads to; returns what happened, in order.
    @discardableResult
    public func send(_ action: RegisterAction) -> [RuntimeOutput] {
        var outputs: [RuntimeOutput] = []
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            let before = state
            let now = clock()
            let effects = Register.reduce(&state, next, now: now)
            onCoreEffects?(effects)
            do {
                try performAll(effects, now: now, followUps: &queue, outputs: &outputs)
            } catch let error as RuntimeError {
                // Only failures before anything was committed get here (see performAll).
                // Nothing after a failed journal write happens: no slip, no drawer, and the
                // till goes back to where it was, so the clerk can try again with nothing lost.
                state = before
                outputs.append(.error(error))
                onOutput?(.error(error))
                queue.removeAll()
                // A park or recall the journal refused (another session got there first): the
                // list is read again, so the till shows what is really waiting.
                if next.touchesParkedSales { queue.append(.parkedSalesRequested) }
            } catch {
                state = before
                outputs.append(.error(.journal(error)))
                queue.removeAll()
            }
        }
        return outputs
    }

    private func performAll(_ effects: [RegisterEffect], now: Timestamp, followUps: inout [RegisterAction],
                            outputs: inout [RuntimeOutput]) throws {
        // Records go first, each in its own transaction: what was printed or paid out must exist.
        var committed = false
        for case .record(let record) in effects {
            do { try journal.append(record) } catch {
                guard committed else { throw RuntimeError.journal(error) }
                report(RuntimeError.afterCommit(reference: record.reference ?? "", error), &outputs)
                continue
            }
            committed = true
            centralCommitted(record)
            onRecord?(record)
        }
        if committed { onCommit?() }
        for effect in effects {
            switch effect {
            case .record:
                continue
            case .emit(let event):
                outputs.append(.event(event))
                onOutput?(.event(event))
            default:
                do {
                    if let followUp = try perform(effect, now: now) { followUps.append(followUp) }
                } catch {
                    // Once a record is committed the transaction happened: the till goes on to
                    // report it completed (its number used, its slip listed as not printed) and
                    // never rolls back to "nothing recorded".
                    guard committed else { throw error }
                    report(RuntimeError.afterCommit(reference: effect.slipReference ?? "", error), &outputs)
                    if let reference = effect.slipReference {
                        followUps.append(.slipFailed(reference: reference, cause: RuntimeError.printStateNotSavedCause))
                    }
                }
            }
        }
        for error in afterCommitErrors { report(error, &outputs) }
        afterCommitErrors.removeAll()
    }

    private func report(_ error: RuntimeError, _ outputs: inout [RuntimeOutput]) {
        outputs.append(.error(error))
        onOutput?(.error(error))
    }

    private func perform(_ effect: RegisterEffect, now: Timestamp) throws -> RegisterAction? {
        do {
            switch effect {
            case .verifyCredentials(let code, let pin, let purpose):
                return try verify(code: code, pin: pin, purpose: purpose, now: now)
            case .lookUpItem(let code, let quantity, let days):
                guard let (item, tax) = try catalog.itemForSale(code: code) else {
                    if let withdrawal = try catalog.itemWithdrawal(code: code) { return .itemWithdrawn(withdrawal, code: code) }
                    return .itemNotFound(code: code)
                }
                let lowest = try days.flatMap { try journal.lowestUnitPrice(sku: item.sku, since: now.adding(seconds: -$0 * 86_400)) }
                return .itemFound(item, tax, code: code, quantity: quantity, lowestRecentPrice: lowest)
            case .lookUpSale(let number):
                guard let found = try journal.sale(number) else { return .saleNotFound(reference: number.description) }
                return .saleLoaded(ReturnableSale(sale: found.sale, priorRefunds: found.refunds, voided: found.voided))
            case .searchItems(let query):
                return .itemsFound(query: query, try catalog.searchItems(query))
            case .loadParkedSales:
                let parked = try journal.parkedSales(till: state.config.till)
                return .parkedSalesLoaded(parked.sales, nextNumber: parked.nextNumber)
            case .lookUpCreditNote(let number, let amount):
                return .creditNoteLooked(number: number, note: try journal.creditNote(number), amount: amount)
            case .loadShiftTotals(let shift, let kind):
                guard let totals = try journal.shiftTotals(shift: shift, till: state.config.till) else {
                    return .worldRefused(.noOpenShift)
                }
                return .shiftTotalsLoaded(totals, kind)
            case .print(let slip):
                return try print(slip, now: now, stored: slip.kind.isStored)
            case .lookUpSlip(let reference, let asked):
                return .slipLoaded(try slips.slip(reference: reference), asked: asked)
            case .reprint(let document, let reference, let before):
                return reprint(document, reference: reference, before: before, now: now)
            case .leaveUnprinted(let reference):
                try slips.setPrintState(reference: reference, .notRequested(at: now))
                return nil
            case .openDrawer:
                if case .failed(let cause) = printer.openDrawer() { return .worldRefused(.printerUnavailable(cause: cause)) }
                return nil
            case .lookUpCentrally, .reserveRefund, .releaseReservation:
                return performCentral(effect)
            case .lookUpConflicts:
                central?.lookUpConflicts()
                return nil
            case .record, .emit:
                return nil
            }
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError.journal(error)
        }
    }

    private func verify(code: String, pin: String, purpose: RegisterEffect.CredentialPurpose, now: Timestamp) throws -> RegisterAction {
        switch try (people ?? users).authenticate(code: code, pin: pin, now: now, policy: state.config.policy.lockout) {
        case .success(let user):
            guard purpose == .signIn else { return .approverVerified(user) }
            let refunded = try state.shift.map { try journal.refundedBy(clerk: user.code, shift: $0.number, till: state.config.till) }
            return .signedIn(user, refundedThisShift: refunded ?? .zero(state.config.currency))
        case .failure(let refusal):
            // The core keeps the attempt in the journal (`AuditEvent(pinRefused:)`).
            return purpose == .signIn ? .signInRefused(refusal, code: code) : .approverRefused(refusal, code: code)
        }
    }

    private func print(_ slip: SlipDocument, now: Timestamp, stored: Bool) throws -> RegisterAction? {
        lastSlip = slip
        if queue(slip, stored: stored, before: nil) { return nil }
        let outcome = printer.print(slip)
        return settle(slip.reference, stored: stored, before: nil, outcome, now: now)
    }

    /// Records a print outcome and says how the core hears it. A print state that cannot be saved
    /// (a full disk) leaves the slip listed as not printed, as the journal has it, and is reported
    /// as a failure after commit: the sale, refund or reprint itself stands.
    private func settle(_ reference: String, stored: Bool, before: PrintState?, _ outcome: PrintOutcome,
                        now: Timestamp) -> RegisterAction {
        do {
            try recordPrintState(reference, stored: stored, before: before, outcome, now: now)
        } catch {
            afterCommitErrors.append(RuntimeError.afterCommit(reference: reference, error))
            return .slipFailed(reference: reference, cause: RuntimeError.printStateNotSavedCause)
        }
        return Self.told(reference, outcome)
    }

    /// Keeps how a slip came out. `before` is the slip's state when a reprint started (nil for
    /// a first print); the core's `PrintState.after(printing:)` says what a reprint changes.
    private func recordPrintState(_ reference: String, stored: Bool, before: PrintState?, _ outcome: PrintOutcome,
                                  now: Timestamp) throws {
        guard stored else { return }
        let state = outcome.printState(at: now)
        let next: PrintState? = if let before { before.after(printing: state) } else { state }
        if let next { try slips.setPrintState(reference: reference, next) }
    }

    /// How the core hears a print outcome.
    private static func told(_ reference: String, _ outcome: PrintOutcome) -> RegisterAction {
        switch outcome {
        case .printed: return .slipPrinted(reference: reference)
        case .failed(let cause), .unknown(let cause): return .slipFailed(reference: reference, cause: cause)
        }
    }

    /// Hands the slip to a queued printer when the runtime queues jobs; false to print now.
    private func queue(_ slip: SlipDocument, reference: String? = nil, stored: Bool, before: PrintState?) -> Bool {
        guard queuesPrintJobs, let queued = printer as? QueuedSlipPrinter else { return false }
        let inbox = inbox, reference = reference ?? slip.reference
        inbox.submitted()
        queued.submit(slip) { outcome in
            inbox.post(PrintInbox.Finished(reference: reference, stored: stored, before: before, outcome: outcome))
        }
        return true
    }

    /// Records the outcomes of queued slips that finished since the last call and tells the
    /// core; returns what happened. Call it from the thread that calls `send` (the screen's loop).
    public func takePrintOutcomes() -> [RuntimeOutput] {
        var outputs: [RuntimeOutput] = []
        for done in inbox.take() {
            let told = settle(done.reference, stored: done.stored, before: done.before, done.outcome, now: clock())
            outputs += afterCommitErrors.map(RuntimeOutput.error)
            afterCommitErrors.removeAll()
            outputs += send(told)
        }
        return outputs
    }

    /// True while a queued slip has not been reported back.
    public var hasQueuedPrintJobs: Bool { inbox.hasPending }

    /// Prints a stored slip again as the core decided it (original or COPY; the core wrote
    /// the audit entry); the print state after it follows `PrintState.after(printing:)`.
    private func reprint(_ document: SlipDocument, reference: String, before: PrintState, now: Timestamp) -> RegisterAction? {
        lastSlip = document
        if queue(document, reference: reference, stored: true, before: before) { return nil }
        let outcome = printer.print(document)
        return settle(reference, stored: true, before: before, outcome, now: now)
    }
}

/// What the runtime reports: the core's events, or a failure outside the core's rules.
public enum RuntimeOutput: Hashable, Sendable {
    case event(RegisterEvent)
    case error(RuntimeError)
}

extension RegisterAction {
    var touchesParkedSales: Bool {
        switch self {
        case .parkRequested, .recallRequested, .quitRequested, .confirmed: return true
        default: return false
        }
    }
}

extension RegisterEffect {
    /// The slip an effect prints, if it prints one.
    var slipReference: String? {
        switch self {
        case .print(let slip): return slip.reference
        case .reprint(_, let reference, _), .leaveUnprinted(let reference): return reference
        default: return nil
        }
    }
}

extension PrintState {
    var cause: PrintFailure? {
        switch self {
        case .pending: return .notPrintedYet
        case .printed, .notRequested: return nil
        case .failed(let cause, _), .unknown(let cause, _): return cause
        }
    }
}

extension RegisterRuntime {
    /// Tests only: put the till in a given state (to provoke failures the core would never cause).
    func replaceStateForTesting(_ newState: RegisterState) { state = newState }
}
