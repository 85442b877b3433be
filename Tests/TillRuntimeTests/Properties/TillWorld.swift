import TillCore
import TillJournal
import TillRuntime

/// Where a generated case runs: the pure core with its outside world in memory (fast, for most
/// cases), or the real runtime over an SQLite journal (its append guards and X/Z sums).
protocol TillWorld {
    var state: RegisterState { get }
    /// Every record the journal accepted, in order.
    var committed: [JournalRecord] { get }
    /// Refunds the core stopped because its own plan broke the ledger: never expected.
    var outsideLedger: [LedgerViolation] { get }
    /// Sends an action and answers every question it raises; returns the events.
    mutating func send(_ action: RegisterAction) -> [RegisterEvent]
}

/// The pure core, answered from memory like the runtime answers it from the journal.
struct MemoryWorld: TillWorld {
    var state: RegisterState
    var committed: [JournalRecord] = []
    var outsideLedger: [LedgerViolation] = []
    let catalog: [String: (CatalogItem, TaxClass)]
    let people: [String: (User, String)]
    let now = Timestamp(seconds: 1_795_000_000)

    init(_ testCase: MoneyCase) {
        state = RegisterState(config: testCase.config)
        catalog = Dictionary(uniqueKeysWithValues: testCase.items.map { ($0.0.sku, $0) })
        people = Dictionary(uniqueKeysWithValues: MoneyCase.people.map { ($0.0.code, $0) })
    }

    mutating func send(_ action: RegisterAction) -> [RegisterEvent] {
        var events: [RegisterEvent] = []
        var queue = [action]
        while !queue.isEmpty {
            for effect in Register.reduce(&state, queue.removeFirst(), now: now) {
                if case .emit(let event) = effect { events.append(event) }
                if case .emit(.refused(.refundOutsideLedger(let violation))) = effect { outsideLedger.append(violation) }
                if let followUp = answer(effect) { queue.append(followUp) }
            }
        }
        return events
    }

    private mutating func answer(_ effect: RegisterEffect) -> RegisterAction? {
        switch effect {
        case .verifyCredentials(let code, let pin, let purpose):
            guard let (user, expected) = people[code], expected == pin else {
                return purpose == .signIn ? .signInRefused(.wrongPIN(attemptsLeft: 4)) : .approverRefused(.wrongPIN(attemptsLeft: 4))
            }
            if purpose == .approval { return .approverVerified(user) }
            let refunded = committed.compactMap { if case .refund(let r, _) = $0, r.clerk.code == code { return r.total } else { return nil } }
            return .signedIn(user, refundedThisShift: refunded.sum(.cny))
        case .lookUpItem(let code, let quantity, _):
            guard let (item, tax) = catalog[code] else { return .itemNotFound(code: code) }
            return .itemFound(item, tax, code: code, quantity: quantity, lowestRecentPrice: nil)
        case .lookUpSale(let number):
            let ledger = Ledgers(committed)
            guard let sale = ledger.sales[number.description] else { return .saleNotFound(reference: number.description) }
            return .saleLoaded(ReturnableSale(sale: sale, priorRefunds: ledger.refunds(of: sale.receipt),
                                              voided: ledger.voids[sale.receipt] != nil))
        case .lookUpCreditNote(let number, let amount):
            return .creditNoteLooked(number: number, note: CreditNote(number: number, records: committed), amount: amount)
        case .loadShiftTotals(_, let kind):
            guard let shift = state.shift else { return .worldRefused(.noOpenShift) }
            return .shiftTotalsLoaded(Ledgers(committed).totals(shift), kind)
        case .record(let record):
            committed.append(record)
            return nil
        case .searchItems(let query):
            return .itemsFound(query: query, catalog.values.map(\.0))
        case .loadParkedSales:
            return nil
        case .print, .reprint, .leaveUnprinted, .openDrawer, .emit, .releaseReservation:
            return nil
        case .lookUpCentrally(let id, _), .reserveRefund(let id, _):
            // This world has no central journal.
            return .centralAnswered(request: id, .failed(.unreachable(detail: "no central journal in this world")))
        }
    }
}

/// The real runtime over an in-memory SQLite journal.
final class RuntimeWorld: TillWorld {
    let runtime: RegisterRuntime
    let journal: JournalDatabase
    var committed: [JournalRecord] = []
    var outsideLedger: [LedgerViolation] = []
    var errors: [RuntimeError] = []

    init(_ testCase: MoneyCase) throws {
        let now = Timestamp(seconds: 1_795_000_000)
        journal = try JournalDatabase.inMemory(pinHashRounds: 1, clock: { now })  // the runtime's clock too
        try journal.upsert(taxClasses: testCase.items.map(\.1))
        try journal.upsert(items: testCase.items.map(\.0))
        for (user, pin) in MoneyCase.people { try journal.addUser(user, pin: pin) }
        runtime = try RegisterRuntime(config: testCase.config, journal: journal, printer: TestPrinter(),
                                      clock: { now })
        runtime.onRecord = { [weak self] record in self?.committed.append(record) }
    }

    var state: RegisterState { runtime.state }

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
