import TillCore
import TillJournal

/// What the store must hold after a history, kept the simplest way: the reference the store's
/// answers are compared with.
struct ContractModel {
    var sales: [String: SaleRecord] = [:]
    var refundsOf: [String: [String]] = [:]
    var refundedEach: [String: Int64] = [:]  // "receipt#line" -> thousandths refunded
    var voided: Set<String> = []
    var refunds: [RefundRecord] = []
    var openShift: [String: Int64] = [:]
    var highest: [String: Int64] = [:]       // "kind till" -> highest sequence used
    var slips: [String: PrintState] = [:]
    var slipOrder: [(reference: String, till: String)] = []
    var lowestPrice: [String: Int64] = [:]

    /// Whether the rules that protect money let `record` in.
    func accepts(_ record: JournalRecord) -> Bool {
        if let reference = record.reference, let number = DocumentNumber(parsing: reference),
           (highest["\(number.kind) \(number.till)"] ?? 0) >= number.sequence,
           sales[reference] != nil || slips[reference] != nil || number.kind == .shift { return false }
        switch record {
        case .sale: return true
        case .refund(let refund, _):
            guard let receipt = refund.originalReceipt, let sale = sales[receipt], !voided.contains(receipt) else { return false }
            return refund.lines.allSatisfy { line in
                guard let sold = sale.lines.first(where: { $0.lineNo == line.originalLineNo }) else { return false }
                return refundedEach["\(receipt)#\(line.originalLineNo)", default: 0] + line.quantity.thousandths <= sold.quantity.thousandths
            }
        case .postVoid(let void, _):
            return sales[void.originalReceipt] != nil && !voided.contains(void.originalReceipt)
                && refundsOf[void.originalReceipt, default: []].isEmpty
        case .shiftOpened(let shift): return openShift[shift.till] == nil
        case .zReport, .event: return true
        }
    }

    mutating func apply(_ record: JournalRecord) {
        if let reference = record.reference, let number = DocumentNumber(parsing: reference) {
            highest["\(number.kind) \(number.till)"] = max(highest["\(number.kind) \(number.till)"] ?? 0, number.sequence)
        }
        if let slip = record.slip, let till = record.till {
            slips[slip.reference] = .pending
            slipOrder.append((slip.reference, till))
        }
        switch record {
        case .sale(let sale, _):
            sales[sale.receipt] = sale
            for line in sale.lines {
                lowestPrice[line.sku] = min(lowestPrice[line.sku] ?? .max, line.unitPrice.minor)
            }
        case .refund(let refund, _):
            refunds.append(refund)
            guard let receipt = refund.originalReceipt else { return }
            refundsOf[receipt, default: []].append(refund.number)
            for line in refund.lines {
                refundedEach["\(receipt)#\(line.originalLineNo)", default: 0] += line.quantity.thousandths
            }
        case .postVoid(let void, _):
            voided.insert(void.originalReceipt)
            // A voided sale's prices no longer count as sold.
            lowestPrice = [:]
            for sale in sales.values where !voided.contains(sale.receipt) {
                for line in sale.lines { lowestPrice[line.sku] = min(lowestPrice[line.sku] ?? .max, line.unitPrice.minor) }
            }
        case .shiftOpened(let shift): openShift[shift.till] = shift.number
        case .zReport, .event: break
        }
    }

    func sequences(_ till: String) -> DocumentSequences {
        func next(_ kind: DocumentKind) -> Int64 { (highest["\(kind) \(till)"] ?? 0) + 1 }
        return DocumentSequences(nextSale: next(.sale), nextRefund: next(.refund), nextVoid: next(.postVoid),
                                 nextZ: next(.zReport), nextShift: next(.shift))
    }

    func unprinted(_ till: String) -> [String] {
        slipOrder.filter { $0.till == till }.map(\.reference).filter { reference in
            switch slips[reference] {
            case .printed?, .notRequested?: false
            default: true
            }
        }
    }

    func refundedPairs(_ till: String) -> [(Int64, String)] {
        Array(Set(refunds.filter { $0.till == till }.map { "\($0.shift) \($0.clerk.code)" })).sorted().compactMap { key in
            let parts = key.split(separator: " ")
            guard parts.count == 2, let shift = Int64(parts[0]) else { return nil }
            return (shift, String(parts[1]))
        } + [(1, "0000")]
    }

    func refunded(clerk: String, shift: Int64, till: String) -> Int64 {
        refunds.filter { $0.till == till && $0.shift == shift && $0.clerk.code == clerk }.map(\.total.minor).reduce(0, +)
    }
}

extension JournalRecord {
    var till: String? {
        switch self {
        case .sale(let s, _): s.till
        case .refund(let r, _): r.till
        case .postVoid(let v, _): v.till
        case .shiftOpened(let s): s.till
        case .zReport(let z, _): z.totals.shift.till
        case .event: nil
        }
    }
}
