import Foundation
import Testing
import TillCore
import TillJournal
import TillPorts

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

    /// The contract can fail: a store that refuses what it does not check (as the PostgreSQL
    /// store once refused credit notes, reports, parked sales and drawer opens) is caught.
    @Test func contractCatchesAStoreThatRefusesWhatItDoesNotCheck() throws {
        let problem = try StoreContract { clock in refusesUnchecked(try JournalDatabase.inMemory(pinHashRounds: 1, clock: clock)) }
            .check(cases: 30, baseSeed: 0x5707_E000)
        #expect(problem?.contains("refused: not checked here") == true, "\(problem ?? "no problem found")")
    }

    /// The contract can fail for each rule: a store that says yes where that rule says no (and
    /// stores nothing) is caught, so the generated histories do reach every one of them.
    @Test(arguments: [["credit_note_refused"], ["price_change_not_authorised"], ["report_not_authorised"],
                      ["drawer_open_not_owed"], ["drawer_open_not_authorised"], ["parked_sale_not_waiting", "park_number_reused"]])
    func contractCatchesAStoreThatSkipsARule(_ codes: [String]) throws {
        let problem = try StoreContract { clock in
            saysYes(to: Set(codes), try JournalDatabase.inMemory(pinHashRounds: 1, clock: clock))
        }.check(cases: 40, baseSeed: 0x5707_E000)
        #expect(problem?.contains("was appended though the model refuses it") == true, "\(codes): \(problem ?? "no problem found")")
    }

    /// The contract can fail: a store that loses the till of its slips is caught.
    @Test func contractCatchesAStoreThatHandsOutAnotherTillsSlips() throws {
        let problem = try StoreContract { clock in leakySlips(try JournalDatabase.inMemory(pinHashRounds: 1, clock: clock)) }
            .check(cases: 30, baseSeed: 0x5707_E000)
        #expect(problem?.contains("unprinted slips of till") == true, "\(problem ?? "no problem found")")
    }
}

/// A store that forgets which till a slip belongs to (the bug `RegisterRuntime.init` had).
func leakySlips(_ inner: JournalDatabase) -> AlteredStore {
    AlteredStore(inner, unprinted: { _, db in try db.slips(unprintedOnly: true) })
}

/// A store that refuses records whose rules it does not check.
func refusesUnchecked(_ inner: JournalDatabase) -> AlteredStore {
    AlteredStore(inner, appending: { record, db in
        switch record {
        case .sale(let sale, _) where sale.tenders.contains { $0.kind == .storeCredit }: throw NotChecked()
        case .refund(let refund, _) where refund.tenders.contains { $0.kind == .storeCredit }: throw NotChecked()
        case .zReport: throw NotChecked()
        case .event(let event) where [.xReportPrinted, .saleParked, .saleRecalled, .drawerOpened].contains(event.kind): throw NotChecked()
        default: return try db.append(record)
        }
    })
}

struct NotChecked: StoreFailure {
    var code: String { "not_checked_here" }
    var message: LocalizedText { LocalizedText(en: "not checked here", zh: "此处不校验") }
    var remedy: LocalizedText { LocalizedText(en: "record it elsewhere", zh: "请记入别处") }
}

/// A store that skips some rules: where they refuse, it says the record was kept (and keeps nothing).
func saysYes(to codes: Set<String>, _ inner: JournalDatabase) -> AlteredStore {
    AlteredStore(inner, appending: { record, db in
        do { return try db.append(record) } catch let error as JournalError where codes.contains(error.code) { return 0 }
    })
}

/// SQLite's journal with one call altered: the wrong stores above.
final class AlteredStore: RegisterStore, DrillResultStore {
    let inner: JournalDatabase
    let appending: @Sendable (JournalRecord, JournalDatabase) throws -> Int64
    let unprinted: @Sendable (String, JournalDatabase) throws -> [StoredSlip]
    init(_ inner: JournalDatabase, appending: @escaping @Sendable (JournalRecord, JournalDatabase) throws -> Int64 = { try $1.append($0) },
         unprinted: @escaping @Sendable (String, JournalDatabase) throws -> [StoredSlip] = { try $1.unprintedSlips(till: $0) }) {
        self.inner = inner
        self.appending = appending
        self.unprinted = unprinted
    }
    func unprintedSlips(till: String) throws -> [StoredSlip] { try unprinted(till, inner) }
    func append(_ record: JournalRecord) throws -> Int64 { try appending(record, inner) }
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
