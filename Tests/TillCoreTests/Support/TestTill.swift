import Synchronization
import Testing
import TillCore
import TillJournal
@testable import TillRuntime

/// The core's rules driven exactly as the till drives them: the real `RegisterRuntime` over an
/// in-memory journal (catalog, users and PINs, guards and all), printing to a printer that
/// keeps what it printed. There is no second effect interpreter: what these tests see is what
/// the screen and `till exec` see.
struct TestTill {
    /// What the runtime did, as its callbacks and its printer saw it.
    final class World {
        let clock = TestClock()
        var records: [JournalRecord] = []
        var events: [RegisterEvent] = []
    }

    /// Keeps every slip it is given; the drawer counts its kicks.
    final class KeepingPrinter: SlipPrinter {
        var printed: [SlipDocument] = []
        var drawerOpens = 0
        var name: String { "test till printer" }
        func print(_ slip: SlipDocument) -> PrintOutcome { printed.append(slip); return .printed }
        func openDrawer() -> PrintOutcome { drawerOpens += 1; return .printed }
    }

    /// The people who may sign in, with their PINs: adding one adds them to the journal.
    struct Users {
        fileprivate let journal: JournalDatabase
        fileprivate var known: [String: (User, String)] = [:]

        subscript(code: String) -> (User, String)? {
            get { known[code] }
            set {
                known[code] = newValue
                // A test that cannot set up its people cannot run: the failure names the user.
                if let (user, pin) = newValue {
                    do { try journal.addUser(user, pin: pin) } catch { Issue.record("cannot add user \(code): \(error)") }
                }
            }
        }
    }

    /// The till's clock, which the journal dates its own changes by too.
    final class TestClock: Sendable {
        private let time = Mutex(Timestamp(seconds: 1_795_000_000)) // 2026-11-18
        var now: Timestamp {
            get { time.withLock { $0 } }
            set { time.withLock { $0 = newValue } }
        }
    }

    let journal: JournalDatabase
    let runtime: RegisterRuntime
    let world: World
    let printer = KeepingPrinter()
    var users: Users

