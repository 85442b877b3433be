import TillCore
import TillJournal
import TillRuntime

/// Seeds a new journal so the till can be tried at once: the catalog, one user per role (PINs in
/// the README), and a few past sales to refund, made by driving the real core at past times.
enum DemoData {
    static let users: [(User, String)] = [
        (User(code: "1001", name: "Lin Clerk 林收银", role: .clerk), "1111"),
        (User(code: "1002", name: "Zhao Clerk 赵收银", role: .clerk), "1212"),
        (User(code: "2001", name: "Wang Supervisor 王主管", role: .supervisor), "222222"),
        (User(code: "3001", name: "Chen Trainer 陈培训", role: .trainer), "3333"),
        (User(code: "4001", name: "Liu Technician 刘技术", role: .technician), "4444"),
        (User(code: "9001", name: "Admin 管理员", role: .admin), "999999"),
    ]

    /// `clock` is the journal's own (it dates the catalog, users and settings by it): it is set to
    /// each past time in turn, so every entry follows the one before, and given back to the
    /// system at the end.
    static func seed(journal: JournalDatabase, config: RegisterConfig, clock: TillClock) throws {
        let today = TillClock.systemNow
        func at(daysAgo: Int64, hour: Int64) { clock.set(Timestamp(seconds: today.seconds - daysAgo * 86_400 + hour * 3600 - 12 * 3600)) }
        defer { clock.set(nil) }
        at(daysAgo: 41, hour: 0) // the shop is set up before its first demo sale
        try seedCatalogAndUsers(journal: journal, currency: config.currency)
        try journal.recordMoneySettings(MoneySettings(config)) // the demo sales are made under these
        let runtime = try RegisterRuntime(config: config, journal: journal, printer: SilentPrinter(), clock: { clock.now })
        func run(_ actions: [RegisterAction]) throws {
            for action in actions {
                for output in runtime.send(action) {
                    if case .event(.refused(let refusal)) = output { throw refusal }
                    if case .error(let error) = output { throw error }
                }
            }
        }
        func sale(_ items: [(String, Quantity?)], _ tender: RegisterAction) -> [RegisterAction] {
            items.map { .codeEntered($0.0, quantity: $0.1) } + [tender]
        }
        let cash = RegisterAction.tendered(.cash, amount: nil, reference: nil)
        // The demo drawers count exactly what was expected.
        func closeShift() throws {
            try run([.reportRequested(.z)])
            let expected = runtime.state.closingShift?.totals.cashExpected ?? .zero(config.currency)
            try run([.cashCounted(.total(expected)), .confirmed])
        }
        let money = { (minor: Int64) in Money(minor: minor, currency: config.currency) }
        // 40 days ago: outside the default 30-day window (refunds of it are refused, as they should be).
        at(daysAgo: 40, hour: 0)
        try run([.signInRequested(code: "2001", pin: "222222"), .shiftOpenRequested(float: money(50_000))])
        try run(sale([("TEA-PU", nil), ("MUG-01", .each(2))], cash))
        try closeShift()
        try run([.signOutRequested])
        // 3 days ago: a shift with sales to refund, then closed.
        at(daysAgo: 3, hour: 0)
        try run([.signInRequested(code: "1001", pin: "1111"), .shiftOpenRequested(float: money(50_000))])
        try run(sale([("TEA-JAS", .each(3)), ("CHOP-10", nil), ("RICE-KG", Quantity(parsing: "2.5"))], cash))
        try run(sale([("KETTLE", nil), ("MUG-01", .each(4))], .tendered(.card, amount: nil, reference: "AUTH-381920")))
        try run(sale([("RICECOOK", .each(2))], .tendered(.card, amount: nil, reference: "AUTH-381955")))
        try run(sale([("APPLE-KG", Quantity(parsing: "1.2")), ("MILK-1L", .each(2)), ("GIFTCARD", nil)], cash))
        try run([.signOutRequested, .signInRequested(code: "2001", pin: "222222")])
        try closeShift()
        try run([.signOutRequested])
        // Today: an open shift, ready to sell.
        at(daysAgo: 0, hour: -3)
        try run([.signInRequested(code: "2001", pin: "222222"), .shiftOpenRequested(float: money(50_000)), .signOutRequested])
    }

    
/// The catalog and one user per role, without any history (drills add their own).
    static func seedCatalogAndUsers(journal: JournalDatabase, currency: Currency) throws {
        try journal.upsert(taxClasses: DemoCatalog.taxClasses)
        try journal.upsert(items: DemoCatalog.items(currency: currency))
        for (user, pin) in users { try journal.addUser(user, pin: pin) }
    }

    static func pin(_ code: String) -> String? { users.first { $0.0.code == code }?.1 }
}

/// Prints nothing: demo history is not printed on first run (reprint shows any of it).
final class SilentPrinter: SlipPrinter {
    var name: String { "none" }
    func print(_ slip: SlipDocument) -> PrintOutcome { .printed }
    func openDrawer() -> PrintOutcome { .printed }
}
