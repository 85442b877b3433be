import Foundation
import TillCore
@testable import TillJournal

typealias ContractRandom = StateProjectionPropertyTests.Seeded

extension ContractRandom {
    init(seed: UInt64) { self.init(state: seed) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
}

/// A generated history for the store contract: what happens, in order, at two tills.
struct ContractHistory {
    enum Kind {
        case record(JournalRecord)
        case printState(reference: String, PrintState)
    }

    struct Step {
        var at: Timestamp
        var kind: Kind
    }

    static let tax = TaxClass(id: "STD", name: "Standard 13%", rateBasisPoints: 1300, inclusive: true)
    let tills = ["01", "02"]
    var start = Fx.t0
    var end = Fx.t0
    var items: [CatalogItem] = []
    var users: [(User, String)] = []
    var steps: [Step] = []

    static let failures: [PrintFailure] = [
        .paperOut, .coverOpen, .cutterJammed, .printerError, .offline, .noAnswer, .unreachable("no device"),
        .linkLost("broken pipe: x"), .stoppedAnswering, .notConfirmed(seconds: 12), .cannotConfirm(printer: "TM-T20"),
        .notEnabled, .cannotEncode("GB18030"), .cannotWrite("/tmp/x: denied"), .stateNotSaved, .other("jam, 2 mm"),
    ]

    static func generate(_ rng: inout ContractRandom) -> ContractHistory {
        var history = ContractHistory()
        var time = Fx.t0
        func tick() -> Timestamp { time = time.adding(seconds: Int64(1 + Int.random(in: 0...120, using: &rng))); return time }

        let roles: [Role] = [.clerk, .clerk, .supervisor]
        for n in 0..<rng.int(1...3) {
            let role = roles[n]
            let pin = (0..<max(PinPolicy.standard.minimum(for: role), 6)).map { _ in String(rng.int(1...9)) }.joined()
            history.users.append((User(code: "\(role == .clerk ? 1 : 2)00\(n + 1)", name: "User \(n)", role: role), pin))
        }
        history.items = (0..<rng.int(1...4)).map { n in
            CatalogItem(sku: "SKU\(n)", barcodes: rng.chance(50) ? ["69\(n)000"] : [], name: "Item \(n)",
                        price: Fx.money(Int64(rng.int(1...50_000))), taxClassID: tax.id)
        }
        let clerks = history.users.map(\.0)

        var sequence: [String: Int64] = [:]
        var sales: [String: [SaleRecord]] = [:]
        func next(_ kind: DocumentKind, _ till: String) -> Int64 {
            let key = "\(kind)\(till)"
            sequence[key, default: 0] += 1
            return sequence[key] ?? 1
        }
        for till in history.tills {
            let shift = ShiftRecord(number: next(.shift, till), till: till, openedAt: tick(), openedBy: clerks[0], openingFloat: Fx.money(20_000))
            history.steps.append(Step(at: shift.openedAt, kind: .record(.shiftOpened(shift))))
        }
        for _ in 0..<rng.int(4...14) {
            let till = history.tills[rng.int(0...1)]
            let clerk = clerks[rng.int(0...(clerks.count - 1))]
            let at = tick()
            var made: JournalRecord
            switch rng.int(0...9) {
            case 0...4, _ where sales[till, default: []].isEmpty:
                let lines = (0..<rng.int(1...3)).map { n -> SaleLine in
                    let item = history.items[rng.int(0...(history.items.count - 1))]
                    var priced = item
                    priced.price = Fx.money(Int64(rng.int(1...50_000)))
                    return SaleLine(lineNo: n + 1, item: priced, quantity: .each(Int64(rng.int(1...3))), taxClass: tax, barcode: nil)
                }
                var sale = Fx.saleRecord(1, lines: lines, clerk: clerk, at: at)
                sale.till = till
                sale.receipt = DocumentNumber(kind: .sale, till: till, sequence: next(.sale, till)).description
                sales[till, default: []].append(sale)
                made = .sale(sale, Fx.slip(.sale, sale.receipt))
            case 5...7:
                guard let sale = sales[till, default: []].randomElement(using: &rng),
                      let line = sale.lines.randomElement(using: &rng) else { continue }
                // Sometimes more than was sold: the store must refuse it and write nothing.
                let each = Int64(rng.int(1...4))
                var refund = Fx.refundRecord(1, of: sale, lines: [(line.lineNo, each)], clerk: clerk)
                refund.till = till
                refund.at = at
                refund.number = DocumentNumber(kind: .refund, till: till, sequence: (sequence["\(DocumentKind.refund)\(till)"] ?? 0) + 1).description
                made = .refund(refund, Fx.slip(.refund, refund.number))
            case 8:
                guard let sale = sales[till, default: []].randomElement(using: &rng) else { continue }
                var void = Fx.void(1, of: sale)
                guard case .postVoid(var record, _) = void else { continue }
                record.till = till
                record.at = at
                record.number = DocumentNumber(kind: .postVoid, till: till, sequence: (sequence["\(DocumentKind.postVoid)\(till)"] ?? 0) + 1).description
                void = .postVoid(record, Fx.slip(.postVoid, record.number))
                made = void
            default:
                // A document number used again: always refused.
                guard let sale = sales[till, default: []].randomElement(using: &rng) else { continue }
                var again = sale
                again.at = at
                made = .sale(again, Fx.slip(.sale, again.receipt))
            }
            history.steps.append(Step(at: at, kind: .record(made)))
            if let reference = made.reference, rng.chance(70) {
                let when = tick()
                let state: PrintState = switch rng.int(0...3) {
                case 0: .printed(at: when)
                case 1: .failed(cause: failures[rng.int(0...(failures.count - 1))], at: when)
                case 2: .unknown(cause: failures[rng.int(0...(failures.count - 1))], at: when)
                default: .notRequested(at: when)
                }
                history.steps.append(Step(at: when, kind: .printState(reference: reference, state)))
            }
        }
        history.end = tick()
        return history
    }
}
