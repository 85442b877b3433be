import Foundation
import Testing
@testable import TillCore
@testable import TillRuntime

/// A central database anyone can write to (psql, a restored backup, a broken till) answers a
/// look-up with a damaged sale: generated damage of every kind reaches a till through the real
/// runtime. The till never traps, never plans a refund on it, is not left waiting, and names
/// the damage in English and Chinese (`central_answer_damaged`).
@Suite struct HostileCentralAnswerTests {
    /// The MemoryCentralJournal's answers, passed through `tamper` on the way to the till.
    final class TamperingCentralJournal: CentralJournal {
        let inner: MemoryCentralJournal
        let tamper: @Sendable (CentralSale) -> CentralSale
        init(_ inner: MemoryCentralJournal, tamper: @escaping @Sendable (CentralSale) -> CentralSale) {
            self.inner = inner
            self.tamper = tamper
        }
        func sale(_ key: DocumentKey) async -> Result<CentralSale, CrossTillFailure> { (await inner.sale(key)).map(tamper) }
        func reserve(_ r: RefundReservation) async -> Result<Void, CrossTillFailure> { await inner.reserve(r) }
        func release(_ r: RefundReservation) async -> Result<Void, CrossTillFailure> { await inner.release(r) }
        func confirm(_ r: RefundReservation) async -> Result<Void, CrossTillFailure> { await inner.confirm(r) }
        func reconcile(_ r: RefundReservation) async -> Result<ReturnConflict?, CrossTillFailure> { await inner.reconcile(r) }
        func conflicts() async -> Result<[RefundConflictReport], CrossTillFailure> { await inner.conflicts() }
        func review(conflict id: Int64, by s: String) async -> Result<RefundConflictReport?, CrossTillFailure> {
            await inner.review(conflict: id, by: s)
        }
    }

    /// One kind of damage, with generated values; `name` is printed with the seed on failure.
    static func damage(_ random: inout SeededRandom) -> (name: String, tamper: @Sendable (CentralSale) -> CentralSale) {
        let huge = random.pick([Int64.max, Int64.min + 1, ValueLimits.maximumAmountMinor + 1 + Int64(random.int(in: 0...1_000_000))])
        let negative = Quantity(thousandths: -Int64(random.int(in: 1...99_999_999)))
        let other = ShopCode(parsing: random.pick(["0002", "0777", "9999"]))!
        let control = random.pick(["\u{1B}[2J", "\u{7}", "\u{0}", "\u{9B}"])
        let rate = random.pick([-10_000, Int64.max, Int64.min, 10_001])
        let tender = -Int64(random.int(in: 1...100_000))
        let eur: @Sendable (Money) -> Money = { Money(minor: $0.minor, currency: .eur) }
        let kinds: [(String, @Sendable (CentralSale) -> CentralSale)] = [
            ("unit price \(huge)", { var s = $0; s.sale.lines[0].unitPrice.minor = huge; return s }),
            ("sale line quantity \(negative)", { var s = $0; s.sale.lines[0].quantity = negative; return s }),
            ("tax rate \(rate)", { var s = $0; s.sale.lines[0].taxClass.rateBasisPoints = rate; return s }),
            ("sale in EUR", { var s = $0
                for i in s.sale.lines.indices { s.sale.lines[i].unitPrice = eur(s.sale.lines[i].unitPrice); s.sale.lines[i].discount = eur(s.sale.lines[i].discount) }
                s.sale.totals.gross = eur(s.sale.totals.gross); s.sale.totals.tax = eur(s.sale.totals.tax)
                s.sale.rounding = eur(s.sale.rounding); s.sale.change = eur(s.sale.change)
                for i in s.sale.tenders.indices { s.sale.tenders[i].amount = eur(s.sale.tenders[i].amount); s.sale.tenders[i].received = s.sale.tenders[i].received.map(eur) }
                return s }),
            ("sale of shop \(other)", { var s = $0; s.shop = other; return s }),
            ("control character in an item name", { var s = $0; s.sale.lines[0].name += control; return s }),
            ("refund amount \(huge)", { var s = $0; s.refunds[0].refund.lines[0].amount.minor = huge; return s }),
            ("refund quantity \(negative)", { var s = $0; s.refunds[0].refund.lines[0].quantity = negative; return s }),
            ("refund of another receipt", { var s = $0; s.refunds[0].refund.originalReceipt = "S09-000001"; return s }),
            ("refund of another shop's sale", { var s = $0; s.refunds[0].sale.shop = other; return s }),
            ("refund in EUR", { var s = $0; s.refunds[0].refund.rounding = eur(s.refunds[0].refund.rounding); return s }),
            ("negative refund tender", { var s = $0; s.refunds[0].refund.tenders[0].amount.minor = tender; return s }),
            ("training refund", { var s = $0; s.refunds[0].refund.training = true; return s }),
            ("\(CentralSale.maximumRefunds + 1) refunds", { var s = $0
                s.refunds = Array(repeating: s.refunds[0], count: CentralSale.maximumRefunds + 1); return s }),
        ]
        return random.pick(kinds)
    }

    @Test func aDamagedLookUpAnswerIsRefusedByNameNeverPlannedOn() throws {
        var random = SeededRandom.fromEnvironment()
        for _ in 0..<24 {
            let (name, tamper) = Self.damage(&random)
            let central = MemoryCentralJournal()
            let (_, sale) = CrossTillRefundTests.saleAtTill01(central)
            // One honest refund elsewhere first, so the answer lists a refund to damage.
            let three = CrossTillRefundTests.till("03", central)
            three.signInAndOpenShift("1002")
            three.startRefund(sale.receipt)
            three.send(.refundQuantitySet(line: 1, .one))
            three.send(.reasonChosen(code: "DAMAGED"))
            three.send(.confirmed)
            try #require(three.lastRefund != nil, "seed \(random.seed): \(three.refusals)")

            let two = TestTill(config: CrossTillRefundTests.config(till: "02"))
            two.runtime.central = CentralCaller(journal: TamperingCentralJournal(central, tamper: tamper), timeout: .seconds(5))
            two.signInAndOpenShift()
            two.startRefund(sale.receipt)
            guard case .central(.lookUp(_, _, .damaged, _))? = two.lastRefusal else {
                Issue.record("seed \(random.seed), \(name): \(two.refusals)"); continue
            }
            #expect(two.refundDraft == nil && two.refunds.isEmpty, "seed \(random.seed), \(name)")
            // The question is closed: the till is not left waiting for an answer it already had.
            #expect(two.state.crossTill.request == nil, "seed \(random.seed), \(name)")
            let problem = try #require(two.lastRefusal)
            #expect(problem.code == "central_answer_damaged", "seed \(random.seed), \(name)")
            #expect(problem.message(.en).contains("damaged") && problem.message(.zh).contains("损坏"), "seed \(random.seed), \(name)")
            #expect(!problem.remedy(.en).isEmpty && !problem.remedy(.zh).isEmpty)
        }
    }

    /// The control: the same answer undamaged is loaded, with the honest refund counted.
    @Test func anUndamagedAnswerStillLoads() {
        let central = MemoryCentralJournal()
        let (_, sale) = CrossTillRefundTests.saleAtTill01(central)
        let two = TestTill(config: CrossTillRefundTests.config(till: "02"))
        two.runtime.central = CentralCaller(journal: TamperingCentralJournal(central, tamper: { $0 }), timeout: .seconds(5))
        two.signInAndOpenShift()
        two.startRefund(sale.receipt)
        #expect(two.refundDraft?.source.sale.receipt == sale.receipt, "\(two.refusals)")
    }
}