    static let vat13 = TaxClass(id: "VAT13", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)
    static let salesTax = TaxClass(id: "ST8", name: "Sales tax 8%", rateBasisPoints: 800, inclusive: false)
    /// The demo PINs here are short; the PIN length rule has its own tests in the journal.
    static let pinPolicy = PinPolicy(minimumLength: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, 4) }))

    init(config: RegisterConfig = RegisterConfig()) {
        let world = World()
        self.world = world
        // Only an in-memory SQLite journal that fails to open stops here.
        let clock = world.clock
        journal = try! JournalDatabase.inMemory(pinHashRounds: 1, pinPolicy: Self.pinPolicy, clock: { clock.now })
        users = Users(journal: journal)
        // The runtime records the config's MoneySettings (its permission table too) before anything else.
        runtime = try! RegisterRuntime(config: config, journal: journal, printer: printer, clock: { clock.now })
        runtime.onRecord = { world.records.append($0) }
        runtime.onOutput = { if case .event(let event) = $0 { world.events.append(event) } }
        add(CatalogItem(sku: "TEA", barcodes: ["6901234567892"], name: "Jasmine tea 茉莉花茶", price: cny(2500), taxClassID: "VAT13"))
        add(CatalogItem(sku: "MUG", barcodes: ["4006381333931"], name: "Mug", price: cny(1000), taxClassID: "VAT13"))
        add(CatalogItem(sku: "RICE", barcodes: [], name: "Rice per kg 大米", price: cny(800), taxClassID: "VAT13", weighed: true))
        add(CatalogItem(sku: "GIFT", barcodes: [], name: "Gift card", price: cny(10000), taxClassID: "VAT13", returnable: false))
        add(CatalogItem(sku: "TV", barcodes: [], name: "Television", price: cny(300_000), taxClassID: "VAT13"))
        add(CatalogItem(sku: "PEN", barcodes: [], name: "Pen", price: cny(1000), taxClassID: "ST8"), tax: Self.salesTax)
        users["1001"] = (User(code: "1001", name: "Clerk Lin", role: .clerk), "1111")
        users["2001"] = (User(code: "2001", name: "Supervisor Wang", role: .supervisor), "2222")
        users["1002"] = (User(code: "1002", name: "Clerk Zhao", role: .clerk), "3333")
        users["4001"] = (User(code: "4001", name: "Tech Chen", role: .technician), "4444")
    }

    /// A fresh till (state, callbacks, printer) over `other`'s journal and clock, as a till
    /// restarted on the same machine: many generated cases without building a journal each.
    init(continuing other: TestTill, config: RegisterConfig = RegisterConfig()) {
        let world = World()
        world.clock.now = other.now
        self.world = world
        journal = other.journal
        users = other.users
        let clock = world.clock
        runtime = try! RegisterRuntime(config: config, journal: journal, printer: printer, clock: { clock.now })
        runtime.onRecord = { world.records.append($0) }
        runtime.onOutput = { if case .event(let event) = $0 { world.events.append(event) } }
    }

    func add(_ item: CatalogItem, tax: TaxClass = vat13) {
        do {
            try journal.upsert(taxClasses: [tax])
            try journal.upsert(items: [item])
        } catch { Issue.record("cannot add \(item.sku): \(error)") }
    }

    func cny(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    /// The till's state; a test may set it (a role the catalog of people does not have).
    var state: RegisterState {
        get { runtime.state }
        nonmutating set { runtime.replaceStateForTesting(newValue) }
    }

    var now: Timestamp {
        get { world.clock.now }
        nonmutating set { world.clock.now = newValue }
    }

    /// Sends an action through the runtime, which answers every question it raises.
    func send(_ action: RegisterAction) {
        for case .error(let error) in runtime.send(action) { Issue.record("runtime: \(error.message.en) \(error.remedy.en)") }
    }

    // MARK: - What happened

    var records: [JournalRecord] { world.records }
    var events: [RegisterEvent] {
        get { world.events }
        nonmutating set { world.events = newValue }
    }
    var printed: [SlipDocument] { printer.printed }
    var drawerOpens: Int { printer.drawerOpens }
    var sales: [String: SaleRecord] {
        Dictionary(records.compactMap { if case .sale(let s, _) = $0 { (s.receipt, s) } else { nil } }, uniquingKeysWith: { $1 })
    }
    var refunds: [RefundRecord] { records.compactMap { if case .refund(let r, _) = $0 { r } else { nil } } }
    var voided: Set<String> { Set(records.compactMap { if case .postVoid(let v, _) = $0 { v.originalReceipt } else { nil } }) }
    /// Slips stored on purpose without printing (NO RECEIPT), as the journal has them.
    var leftUnprinted: [String] {
        ((try? journal.slips(unprintedOnly: false)) ?? []).filter {
            if case .notRequested = $0.printState { true } else { false }
        }.map(\.reference)
    }

    // MARK: - Conveniences

    var refusals: [Refusal] { events.compactMap { if case .refused(let r) = $0 { return r } else { return nil } } }
    var lastRefusal: Refusal? { refusals.last }

    func signInAndOpenShift(_ code: String = "1001") {
        send(.signInRequested(code: code, pin: users[code]?.1 ?? ""))
        if state.shift == nil {
            let current = state.user
            send(.signedIn(users["2001"]!.0, refundedThisShift: cny(0)))
            send(.shiftOpenRequested(float: cny(20_000)))
            state.user = current
        }
    }

    /// Rings up `codes` and pays in cash, returning the receipt number ("" if none was recorded).
    @discardableResult
    func sell(_ codes: [(String, Quantity?)], tender: TenderKind = .cash, reference: String? = nil) -> String {
        for (code, qty) in codes { send(.codeEntered(code, quantity: qty)) }
        send(.tendered(tender, amount: nil, reference: reference))
        guard case .sale(let sale, _)? = records.last(where: { if case .sale = $0 { return true } else { return false } }) else {
            Issue.record("no sale recorded: \(refusals)")
            return ""
        }
        return sale.receipt
    }

    func startRefund(_ receipt: String) {
        send(.refundStarted)
        send(.receiptEntered(receipt))
    }

    var lastRefund: RefundRecord? { refunds.last }
    var refundDraft: RefundDraft? { if case .refunding(let d) = state.activity { return d } else { return nil } }
}
