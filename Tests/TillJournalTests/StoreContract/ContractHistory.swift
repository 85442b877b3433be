import Foundation
import TillCore
@testable import TillJournal

typealias ContractRandom = StateProjectionPropertyTests.Seeded

extension ContractRandom {
    init(seed: UInt64) { self.init(state: seed) }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ list: [T]) -> T? { list.isEmpty ? nil : list[int(0...(list.count - 1))] }
}

/// A generated history for the store contract: what happens, in order, at two tills. Besides
/// sales, refunds and voids: credit notes issued by refunds and tendered (within, beyond and
/// twice beyond what is left, split over two tenders, unknown), price overrides and discounts
/// with and without an approver who may approve them (sometimes on another line than the one
/// changed), X and Z reports by roles with and without the permission (with an approval entry
/// for exactly that report, for another, or none), parked and recalled sales (recalled twice,
/// numbers reused), drawer opens with and without the permission and the free one owed after a
/// cash refund (by its clerk or another, once or twice). Roughly half of each is refused.
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
    /// Every credit note number the history names, issued or not (the contract reads each back).
    var noteNumbers: Set<String> = []

    static let failures: [PrintFailure] = [
        .paperOut, .coverOpen, .cutterJammed, .printerError, .offline, .noAnswer, .unreachable("no device"),
        .linkLost("broken pipe: x"), .stoppedAnswering, .notConfirmed(seconds: 12), .cannotConfirm(printer: "TM-T20"),
        .notEnabled, .cannotEncode("GB18030"), .cannotWrite("/tmp/x: denied"), .stateNotSaved, .other("jam, 2 mm"),
    ]

    /// Someone the store's user table never lists.
    static let stranger = User(code: "1999", name: "Nobody", role: .supervisor)

    static func generate(_ rng: inout ContractRandom) -> ContractHistory {
        var maker = ContractMaker(rng: rng)
        maker.make()
        rng = maker.rng
        return maker.history
    }

    /// What an approval entry says for a report of `kind` of shift `shift` (`PendingApproval.auditDetail`).
    static func reportApprovalDetail(_ kind: ReportKind, shift: Int64) -> String {
        "\(ApprovalReason.lackingPermission(kind.permission).kind) report=\(kind.rawValue) shift=\(shift) net=0.00 expected=0.00"
    }
}

/// Builds one history step by step.
struct ContractMaker {
    var rng: ContractRandom
    var history = ContractHistory()
    var time = Fx.t0
    var sequence: [String: Int64] = [:]
    /// Sales paid in cash without discounts, which refunds and voids pick from (their ledger is then plain).
    var refundable: [String: [SaleRecord]] = [:]
    var sales: [String: [SaleRecord]] = [:]
    var shifts: [String: ShiftRecord] = [:]
    var notes: [String: Int64] = [:]          // number -> what its refund issued (if the store keeps it)
    var cashRefunds: [(number: String, clerk: String)] = []
    var parkReferences: [String: [String]] = [:]

    init(rng: ContractRandom) { self.rng = rng }

    mutating func tick() -> Timestamp { time = time.adding(seconds: Int64(1 + rng.int(0...120))); return time }

    mutating func next(_ kind: DocumentKind, _ till: String) -> Int64 {
        let key = "\(kind)\(till)"
        sequence[key, default: 0] += 1
        return sequence[key] ?? 1
    }

    func upcoming(_ kind: DocumentKind, _ till: String) -> Int64 { (sequence["\(kind)\(till)"] ?? 0) + 1 }

    var people: [User] { history.users.map(\.0) }

    /// Mostly someone the store knows; sometimes a stranger.
    mutating func anyone() -> User { rng.chance(10) ? ContractHistory.stranger : rng.pick(people) ?? ContractHistory.stranger }

