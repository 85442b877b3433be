import Foundation
import Testing
import TillCore
import TillJournal

/// What every storage engine behind the store protocols must do, checked over generated
/// histories (two tills, shifts, sales, refunds, voids, slips in every print state, users and
/// items). Generic over the protocols: a second engine (issue 15's PostgreSQL journal) proves
/// itself by adding one `StoreEngine` to `StoreContractTests.engines` and passing unchanged.
/// A failure names its seed; `TILL_PROPERTY_SEED=N` replays it.
struct StoreContract<Store: RegisterStore & DrillResultStore> {
    let make: (_ clock: @escaping @Sendable () -> Timestamp) throws -> Store

    /// Runs every clause on a fresh store per generated history; the first broken one, with its seed.
    func check(cases: Int, baseSeed: UInt64) throws -> String? {
        let seeds = ProcessInfo.processInfo.environment["TILL_PROPERTY_SEED"].flatMap(UInt64.init).map { [$0] }
            ?? (0..<UInt64(cases)).map { baseSeed &+ $0 }
        for seed in seeds {
            var rng = ContractRandom(seed: seed)
            let history = ContractHistory.generate(&rng)
            if let problem = try run(history, rng: &rng) {
                return "store contract broken for seed \(seed) (re-run: TILL_PROPERTY_SEED=\(seed)): \(problem)"
            }
        }
        return nil
    }

    private func run(_ history: ContractHistory, rng: inout ContractRandom) throws -> String? {
        let clock = ContractClock(history.start)
        let store = try make { clock.now }
        try store.upsert(taxClasses: [ContractHistory.tax], by: nil)
        try store.upsert(items: history.items, by: nil)
        for (user, pin) in history.users { try store.addUser(user, pin: pin, by: nil) }

        var model = ContractModel()
        for (user, _) in history.users { model.roles[user.code] = user.role }
        for step in history.steps {
            clock.set(step.at)
            switch step.kind {
            case .record(let record):
                let before = try snapshot(store, history.tills)
                do {
                    try store.append(record)
                    if !model.accepts(record) { return "\(record.kindName) \(record.reference ?? "") was appended though the model refuses it" }
                    model.apply(record)
                } catch let failure as StoreFailure {
                    if model.accepts(record) { return "\(record.kindName) \(record.reference ?? "") refused: \(failure.message.en)" }
                    if failure.message.en.isEmpty || failure.remedy.en.isEmpty || failure.message.zh.isEmpty || failure.remedy.zh.isEmpty {
                        return "a refusal without cause or remedy in both languages"
                    }
                    // A refused append writes nothing.
                    if try snapshot(store, history.tills) != before { return "a refused \(record.kindName) changed the store" }
                }
            case .printState(let reference, let state):
                guard model.slips[reference] != nil else { continue }
                try store.setPrintState(reference: reference, state)
                model.slips[reference] = state
            }
        }
        return try compare(store, model, history)
    }

    /// What a refused write must leave untouched.
    private func snapshot(_ store: Store, _ tills: [String]) throws -> [String] {
        try tills.flatMap { till in
            [String(describing: try store.sequences(till: till)),
             String(describing: try store.openShift(till: till)),
             try store.unprintedSlips(till: till).map(\.reference).joined(separator: ",")]
        } + [String(describing: try store.lastEntryTime())]
    }

