import Foundation
import Testing
@testable import TillCore
@testable import TillRuntime

/// Refunds of receipts from another till, through the real runtime and a central journal peer
/// that makes the PostgreSQL store's returnable check (`MemoryCentralJournal`).
@Suite struct CrossTillRefundTests {
    static func config(till: String, offline: OfflineRefundPolicy = OfflineRefundPolicy()) -> RegisterConfig {
        var config = RegisterConfig(till: till)
        config.central = CentralPolicy(configured: true, offlineRefunds: offline)
        return config
    }

    /// Till `till` on the chain's central journal.
    static func till(_ till: String, _ central: MemoryCentralJournal, offline: OfflineRefundPolicy = OfflineRefundPolicy(),
                     timeout: Duration = .seconds(5)) -> TestTill {
        let made = TestTill(config: config(till: till, offline: offline))
        made.runtime.central = CentralCaller(journal: central, timeout: timeout)
        return made
    }

    /// Till 01 sells 3 teas and a mug (and its sale reaches the central journal).
    static func saleAtTill01(_ central: MemoryCentralJournal) -> (TestTill, SaleRecord) {
        let one = till("01", central)
        one.signInAndOpenShift()
        let receipt = one.sell([("TEA", .each(3)), ("MUG", nil)])
        guard let sale = one.sales[receipt] else { return (one, one.sales.values.first!) }
        central.add(sale)
        return (one, sale)
    }

    func refund(_ till: TestTill, _ receiptText: String, line: Int, _ quantity: Quantity) {
        till.startRefund(receiptText)
        till.send(.refundQuantitySet(line: line, quantity))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
    }

    @Test func aTill01ReceiptRefundedAtTill02CountsAgainstTheSaleAtTill01() throws {
        let central = MemoryCentralJournal()
        let (one, sale) = Self.saleAtTill01(central)
        let two = Self.till("02", central)
        two.signInAndOpenShift()
        // Scanned at till 02: found centrally, not "no sale in the journal".
        refund(two, sale.receiptCode, line: 1, .each(2))
        let given = try #require(two.lastRefund, "\(two.refusals)")
        #expect(given.number == "R02-000001" && given.originalReceipt == sale.receipt)
        #expect(two.events.contains(.centralLookupStarted(DocumentKey(shop: .standard, number: DocumentNumber(kind: .sale, till: "01", sequence: 1)))))
        #expect(central.refunds.map(\.reservation.refund.number) == ["R02-000001"])
        // The reservation is confirmed once the till has committed the refund.
        for _ in 0..<500 where central.refunds.first?.confirmed != true { Thread.sleep(forTimeInterval: 0.002) }
        #expect(central.refunds.first?.confirmed == true)
        // Back at till 01, whose own journal knows nothing of it: the sale is loaded with the refunds
        // the central journal holds, so the same two teas again are refused as soon as they are
        // asked for, naming where, by whom and when they were already returned.
        refund(one, sale.receipt, line: 1, .each(2))
        #expect(one.refunds.isEmpty)
        guard case .central(.reservation(_, _, .alreadyReturned(let conflict), _))? = one.refusals.first else {
            Issue.record("expected already returned, got \(one.refusals)"); return
        }
        #expect(conflict.till == "02" && conflict.clerk == "1001" && conflict.refund == "R02-000001" && conflict.remaining == .one)
        #expect(one.refusals.first?.message(.en).contains("already returned at till 02 by clerk 1001") == true)
        // What is left may still be refunded there.
        one.send(.refundQuantitySet(line: 1, .one))
        one.send(.confirmed)
        #expect(one.lastRefund?.lines.map(\.quantity) == [.one], "\(one.refusals)")
    }

    @Test func anotherTillsReceiptWithoutACentralJournalSaysWhereItWasMade() {
        let central = MemoryCentralJournal()
        let (_, sale) = Self.saleAtTill01(central)
        let island = TestTill(config: RegisterConfig(till: "02"))
        island.signInAndOpenShift()
        island.startRefund(sale.receiptCode)
        guard case .central(.notConfigured(let key, _))? = island.lastRefusal else { Issue.record("\(island.refusals)"); return }
        #expect(key.till == "01")
        #expect(island.lastRefusal?.message(.en).contains("made at till 01") == true)
        #expect(island.lastRefusal?.message(.zh).contains("01 号收银台") == true)
    }