    mutating func make() {
        let codes = ["1001"] + (rng.chance(50) ? ["1002"] : []) + (rng.chance(70) ? ["2003"] : [])
        for code in codes {
            let role: Role = code.hasPrefix("2") ? .supervisor : .clerk
            let pin = (0..<max(PinPolicy.standard.minimum(for: role), 6)).map { _ in String(rng.int(1...9)) }.joined()
            history.users.append((User(code: code, name: "User \(code)", role: role), pin))
        }
        history.items = (0..<rng.int(1...4)).map { n in
            CatalogItem(sku: "SKU\(n)", barcodes: rng.chance(50) ? ["69\(n)000"] : [], name: "Item \(n)",
                        price: Fx.money(Int64(rng.int(1...50_000))), taxClassID: ContractHistory.tax.id)
        }
        for till in history.tills {
            let shift = ShiftRecord(number: next(.shift, till), till: till, openedAt: tick(), openedBy: people[0], openingFloat: Fx.money(20_000))
            shifts[till] = shift
            history.steps.append(.init(at: shift.openedAt, kind: .record(.shiftOpened(shift))))
        }
        for _ in 0..<rng.int(6...20) {
            let till = history.tills[rng.int(0...1)]
            let at = tick()
            guard let made = step(till: till, at: at) else { continue }
            history.steps.append(.init(at: at, kind: .record(made)))
            if let reference = made.reference, made.slip != nil, rng.chance(70) {
                let when = tick()
                let failure = ContractHistory.failures[rng.int(0...(ContractHistory.failures.count - 1))]
                let state: PrintState = switch rng.int(0...3) {
                case 0: .printed(at: when)
                case 1: .failed(cause: failure, at: when)
                case 2: .unknown(cause: failure, at: when)
                default: .notRequested(at: when)
                }
                history.steps.append(.init(at: when, kind: .printState(reference: reference, state)))
            }
        }
        history.end = tick()
    }

    mutating func step(till: String, at: Timestamp) -> JournalRecord? {
        let clerk = rng.pick(people) ?? ContractHistory.stranger
        switch rng.int(0...22) {
        case 16...18: return park(till: till, at: at)
        case 0...5, _ where refundable[till, default: []].isEmpty: return sale(till: till, clerk: clerk, at: at)
        case 6...8: return refund(till: till, clerk: clerk, at: at)
        case 9: return void(till: till, at: at)
        case 10:
            // A document number used again: always refused.
            guard var again = rng.pick(sales[till, default: []]) else { return nil }
            again.at = at
            return .sale(again, Fx.slip(.sale, again.receipt))
        case 11...12: return redemption(till: till, clerk: clerk, at: at)
        case 13: return xReport(till: till, at: at)
        case 14: return zReport(till: till, at: at)
        case 15: return reportApproval(till: till, at: at)
        case 19...20: return drawerOpen(at: at)
        default: return sale(till: till, clerk: clerk, at: at, changePrices: true)
        }
    }

    mutating func lines(changePrices: Bool) -> [SaleLine] {
        (0..<rng.int(1...3)).map { n -> SaleLine in
            let item = history.items[rng.int(0...(history.items.count - 1))]
            var priced = item
            priced.price = Fx.money(Int64(rng.int(1...50_000)))
            var line = SaleLine(lineNo: n + 1, item: priced, quantity: .each(Int64(rng.int(1...3))), taxClass: ContractHistory.tax, barcode: nil)
            guard changePrices, rng.chance(60) else { return line }
            if rng.chance(50) {
                // An override, within the clerk's threshold or far beyond it.
                line.originalUnitPrice = line.unitPrice
                let moved = Int64(rng.chance(50) ? rng.int(1...600) : rng.int(2_001...9_000))
                line.unitPrice = Fx.money(max(0, line.unitPrice.minor - moved))
            } else {
                line.discount = Fx.money(min(line.extendedAmount.minor, Int64(rng.chance(50) ? rng.int(1...2_000) : rng.int(2_001...9_000))))
            }
            return line
        }
    }

