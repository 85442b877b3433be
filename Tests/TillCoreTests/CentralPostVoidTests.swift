import Foundation
import Testing
@testable import TillCore
@testable import TillRuntime

/// A post-void at the till that made the sale, with a central journal: its own journal knows
/// only its own refunds, so the void is reserved centrally first (a refund of everything left,
/// under the sale's lock). Generated orders of a void at till 01 and refunds at till 02: the
/// customer never gets back more than was paid — the void goes through only when nothing was
/// refunded anywhere, and whichever comes second is refused naming the first.
@Suite struct CentralPostVoidTests {
    func voids(_ till: TestTill) -> [VoidRecord] {
        till.records.compactMap { if case .postVoid(let v, _) = $0 { return v } else { return nil } }
    }

    func postVoid(_ till: TestTill, _ receipt: String) {
        till.send(.postVoidStarted)
        till.send(.receiptEntered(receipt))
        till.send(.reasonChosen(code: "MISTAKE"))
        till.send(.confirmed)
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
    }

    @Test func aVoidAndARefundElsewhereNeverBothPayOut() throws {
        var random = SeededRandom.fromEnvironment()
        for _ in 0..<8 {
            let central = MemoryCentralJournal()
            let (one, sale) = CrossTillRefundTests.saleAtTill01(central)
            let two = CrossTillRefundTests.till("02", central)
            two.signInAndOpenShift()
            let refundFirst = random.int(in: 0...1) == 0
            let quantity = Quantity.each(Int64(random.int(in: 1...3)))
            let refund = {
                two.startRefund(sale.receipt)
                two.send(.refundQuantitySet(line: 1, quantity))
                two.send(.reasonChosen(code: "DAMAGED"))
                two.send(.confirmed)
            }
            if refundFirst {
                refund()
                try #require(two.lastRefund != nil, "seed \(random.seed): \(two.refusals)")
                postVoid(one, sale.receipt)
                #expect(voids(one).isEmpty, "seed \(random.seed): voided a sale refunded at till 02")
                // Refused either as the receipt is entered (its look-up brings till 02's refund, as every
                // refund of an own sale is planned with the central journal's), or by the reservation.
                switch one.refusals.first {
                case .postVoidNotAllowed(let receipt, .hasRefunds)?:
                    #expect(receipt == sale.receipt, "seed \(random.seed)")
                case .central(.reservation(_, _, .alreadyReturned(let conflict), _))?:
                    #expect(conflict.till == "02" && conflict.refund == "R02-000001", "seed \(random.seed)")
                default:
                    Issue.record("seed \(random.seed): \(one.refusals)"); continue
                }
                #expect(one.state.crossTill.request == nil && one.state.crossTill.pendingVoid == nil)
            } else {
                postVoid(one, sale.receipt)
                let void = try #require(voids(one).first, "seed \(random.seed): \(one.refusals)")
                #expect(void.total == sale.total)
                refund()
                #expect(two.refunds.isEmpty, "seed \(random.seed): refunded a voided sale")
                // Looked up, the void's reservation takes everything: nothing is left to refund.
                #expect(two.refusals.first == .alreadyFullyRefunded(receipt: sale.receipt), "seed \(random.seed): \(two.refusals)")
                #expect(central.refunds.map(\.reservation.refund.number) == [void.number], "seed \(random.seed)")
            }
        }
    }

    /// The central journal cannot be reached: the void is refused with that reason, nothing is
    /// recorded, and it goes through once the link is back.
    @Test func aVoidThatCannotBeCheckedCentrallyIsRefusedByName() throws {
        let central = MemoryCentralJournal()
        let (one, sale) = CrossTillRefundTests.saleAtTill01(central)
        central.reachable = false
        postVoid(one, sale.receipt)
        #expect(voids(one).isEmpty)
        guard case .central(.reservation(_, _, .unreachable, _))? = one.lastRefusal else { Issue.record("\(one.refusals)"); return }
        central.reachable = true
        one.send(.confirmed)
        one.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(voids(one).count == 1, "\(one.refusals)")
    }
}
