import TillCore
import TillRuntime
@testable import TillScreen

/// Core states built by driving the real reducer, as the runtime would (answers fed back by hand).
enum Fixture {
    static let now = Timestamp(seconds: 1_800_000_000)
    static let vat = TaxClass(id: "VAT13", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)
    static func money(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }
    static let tea = CatalogItem(sku: "TEA-JAS", barcodes: ["6901234567892"], name: "Jasmine tea 茉莉花茶 250g",
                                 price: money(2500), taxClassID: "VAT13")
    static let mug = CatalogItem(sku: "MUG-01", barcodes: [], name: "Ceramic mug", price: money(1500), taxClassID: "VAT13")
    static let cooker = CatalogItem(sku: "RICECOOK", barcodes: [], name: "电饭煲", price: money(39900), taxClassID: "VAT13")
    static let clerk = User(code: "1001", name: "Lin Clerk 林收银", role: .clerk)

    static func signedIn() -> RegisterState {
        var state = RegisterState(config: RegisterConfig(utcOffsetSeconds: 8 * 3600))
        let shift = ShiftRecord(number: 3, till: "01", openedAt: now, openedBy: clerk, openingFloat: money(0))
        _ = Register.reduce(&state, .started(shift: shift, sequences: DocumentSequences()), now: now)
        _ = Register.reduce(&state, .signedIn(clerk, refundedThisShift: money(0)), now: now)
        return state
    }

    static func selling(_ items: [(CatalogItem, Int64)]) -> RegisterState {
        var state = signedIn()
        for (item, count) in items {
            _ = Register.reduce(&state, .itemFound(item, vat, code: item.sku, quantity: .each(count), lowestRecentPrice: nil), now: now)
        }
        return state
    }

    /// A completed cash sale of 3 teas and a mug, and the record the journal would keep.
    static func completedSale() -> (RegisterState, SaleRecord) {
        var state = selling([(tea, 3), (mug, 1)])
        let effects = Register.reduce(&state, .tendered(.cash, amount: nil, reference: nil), now: now)
        for case .record(.sale(let record, _)) in effects { return (state, record) }
        fatalError("the sale did not complete")
    }

    /// A refund of that sale, looked up and loaded.
    static func refunding() -> RegisterState {
        var (state, sale) = completedSale()
        _ = Register.reduce(&state, .refundStarted, now: now)
        _ = Register.reduce(&state, .saleLoaded(ReturnableSale(sale: sale, priorRefunds: [], voided: false)), now: now)
        return state
    }

    static func ui(_ lang: Language = .en) -> ScreenState { ScreenState(language: lang, slipFolder: "/tmp/slips") }

    static func render(_ state: RegisterState, _ ui: ScreenState, rows: Int = 24, cols: Int = 80,
                       printer: PrinterState? = .ready) -> [String] {
        ScreenLayout.render(state, ui, StatusInfo(printer: printer, now: now), rows: rows, cols: cols).map(\.text)
    }
}

/// Presses keys one after another, sending each key's actions through the reducer (without
/// the runtime's effects) so the screen sees the state the core would have.
struct Keyboard {
    var state: RegisterState
    var ui: ScreenState
    var sent: [RegisterAction] = []

    mutating func press(_ keys: ScreenKey...) {
        for key in keys {
            let actions = KeyInterpreter.handle(key, ui: &ui, state: state)
            for action in actions {
                sent.append(action)
                _ = Register.reduce(&state, action, now: Fixture.now)
            }
            ui.reconcile(with: state)
        }
    }

    mutating func type(_ text: String) {
        for ch in text { press(.character(ch)) }
    }
}
