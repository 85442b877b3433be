import Synchronization
import TillCore
import TillJournal
@testable import TillRuntime

/// A printer whose paper can run out, recording what it printed.
final class TestPrinter: SlipPrinter {
    var paperOut = false
    /// Jobs are sent but never confirmed (a printer without an in-sequence reply).
    var unconfirmed = false
    var slips: [SlipDocument] = []
    /// Every slip the printer received, with how the job was reported.
    var received: [(slip: SlipDocument, outcome: PrintOutcome)] = []
    var drawerKicks = 0
    var name: String { "test printer" }
    func print(_ slip: SlipDocument) -> PrintOutcome {
        if paperOut { received.append((slip, .failed(cause: "paper out"))); return .failed(cause: "paper out") }
        if unconfirmed { received.append((slip, .unknown(cause: "sent, not confirmed"))); return .unknown(cause: "sent, not confirmed") }
        slips.append(slip)
        received.append((slip, .printed))
        return .printed
    }
    func openDrawer() -> PrintOutcome { drawerKicks += 1; return .printed }
}

/// A runtime over an in-memory journal with a small catalog and one user per role.
struct RuntimeFixture {
    let journal: JournalDatabase
    let printer = TestPrinter()
    let runtime: RegisterRuntime
    let clock: MutableClock

    final class MutableClock: Sendable {
        var now: Timestamp {
            get { time.withLock { $0 } }
            set { time.withLock { $0 = newValue } }
        }
        private let time = Mutex(RuntimeFixture.startTime)
    }

    /// When the fixture's till starts; its clock runs on from here.
    static let startTime = Timestamp(seconds: 1_795_000_000)

    static let vat = TaxClass(id: "VAT13", name: "VAT", rateBasisPoints: 1300, inclusive: true)

    init(config: RegisterConfig = RegisterConfig(), journal existing: JournalDatabase? = nil) throws {
        // One clock for the runtime and the journal's own changes, as in the till.
        let clock = MutableClock()
        self.clock = clock
        journal = try existing ?? JournalDatabase.inMemory(pinHashRounds: 10, clock: { clock.now })
        if existing == nil {
            try journal.upsert(taxClasses: [Self.vat])
            try journal.upsert(items: [
                CatalogItem(sku: "TEA", barcodes: ["6901234567892"], name: "Jasmine tea 茉莉花茶", price: Money(minor: 2500, currency: .cny), taxClassID: "VAT13"),
                CatalogItem(sku: "MUG", barcodes: ["4006381333931"], name: "Mug", price: Money(minor: 1000, currency: .cny), taxClassID: "VAT13"),
                CatalogItem(sku: "RICE", barcodes: [], name: "Rice 大米", price: Money(minor: 800, currency: .cny), taxClassID: "VAT13", weighed: true),
            ])
            try journal.addUser(User(code: "1001", name: "Lin", role: .clerk), pin: "1111")
            try journal.addUser(User(code: "2001", name: "Wang", role: .supervisor), pin: "222222")
        }
        runtime = try RegisterRuntime(config: config, journal: journal, printer: printer, clock: { clock.now })
    }

    @discardableResult
    func send(_ actions: RegisterAction...) -> [RuntimeOutput] {
        actions.flatMap { runtime.send($0) }
    }

    func refusals(_ outputs: [RuntimeOutput]) -> [Refusal] {
        outputs.compactMap { if case .event(.refused(let r)) = $0 { return r } else { return nil } }
    }

    func openShift() {
        send(.signInRequested(code: "2001", pin: "222222"), .shiftOpenRequested(float: Money(minor: 0, currency: .cny)),
             .signOutRequested, .signInRequested(code: "1001", pin: "1111"))
    }
}
