import TillCore

// The till's storage, split by intent, so the runtime names what it needs and a second engine
// (the central PostgreSQL journal of issue 15) implements the same protocols. SQLite's
// `JournalDatabase` implements all of them; `StoreContract` in the tests is what any
// implementation must pass.
//
// Synchronous on purpose. The runtime performs an effect and answers the core within one
// `send`, and issue 15 keeps every till committing to its own SQLite first: the stores the
// runtime calls are always local. A network engine that must be waited on (a cross-till
// look-up) is a further port whose answer comes back as an action, the way a queued print's
// outcome does, never a call that blocks the screen.
//
// Every method throws a `StoreFailure` (cause and remedy in both languages) or nothing.

/// The chained journal of one till: what happened, in order, and where each slip stands.
public protocol JournalStore: AnyObject, Sendable {
    /// Appends `record` in one atomic write, re-checking the rules that protect money (a refund
    /// beyond what was sold, a second void, a reused number): throws naming the cause and
    /// writes nothing. Returns the entry's sequence number.
    @discardableResult
    func append(_ record: JournalRecord) throws -> Int64
    /// The time of the last entry (nil for an empty journal): a till whose clock is behind it does not start.
    func lastEntryTime() throws -> Timestamp?
    /// A sale with every refund against it and whether it was voided; nil if not in the journal.
    func sale(_ number: DocumentNumber) throws -> SaleLookup?
    /// The till's shift that was opened and not yet closed by a Z report.
    func openShift(till: String) throws -> ShiftRecord?
    /// The next document numbers of the till.
    func sequences(till: String) throws -> DocumentSequences
    /// What a clerk paid out in refunds in a shift at a till (training excluded).
    func refundedBy(clerk: String, shift: Int64, till: String) throws -> Money
    /// The lowest net unit price `sku` sold for since `since` (training and voided sales excluded).
    func lowestUnitPrice(sku: String, since: Timestamp) throws -> Money?
    /// The totals of a shift, for X and Z reports; nil if the till has no such shift.
    func shiftTotals(shift: Int64, till: String) throws -> ShiftTotals?
    /// The till's parked sales, oldest first, and the number the next one gets.
    func parkedSales(till: String) throws -> (sales: [ParkedSale], nextNumber: Int64)
    /// A store-credit note with its balance from every entry that issued or spent it; nil if none has that number.
    func creditNote(_ number: String) throws -> CreditNote?
}

/// The stored slips and their print states.
public protocol SlipStore: AnyObject, Sendable {
    /// The slip with its print state and attempts as the journal has them; nil if none is stored.
    func slip(reference: String) throws -> StoredSlip?
    /// This till's slips that are not printed (pending, failed, unknown), in journal order;
    /// another till's slips in a shared journal are not this till's to reprint.
    func unprintedSlips(till: String) throws -> [StoredSlip]
    /// Records how a stored slip came out.
    func setPrintState(reference: String, _ state: PrintState) throws
}

/// Items and tax classes, as the sale counter looks them up and the back office keeps them.
public protocol CatalogStore: AnyObject, Sendable {
    /// An item by barcode or SKU with its tax class, if it is for sale.
    func itemForSale(code: String) throws -> (CatalogItem, TaxClass)?
    func item(code: String) throws -> CatalogItem?
    /// Items for sale whose name (English or Chinese) or SKU contains `query`, any case.
    func searchItems(_ query: String) throws -> [CatalogItem]
    func taxClasses() throws -> [TaxClass]
    func upsert(taxClasses: [TaxClass], by: String?) throws
    /// Adds or changes items; a barcode another item holds is refused unless `reassignBarcodes`.
    func upsert(items: [CatalogItem], by: String?, reassignBarcodes: Bool) throws
}

extension CatalogStore {
    /// Why `code` is not for sale when a central revision dropped it. A store that is not a
    /// `PublishedCatalogStore` never applies revisions, so it never has a withdrawn item.
    public func itemWithdrawal(code: String) throws -> ItemWithdrawal? {
        try (self as? any PublishedCatalogStore)?.withdrawal(code: code)
    }

    /// Adds or changes items, never taking a barcode away from another item.
    public func upsert(items: [CatalogItem], by: String?) throws {
        try upsert(items: items, by: by, reassignBarcodes: false)
    }
}

/// The people who may sign in, their roles and PINs.
public protocol UserDirectory: AnyObject, Sendable {
    /// Checks a PIN; a wrong one counts towards the lockout `policy` names.
    func authenticate(code: String, pin: String, now: Timestamp, policy: PinLockoutPolicy) throws -> Result<User, Refusal>
    func addUser(_ user: User, pin: String, by: String?) throws
    func user(code: String) throws -> User?
    func users() throws -> [User]
    func unlock(code: String, by: String?) throws
}

/// Scored training drills, per trainee.
public protocol DrillResultStore: AnyObject, Sendable {
    func record(_ attempt: DrillAttempt) throws
    /// A trainee's attempts in the order made (all trainees when nil).
    func drillAttempts(trainee: String?) throws -> [DrillAttempt]
}

/// Everything a running till reads and writes.
public typealias RegisterStore = JournalStore & SlipStore & CatalogStore & UserDirectory
