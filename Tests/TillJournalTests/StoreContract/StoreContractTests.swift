import Foundation
import Testing
import TillCore
import TillJournal

/// One storage engine under the contract: how to make a fresh, empty one.
struct StoreEngine: CustomTestStringConvertible, Sendable {
    let name: String
    /// How many generated histories it runs (a networked or on-disk engine fewer: the suite stays fast).
    let cases: Int
    let check: @Sendable (_ cases: Int, _ baseSeed: UInt64) throws -> String?
    var testDescription: String { name }

    init<Store: RegisterStore & DrillResultStore>(_ name: String, cases: Int = 40,
                                                  _ make: @escaping @Sendable (@escaping @Sendable () -> Timestamp) throws -> Store) {
        self.name = name
        self.cases = cases
        check = { cases, seed in try StoreContract(make: make).check(cases: cases, baseSeed: seed) }
    }

    /// An engine that cannot run here: its line fails with `why` (never passes by not running).
    init(unavailable name: String, _ why: String) {
        self.name = name
        cases = 0
        check = { _, _ in why }
    }
}

@Suite struct StoreContractTests {
    /// Every engine the till can store in. A new engine adds a line here and must pass unchanged.
    static let engines: [StoreEngine] = [
        StoreEngine("SQLite in memory") { clock in try JournalDatabase.inMemory(pinHashRounds: 1, clock: clock) },
        StoreEngine("SQLite on disk", cases: 12) { clock in
            let path = Fx.tempPath()
            return try JournalDatabase(path: path, pinHashRounds: 1, clock: clock)
        },
    ] + PostgresEngine.engines

    @Test("every engine keeps the store contract over generated histories", arguments: engines)
    func contract(_ engine: StoreEngine) async throws {
        let problem = try await OwnThread.run { try engine.check(engine.cases, 0x5707_E000) }
        #expect(problem == nil, "\(engine.name): \(problem ?? "")")
    }

    /// The contract can fail: a store that loses the till of its slips is caught.
    @Test func contractCatchesAStoreThatHandsOutAnotherTillsSlips() throws {
        let problem = try StoreContract { clock in try LeakySlips(try JournalDatabase.inMemory(pinHashRounds: 1, clock: clock)) }
            .check(cases: 30, baseSeed: 0x5707_E000)
        #expect(problem?.contains("unprinted slips of till") == true, "\(problem ?? "no problem found")")
    }
}

/// A store that forgets which till a slip belongs to (the bug `RegisterRuntime.init` had).
final class LeakySlips: RegisterStore, DrillResultStore {
    let inner: JournalDatabase
    init(_ inner: JournalDatabase) { self.inner = inner }
    func unprintedSlips(till: String) throws -> [StoredSlip] { try inner.slips(unprintedOnly: true) }
    func append(_ record: JournalRecord) throws -> Int64 { try inner.append(record) }
    func lastEntryTime() throws -> Timestamp? { try inner.lastEntryTime() }
    func sale(_ number: DocumentNumber) throws -> SaleLookup? { try inner.sale(number) }
    func openShift(till: String) throws -> ShiftRecord? { try inner.openShift(till: till) }
    func sequences(till: String) throws -> DocumentSequences { try inner.sequences(till: till) }
    func refundedBy(clerk: String, shift: Int64, till: String) throws -> Money { try inner.refundedBy(clerk: clerk, shift: shift, till: till) }
    func lowestUnitPrice(sku: String, since: Timestamp) throws -> Money? { try inner.lowestUnitPrice(sku: sku, since: since) }
    func shiftTotals(shift: Int64, till: String) throws -> ShiftTotals? { try inner.shiftTotals(shift: shift, till: till) }
    func slip(reference: String) throws -> StoredSlip? { try inner.slip(reference: reference) }
    func setPrintState(reference: String, _ state: PrintState) throws { try inner.setPrintState(reference: reference, state) }
    func itemForSale(code: String) throws -> (CatalogItem, TaxClass)? { try inner.itemForSale(code: code) }
    func item(code: String) throws -> CatalogItem? { try inner.item(code: code) }
    func creditNote(_ number: String) throws -> CreditNote? { try inner.creditNote(number) }
    func searchItems(_ query: String) throws -> [CatalogItem] { try inner.searchItems(query) }
    func parkedSales(till: String) throws -> (sales: [ParkedSale], nextNumber: Int64) { try inner.parkedSales(till: till) }
    func taxClasses() throws -> [TaxClass] { try inner.taxClasses() }
    func upsert(taxClasses: [TaxClass], by: String?) throws { try inner.upsert(taxClasses: taxClasses, by: by) }
    func upsert(items: [CatalogItem], by: String?, reassignBarcodes: Bool) throws { try inner.upsert(items: items, by: by, reassignBarcodes: reassignBarcodes) }
    func authenticate(code: String, pin: String, now: Timestamp, policy: PinLockoutPolicy) throws -> Result<User, Refusal> {
        try inner.authenticate(code: code, pin: pin, now: now, policy: policy)
    }
    func addUser(_ user: User, pin: String, by: String?) throws { try inner.addUser(user, pin: pin, by: by) }
    func user(code: String) throws -> User? { try inner.user(code: code) }
    func users() throws -> [User] { try inner.users() }
    func unlock(code: String, by: String?) throws { try inner.unlock(code: code, by: by) }
    func record(_ attempt: DrillAttempt) throws { try inner.record(attempt) }
    func drillAttempts(trainee: String?) throws -> [DrillAttempt] { try inner.drillAttempts(trainee: trainee) }
}