    @Test func anUnreachableOrSlowCentralJournalIsNamedWithItsRemedy() {
        let central = MemoryCentralJournal()
        let (_, sale) = Self.saleAtTill01(central)
        central.reachable = false
        let two = Self.till("02", central, timeout: .milliseconds(100))
        two.signInAndOpenShift()
        two.startRefund(sale.receipt.replacingOccurrences(of: "S01", with: "S01"))
        guard case .central(.lookUp(_, _, .unreachable, _))? = two.lastRefusal else { Issue.record("\(two.refusals)"); return }
        #expect(two.lastRefusal?.message(.en).contains("was made at till 01, and the central journal cannot be reached") == true)
        #expect(two.lastRefusal?.remedy(.en).contains("Check the network") == true)
        #expect(two.state.crossTill.request == nil)
        // A server that does not answer: the look-up gives up after the timeout, with that reason.
        central.reachable = true
        central.held = true
        two.send(.receiptEntered(sale.receipt))
        #expect(two.lastRefusal == .central(.lookUp(sale: DocumentKey(shop: .standard, number: DocumentNumber(parsing: sale.receipt)!),
                                                    ownShop: .standard, .timedOut(milliseconds: 100), utcOffsetSeconds: 0)))
        central.held = false
        // And a later try succeeds.
        two.send(.receiptEntered(sale.receipt))
        #expect(two.refundDraft?.source.sale.receipt == sale.receipt, "\(two.refusals)")
    }

    @Test func escWhileLookingUpStopsWaitingAndALateAnswerIsIgnored() {
        let central = MemoryCentralJournal()
        let (_, sale) = Self.saleAtTill01(central)
        let two = Self.till("02", central)
        two.runtime.queuesCentralCalls = true
        two.signInAndOpenShift()
        central.held = true
        two.startRefund(sale.receipt)
        #expect(two.state.crossTill.request != nil)
        // Keys other than Esc are answered "still waiting", and change nothing.
        two.send(.refundQuantitySet(line: 1, .one))
        guard case .central(.stillWaiting)? = two.lastRefusal else { Issue.record("\(two.refusals)"); return }
        two.send(.cancelled)
        #expect(two.state.activity == .idle && two.state.crossTill.request == nil)
        let before = two.state, refusals = two.refusals.count
        central.held = false
        for _ in 0..<500 where two.runtime.central?.hasOpenRequests == true { Thread.sleep(forTimeInterval: 0.002) }
        _ = two.runtime.takeCentralAnswers()
        #expect(two.state == before && two.refusals.count == refusals)
        // The next look-up is answered as usual.
        two.startRefund(sale.receipt)
        for _ in 0..<500 where two.runtime.central?.hasOpenRequests == true { Thread.sleep(forTimeInterval: 0.002) }
        _ = two.runtime.takeCentralAnswers()
        #expect(two.refundDraft?.source.sale.receipt == sale.receipt, "\(two.refusals)")
    }

    /// Two tills load the same sale, then both confirm generated quantities: the central check
    /// lets through only what is left, and the refused one names the refund that took the goods.
    @Test func twoTillsRefundingTheSameLineNeverReturnMoreThanWasSold() {
        var random = SeededRandom.fromEnvironment()
        for _ in 0..<6 {
            let central = MemoryCentralJournal()
            let (one, sale) = Self.saleAtTill01(central)
            let two = Self.till("02", central)
            two.signInAndOpenShift()
            let a = Quantity.each(Int64(random.int(in: 1...3))), b = Quantity.each(Int64(random.int(in: 1...3)))
            for (till, quantity) in [(one, a), (two, b)] {
                till.startRefund(sale.receipt)
                till.send(.refundQuantitySet(line: 1, quantity))
                till.send(.reasonChosen(code: "DAMAGED"))
            }
            let order = random.int(in: 0...1) == 0 ? [one, two] : [two, one]
            for till in order { till.send(.confirmed) }
            let returned = (one.refunds + two.refunds).flatMap(\.lines).filter { $0.originalLineNo == 1 }.map(\.quantity)
            let total = returned.reduce(Quantity.zero, +)
            #expect(total <= .each(3), "seed \(random.seed): \(a) + \(b) returned \(total)")
            #expect(returned.count == (a + b <= .each(3) ? 2 : 1), "seed \(random.seed): \(a), \(b)")
            if a + b > .each(3) {
                let loser = order[1]
                guard case .central(.reservation(_, _, .alreadyReturned(let conflict), _))? = loser.lastRefusal else {
                    Issue.record("seed \(random.seed): \(loser.refusals)"); continue
                }
                #expect(conflict.till == order[0].state.config.till, "seed \(random.seed)")
            }
        }
    }

    @Test func offlineRefundsAreOffByDefaultAndNothingIsWritten() {
        let central = MemoryCentralJournal()
        let (one, sale) = Self.saleAtTill01(central)
        one.startRefund(sale.receipt)
        central.reachable = false
        one.send(.refundQuantitySet(line: 1, .one))
        one.send(.reasonChosen(code: "DAMAGED"))
        one.send(.confirmed)
        #expect(one.refunds.isEmpty)
        guard case .central(.reservation(_, _, .unreachable, _))? = one.lastRefusal else { Issue.record("\(one.refusals)"); return }
        #expect(one.lastRefusal?.message(.en).contains("could not be checked centrally") == true)
    }

    @Test func anOfflineRefundIsApprovedMarkedUnverifiedAndItsConflictReportedWhenTheLinkReturns() async throws {
        let central = MemoryCentralJournal()
        let (_, sale) = Self.saleAtTill01(central)
        let offline = OfflineRefundPolicy(enabled: true, perRefundLimitMinor: 5_000, perShiftLimitMinor: 6_000)
        let two = Self.till("02", central, offline: offline)
        two.signInAndOpenShift()
        // While till 02 is cut off, till 01's clerk refunds two teas with the central check.
        two.startRefund(sale.receipt)
        let three = Self.till("03", central)
        three.signInAndOpenShift("1002")
        refund(three, sale.receipt, line: 1, .each(2))
        #expect(three.lastRefund != nil, "\(three.refusals)")
        central.reachable = false
        two.send(.refundQuantitySet(line: 1, .each(2)))
        two.send(.reasonChosen(code: "DAMAGED"))
        two.send(.confirmed)
        // Cannot be checked: said so, and the policy allows it with a supervisor.
        #expect(two.refusals.contains { if case .central(.reservation(_, _, .unreachable, _)) = $0 { true } else { false } }, "\(two.refusals)")
        #expect(two.events.contains { if case .approvalNeeded(.unverifiedRefund, _) = $0 { true } else { false } }, "\(two.refusals)")
        two.send(.approverPINEntered(code: "2001", pin: "2222"))
        let given = try #require(two.lastRefund, "\(two.refusals)")
        #expect(given.unverified == true && given.approver?.code == "2001")
        let slip = PlainTextSlipRenderer.render(try #require(two.printed.last)).joined(separator: "\n")
        #expect(slip.contains("UNVERIFIED"))
        // The link returns: reconciled, and the double refund is reported with who, what and where.
        central.reachable = true
        let caller = try #require(two.runtime.central)
        for _ in 0..<1000 {
            _ = await caller.sendBacklog()
            if case .success(let reports) = await central.conflicts(), !reports.isEmpty, caller.backlogCount == 0 { break }
            try await Task.sleep(for: .milliseconds(2))
        }
        guard case .success(let reports) = await central.conflicts(), let report = reports.first else {
            Issue.record("no conflict reported"); return
        }
        #expect(report.refund.refund.number == "R02-000001" && report.refund.refund.clerk.code == "1001")
        #expect(report.conflict.till == "03" && report.conflict.clerk == "1002")
        // Over the per-refund limit, an unverified refund is refused with the limit, and nothing is written.
        let other = MemoryCentralJournal()
        let (_, fresh) = Self.saleAtTill01(other)
        let again = Self.till("04", other, offline: OfflineRefundPolicy(enabled: true, perRefundLimitMinor: 500, perShiftLimitMinor: 6_000))
        again.signInAndOpenShift()
        again.startRefund(fresh.receipt)
        other.reachable = false
        again.send(.refundQuantitySet(line: 2, .one))   // the mug, 10.00
        again.send(.reasonChosen(code: "DAMAGED"))
        again.send(.confirmed)
        #expect(again.refunds.isEmpty)
        guard case .central(.offlineNotAllowed(_, _, .perRefund?, _, let amount))? = again.lastRefusal else {
            Issue.record("\(again.refusals)"); return
        }
        #expect(amount == again.cny(1000))
    }
}