    mutating func sale(till: String, clerk: User, at: Timestamp, changePrices: Bool = false) -> JournalRecord {
        var lines = lines(changePrices: changePrices)
        if changePrices, rng.chance(50), let approver = rng.pick(people + [ContractHistory.stranger]) {
            // Approved by someone: on a changed line, or on another one (which covers nothing of the first).
            let i = rng.int(0...(lines.count - 1))
            lines[i].approvedBy = approver.code
        }
        var sale = Fx.saleRecord(1, lines: lines, clerk: clerk, at: at)
        sale.till = till
        sale.shift = shifts[till]?.number ?? 1
        sale.receipt = DocumentNumber(kind: .sale, till: till, sequence: next(.sale, till)).description
        sales[till, default: []].append(sale)
        if !lines.contains(where: { $0.discount.minor != 0 }) { refundable[till, default: []].append(sale) }
        return .sale(sale, Fx.slip(.sale, sale.receipt))
    }

    mutating func refund(till: String, clerk: User, at: Timestamp) -> JournalRecord? {
        guard let sale = rng.pick(refundable[till, default: []]), let line = rng.pick(sale.lines) else { return nil }
        // Sometimes more than was sold: the store must refuse it and write nothing.
        let each = Int64(rng.int(1...4))
        var refund = Fx.refundRecord(1, of: sale, lines: [(line.lineNo, each)], clerk: clerk)
        refund.till = till
        refund.at = at
        refund.shift = shifts[till]?.number ?? 1
        refund.number = DocumentNumber(kind: .refund, till: till, sequence: upcoming(.refund, till)).description
        if rng.chance(35) {
            // To store credit: the till's next new note, or (refused) one out of sequence.
            let highest = notes.keys.compactMap { number -> Int64? in
                guard case .note(let note) = CreditNoteNumber.parse(number), note.till == till else { return nil }
                return note.sequence
            }.max() ?? 0
            let number = CreditNoteNumber(till: till, sequence: highest + (rng.chance(85) ? 1 : 2)).description
            refund.tenders[0] = Tender(kind: .storeCredit, amount: refund.tenders[0].amount, reference: number)
            notes[number] = refund.total.minor
            history.noteNumbers.insert(number)
        } else {
            cashRefunds.append((refund.number, clerk.code))
        }
        return .refund(refund, Fx.slip(.refund, refund.number))
    }

    mutating func void(till: String, at: Timestamp) -> JournalRecord? {
        guard let sale = rng.pick(refundable[till, default: []]) else { return nil }
        guard case .postVoid(var record, _) = Fx.void(1, of: sale) else { return nil }
        record.till = till
        record.at = at
        record.number = DocumentNumber(kind: .postVoid, till: till, sequence: upcoming(.postVoid, till)).description
        return .postVoid(record, Fx.slip(.postVoid, record.number))
    }

    /// A sale paid partly with a credit note: within what is left, beyond it, split over two
    /// tenders on the same note, or on a note never issued.
    mutating func redemption(till: String, clerk: User, at: Timestamp) -> JournalRecord {
        let known = notes.sorted { $0.key < $1.key }
        let unknown = CreditNoteNumber(till: till, sequence: 900).description
        let (number, issued) = rng.chance(85) ? rng.pick(known) ?? (unknown, 500) : (unknown, 500)
        history.noteNumbers.insert(number)
        let asked = Int64(rng.chance(60) ? rng.int(1...Int(max(1, issued))) : rng.int(Int(issued)...Int(issued) + 3_000))
        let item = history.items[rng.int(0...(history.items.count - 1))]
        var priced = item
        priced.price = Fx.money(asked + Int64(rng.int(0...3_000)))
        let line = SaleLine(lineNo: 1, item: priced, quantity: .each(1), taxClass: ContractHistory.tax, barcode: nil)
        let gross = line.amount
        var tenders: [Tender]
        if rng.chance(30), asked >= 2 {
            let first = asked / 2
            tenders = [Tender(kind: .storeCredit, amount: Fx.money(first), reference: number),
                       Tender(kind: .storeCredit, amount: Fx.money(asked - first), reference: number)]
        } else {
            tenders = [Tender(kind: .storeCredit, amount: Fx.money(asked), reference: number)]
        }
        if gross.minor > asked { tenders.append(Tender(kind: .cash, amount: Fx.money(gross.minor - asked))) }
        var sale = Fx.saleRecord(1, lines: [line], tenders: tenders, clerk: clerk, at: at)
        sale.till = till
        sale.shift = shifts[till]?.number ?? 1
        sale.receipt = DocumentNumber(kind: .sale, till: till, sequence: next(.sale, till)).description
        sales[till, default: []].append(sale)
        return .sale(sale, Fx.slip(.sale, sale.receipt))
    }

