import Foundation
import Testing
@testable import TillCore
@testable import TillRuntime

/// However the units of a sale are refunded (at any of 2–3 tills, in any order, in parts), the
/// refunds of each amount (line price, line tax, each tender) never exceed what was paid, and
/// once every unit is back they add up to exactly what was paid: the last unit's refund is the
/// remainder of every refund anywhere, at the selling till too. Generated sales (several lines,
/// prices and tax rates that round, split tenders) and refund sequences through the real runtime
/// and the central peer that makes the PostgreSQL store's check (`MemoryCentralJournal`).
@Suite struct LastUnitAnywhereTests {
    /// Prices and rates chosen so that a unit's share of a line's tax rarely divides evenly.
    static let items: [(CatalogItem, TaxClass)] = [
        (CatalogItem(sku: "ODD1", barcodes: [], name: "Odd mug", price: Money(minor: 1733, currency: .cny), taxClassID: "VAT13"), TestTill.vat13),
        (CatalogItem(sku: "ODD2", barcodes: [], name: "Odd pen", price: Money(minor: 333, currency: .cny), taxClassID: "ST8"), TestTill.salesTax),
        (CatalogItem(sku: "ODD3", barcodes: [], name: "Odd tea", price: Money(minor: 2999, currency: .cny), taxClassID: "VAT9"),
         TaxClass(id: "VAT9", name: "VAT 9%", rateBasisPoints: 900, inclusive: true)),
        (CatalogItem(sku: "ODD4", barcodes: [], name: "Odd cup", price: Money(minor: 1001, currency: .cny), taxClassID: "VAT6"),
         TaxClass(id: "VAT6", name: "VAT 6%", rateBasisPoints: 600, inclusive: true)),
    ]

    static func till(_ id: String, _ central: MemoryCentralJournal) -> TestTill {
        var config = CrossTillRefundTests.config(till: id)
        // The clerk limits are not under test here: no refund should wait for a supervisor.
        config.policy.refund.perRefundLimitMinor = 100_000_000
        config.policy.refund.clerkShiftLimitMinor = 100_000_000
        let made = TestTill(config: config)
        made.runtime.central = CentralCaller(journal: central, timeout: .seconds(5))
        for (item, tax) in items { made.add(item, tax: tax) }
        made.signInAndOpenShift()
        return made
    }

    @Test func everyUnitRefundedAnywhereGivesBackExactlyWhatWasPaid() throws {
        var random = SeededRandom.fromEnvironment()
        let context = "seed \(random.seed) (re-run: TILL_TEST_SEED=\(random.seed))"
        print("last unit anywhere: \(context)")
        let central = MemoryCentralJournal()
        let tills = ["01", "02", "03"].map { Self.till($0, central) }
        for round in 0..<12 {
            let seller = tills[0]
            for _ in 0..<random.int(in: 1...3) {
                seller.send(.codeEntered(random.pick(Self.items).0.sku, quantity: .each(Int64(random.int(in: 1...5)))))
            }
            if random.int(in: 0...1) == 1 {
                // Split: part on a card, the rest in cash.
                seller.send(.tendered(.card, amount: seller.cny(Int64(random.int(in: 1...900))), reference: "CARD-\(round)"))
            }
            seller.send(.tendered(.cash, amount: nil, reference: nil))
            guard case .sale(let sale, _)? = seller.records.last(where: { if case .sale = $0 { true } else { false } }),
                  !central.contents.withLock({ c in c.sales.values.contains { $0.sale.receipt == sale.receipt } }) else {
                Issue.record("\(context), round \(round): no sale: \(seller.refusals)"); return
            }
            central.add(sale)
            let usedTills = tills.prefix(random.int(in: 2...3))
            var left = Dictionary(uniqueKeysWithValues: sale.lines.filter { !$0.voided }.map { ($0.lineNo, $0.quantity.thousandths / 1000) })
            var steps: [String] = []
            while let lineNo = left.filter({ $0.value > 0 }).keys.sorted().randomElement(using: &random) {
                let till = random.pick(Array(usedTills))
                let before = till.refunds.count
                till.startRefund(sale.receiptCode)
                // One or two lines per refund, a random part of what is left of each.
                var asked: [Int: Int64] = [lineNo: Int64(random.int(in: 1...Int(left[lineNo] ?? 1)))]
                if let other = left.filter({ $0.value > 0 && $0.key != lineNo }).keys.sorted().first, random.int(in: 0...1) == 1 {
                    asked[other] = Int64(random.int(in: 1...Int(left[other] ?? 1)))
                }
                for (line, quantity) in asked.sorted(by: { $0.key < $1.key }) {
                    till.send(.refundQuantitySet(line: line, .each(quantity)))
                }
                till.send(.reasonChosen(code: "DAMAGED"))
                till.send(.confirmed)
                steps.append("till \(till.state.config.till): \(asked.sorted { $0.key < $1.key })")
                guard till.refunds.count == before + 1 else {
                    Issue.record("\(context), round \(round): \(sale.receipt) refund refused after \(steps): \(till.refusals.last.map { $0.message(.en) } ?? "none")")
                    till.send(.cancelled)
                    return
                }
                for (line, quantity) in asked { left[line, default: 0] -= quantity }
                if let problem = Self.ledgerProblem(sale, central.refunds.map(\.reservation.refund), complete: false) {
                    Issue.record("\(context), round \(round): after \(steps): \(problem)"); return
                }
            }
            if let problem = Self.ledgerProblem(sale, central.refunds.map(\.reservation.refund), complete: true) {
                Issue.record("\(context), round \(round): after \(steps): \(problem)")
            }
        }
    }

    /// The ledger recomputed from the records alone (not the core's ledger type): per line the
    /// amounts and taxes given back, per tender kind the money paid back, never more than was
    /// paid; with `complete`, exactly what was paid.
    static func ledgerProblem(_ sale: SaleRecord, _ all: [RefundRecord], complete: Bool) -> String? {
        let refunds = all.filter { $0.originalReceipt == sale.receipt }
        func off(_ back: Money, _ paid: Money) -> Bool { complete ? back != paid : back > paid }
        for line in sale.lines where !line.voided {
            let parts = refunds.flatMap(\.lines).filter { $0.originalLineNo == line.lineNo }
            let amount = parts.map(\.amount).sum(.cny), tax = parts.map(\.tax).sum(.cny)
            if off(amount, line.tax.gross) { return "line \(line.lineNo): \(amount.plain) given back of \(line.tax.gross.plain) paid" }
            if off(tax, line.tax.tax) { return "line \(line.lineNo): tax \(tax.plain) given back of \(line.tax.tax.plain)" }
        }
        for kind in [TenderKind.cash, .card] {
            let sold = sale.tenders.filter { $0.kind == kind }.map(\.amount).sum(.cny)
            let change = kind == .cash ? sale.tenders.map(\.amount).sum(.cny) - sale.total : .zero(.cny)
            let back = refunds.flatMap(\.tenders).filter { $0.kind == kind }.map(\.amount).sum(.cny)
            if off(back, sold - change) { return "\(kind): \(back.plain) paid back of \((sold - change).plain) taken" }
        }
        return nil
    }
}

extension SeededRandom: RandomNumberGenerator {}