    private func compare(_ store: Store, _ model: ContractModel, _ history: ContractHistory) throws -> String? {
        for till in history.tills {
            let sequences = try store.sequences(till: till), expected = model.sequences(till)
            if sequences != expected { return "sequences of till \(till): \(sequences), expected \(expected)" }
            if try store.openShift(till: till)?.number != model.openShift[till] {
                return "open shift of till \(till): \(String(describing: try store.openShift(till: till)?.number)), expected \(String(describing: model.openShift[till]))"
            }
            let unprinted = try store.unprintedSlips(till: till).map(\.reference)
            if unprinted != model.unprinted(till) { return "unprinted slips of till \(till): \(unprinted), expected \(model.unprinted(till))" }
            for (shift, clerk) in model.refundedPairs(till) {
                let paid = try store.refundedBy(clerk: clerk, shift: shift, till: till)
                if paid.minor != model.refunded(clerk: clerk, shift: shift, till: till) {
                    return "refunded by \(clerk) in shift \(shift) at \(till): \(paid.minor), expected \(model.refunded(clerk: clerk, shift: shift, till: till))"
                }
            }
        }
        for (receipt, sale) in model.sales {
            guard let number = DocumentNumber(parsing: receipt), let found = try store.sale(number) else { return "sale \(receipt) not found" }
            if found.sale != sale { return "sale \(receipt) read back different" }
            if found.refunds.map(\.number) != model.refundsOf[receipt, default: []] {
                return "refunds of \(receipt): \(found.refunds.map(\.number)), expected \(model.refundsOf[receipt, default: []])"
            }
            if found.voided != model.voided.contains(receipt) { return "sale \(receipt) voided is \(found.voided)" }
        }
        if try store.sale(DocumentNumber(kind: .sale, till: "09", sequence: 1)) != nil { return "a sale that was never made was found" }
        for number in history.noteNumbers.sorted() {
            let note = try store.creditNote(number)
            let expected = model.notes[number]
            if note?.issued.minor != expected?.issued || note?.redeemed.minor != expected?.redeemed {
                return "credit note \(number): \(String(describing: note)), expected \(String(describing: expected))"
            }
            if let note, note.balance.isNegative { return "credit note \(number) is spent below zero: \(note.balance.plain)" }
        }
        for till in history.tills {
            let parked = try store.parkedSales(till: till)
            if parked.sales.map(\.reference) != model.waiting[till, default: []] {
                return "parked sales of till \(till): \(parked.sales.map(\.reference)), expected \(model.waiting[till, default: []])"
            }
            if parked.nextNumber != (model.parkHighest[till] ?? 0) + 1 {
                return "next parked number of till \(till): \(parked.nextNumber), expected \((model.parkHighest[till] ?? 0) + 1)"
            }
        }
        for (reference, state) in model.slips {
            guard let slip = try store.slip(reference: reference) else { return "slip \(reference) missing" }
            if slip.printState != state { return "slip \(reference) is \(slip.printState), expected \(state)" }
        }
        for item in history.items {
            guard let (found, tax) = try store.itemForSale(code: item.sku) else { return "item \(item.sku) not for sale" }
            if found != item || tax != ContractHistory.tax { return "item \(item.sku) read back different" }
            for code in item.barcodes where try store.itemForSale(code: code)?.0.sku != item.sku { return "barcode \(code) not \(item.sku)" }
        }
        for item in history.items {
            let lowest = try store.lowestUnitPrice(sku: item.sku, since: history.start)?.minor
            if lowest != model.lowestPrice[item.sku] { return "lowest price of \(item.sku): \(String(describing: lowest)), expected \(String(describing: model.lowestPrice[item.sku]))" }
        }
        let policy = PinLockoutPolicy()
        for (user, pin) in history.users {
            guard case .success(let signedIn) = try store.authenticate(code: user.code, pin: pin, now: history.end, policy: policy),
                  signedIn == user else { return "\(user.code) cannot sign in with its PIN" }
            if case .success = try store.authenticate(code: user.code, pin: pin + "0", now: history.end, policy: policy) {
                return "\(user.code) signed in with a wrong PIN"
            }
        }
        if try Set(store.users().map(\.code)) != Set(history.users.map(\.0.code)) { return "the user list differs" }
        if try store.lastEntryTime().map({ $0 < history.start }) == true { return "the last entry is older than the history" }
        let attempt = DrillAttempt(trainee: "3001", drill: "01-full-refund", startedAt: history.end, seconds: 12.5, keystrokes: 9,
                                   wrongAttempts: 1, refusals: ["no_open_shift"], score: 80, breakdown: ["time 40"])
        try store.record(attempt)
        if try store.drillAttempts(trainee: "3001") != [attempt] { return "a drill attempt read back different" }
        if try !store.drillAttempts(trainee: "3002").isEmpty { return "another trainee's attempts were listed" }
        return nil
    }
}

/// The clock the store dates its own changes by, moved on with the history.
final class ContractClock: Sendable {
    private let time: Mutex<Timestamp>
    init(_ start: Timestamp) { time = Mutex(start) }
    func set(_ to: Timestamp) { time.withLock { $0 = max($0, to) } }
    var now: Timestamp { time.withLock { $0 } }
}

import Synchronization

extension JournalRecord {
    var kindName: String {
        switch self {
        case .sale: "sale"
        case .refund: "refund"
        case .postVoid: "post-void"
        case .shiftOpened: "shift"
        case .zReport: "Z report"
        case .event: "event"
        }
    }
}