    mutating func xReport(till: String, at: Timestamp) -> JournalRecord {
        let signer = anyone()
        let approver = rng.chance(50) ? anyone().code : nil
        return .event(AuditEvent(kind: .xReportPrinted, at: at, user: signer.code, approver: approver,
                                 reference: "X-\(shifts[till]?.number ?? 1)"))
    }

    mutating func zReport(till: String, at: Timestamp) -> JournalRecord? {
        guard let shift = shifts[till] else { return nil }
        var signer = anyone()
        // What the record claims of its signer's role counts for nothing when the store knows them.
        if rng.chance(30) { signer.role = .supervisor }
        let approver = rng.chance(50) ? anyone() : nil
        let zero = Fx.money(0)
        let totals = ShiftTotals(shift: shift, sales: CountedAmount(count: 0, amount: zero), salesTax: zero,
                                 refunds: CountedAmount(count: 0, amount: zero), voids: CountedAmount(count: 0, amount: zero),
                                 tenders: [], clerks: [])
        let number = DocumentNumber(kind: .zReport, till: till, sequence: next(.zReport, till)).description
        let record = ZReportRecord(number: number, at: at, by: signer, totals: totals, approver: approver)
        return .zReport(record, Fx.slip(.zReport, number))
    }

    /// A supervisor's approval entry for a clerk's X or Z report: of this till's shift, or of another one.
    mutating func reportApproval(till: String, at: Timestamp) -> JournalRecord {
        let clerk = anyone(), approver = anyone()
        let kind: ReportKind = rng.chance(50) ? .x : .z
        let shift = (shifts[till]?.number ?? 1) + (rng.chance(80) ? 0 : 1)
        return .event(AuditEvent(kind: .approvalGranted, at: at, user: clerk.code, approver: approver.code,
                                 detail: ContractHistory.reportApprovalDetail(kind, shift: shift)))
    }

    mutating func park(till: String, at: Timestamp) -> JournalRecord {
        let clerk = rng.pick(people) ?? ContractHistory.stranger
        let used = parkReferences[till, default: []]
        if rng.chance(55), let reference = rng.pick(parkReferences.values.flatMap { $0 }.sorted()) {
            // A recall (at either till): of a sale waiting, or (refused) of one recalled already.
            return .event(AuditEvent(kind: .saleRecalled, at: at, user: clerk.code, reference: reference))
        }
        // A new number, or (refused) one used already.
        let reference = rng.chance(85) || used.isEmpty ? ParkedSale.reference(till: till, sequence: Int64(used.count + 1)) : rng.pick(used)!
        if !used.contains(reference) { parkReferences[till, default: []].append(reference) }
        var draft = SaleDraft(startedAt: at, currency: .cny)
        draft.lines = lines(changePrices: false)
        return .event(AuditEvent(kind: .saleParked, at: at, user: clerk.code, reference: reference, sale: draft))
    }

    mutating func drawerOpen(at: Timestamp) -> JournalRecord {
        if rng.chance(50), let refund = rng.pick(cashRefunds) {
            // The free open after an unprinted cash refund: by its clerk or another, once or again.
            let user = rng.chance(75) ? refund.clerk : anyone().code
            return .event(AuditEvent(kind: .drawerOpened, at: at, user: user, reference: refund.number, detail: OwedDrawerOpen.auditDetail))
        }
        let user = anyone()
        let approver = rng.chance(40) ? anyone().code : nil
        return .event(AuditEvent(kind: .drawerOpened, at: at, user: user.code, approver: approver, reference: nil, detail: nil))
    }
}
