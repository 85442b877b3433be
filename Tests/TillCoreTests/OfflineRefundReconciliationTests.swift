import Foundation
import Testing
@testable import TillCore
@testable import TillJournal
@testable import TillRuntime

/// Unverified (offline) refunds after the fact, through the real runtime over SQLite and the
/// central journal's peer (`MemoryCentralJournal`): the per-shift offline limit is counted from
/// the till's journal (a restart cannot reset it), and every unverified refund is reconciled
/// exactly once, its verdict an entry of the till's journal, a double refund one conflict.
@Suite struct OfflineRefundReconciliationTests {
    static let policy = OfflineRefundPolicy(enabled: true, perRefundLimitMinor: 10_000, perShiftLimitMinor: 12_500)

    /// A till on `central`, started fresh or over `previous`'s journal (a restart).
    static func till(_ id: String, _ central: MemoryCentralJournal, after previous: TestTill? = nil) -> TestTill {
        let config = CrossTillRefundTests.config(till: id, offline: policy)
        let made = previous.map { TestTill(continuing: $0, config: config) } ?? TestTill(config: config)
        made.runtime.central = CentralCaller(journal: central, timeout: .seconds(5))
        made.signInAndOpenShift()
        return made
    }

    /// Till 01 sells `teas` teas (25.00 each) and the sale reaches the central journal.
    static func sale(_ central: MemoryCentralJournal, teas: Int) throws -> SaleRecord {
        let one = CrossTillRefundTests.till("01", central)
        one.signInAndOpenShift()
        let receipt = one.sell([("TEA", .each(Int64(teas)))])
        let sale = try #require(one.sales[receipt])
        central.add(sale)
        return sale
    }

    /// Looks the sale up while the link is up, then refunds `teas` of it with the link cut and a
    /// supervisor's approval. Returns the refund kept, or nil (the refusal is the till's last).
    static func offlineRefund(_ till: TestTill, _ central: MemoryCentralJournal, _ sale: SaleRecord, teas: Int) -> RefundRecord? {
        central.reachable = true
        till.startRefund(sale.receipt)
        central.reachable = false
        return finishOffline(till, teas: teas)
    }

    /// The refund on screen, with the link cut: confirmed, and approved by a supervisor if asked.
    static func finishOffline(_ till: TestTill, teas: Int) -> RefundRecord? {
        let before = till.refunds.count
        till.send(.refundQuantitySet(line: 1, .each(Int64(teas))))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
        if till.state.pendingApproval != nil { till.send(.approverPINEntered(code: "2001", pin: "2222")) }
        guard till.refunds.count > before else {
            // Refused: Esc leaves the refund screen (and says nothing), the refusal stays the last.
            till.send(.cancelled)
            #expect(till.state.activity == .idle)
            return nil
        }
        return till.lastRefund
    }

    @Test func thePerShiftOfflineLimitHoldsAcrossRestarts() throws {
        var random = SeededRandom.fromEnvironment()
        let context = "seed \(random.seed) (re-run: TILL_TEST_SEED=\(random.seed))"
        let central = MemoryCentralJournal()
        let sale = try Self.sale(central, teas: 40)
        let unit: Int64 = 2_500
        #expect(sale.total.minor == 40 * unit, "\(context): a tea is 25.00 gross")
        var two = Self.till("02", central)
        var kept: Int64 = 0, refused = 0
        for round in 0..<8 {
            // A restart (a new process over the same journal) before about half of the refunds.
            if random.next() % 2 == 0 { two = Self.till("02", central, after: two) }
            let teas = random.int(in: 1...3)
            if let refund = Self.offlineRefund(two, central, sale, teas: teas) {
                #expect(refund.unverified == true, "\(context), round \(round)")
                kept += refund.total.minor
                #expect(kept <= Self.policy.perShiftLimitMinor, "\(context), round \(round): \(kept) unverified in the shift")
            } else {
                refused += 1
                guard case .central(.offlineNotAllowed(_, _, .clerkPerShift?, _, let amount))? = two.lastRefusal else {
                    Issue.record("\(context), round \(round): expected the shift limit, got \(two.refusals.suffix(2))"); continue
                }
                #expect(amount.minor == kept + Int64(teas) * unit, "\(context), round \(round): the total names this shift's earlier refunds")
                #expect(kept + Int64(teas) * unit > Self.policy.perShiftLimitMinor, "\(context), round \(round): refused only over the limit")
            }
        }
        let counted = try two.journal.unverifiedRefunded(shift: try #require(two.state.shift?.number), till: "02")
        #expect(counted.minor == kept, "\(context): the journal's count is what was kept")
        print("offline shift limit across restarts, \(context): kept \(kept), refused \(refused)")
    }

    /// Waits (a bound against a hang, not a timing assertion) until `till` has recorded the verdicts on `count` refunds.
    static func verdicts(_ till: TestTill, count: Int) -> [AuditEvent] {
        var found: [AuditEvent] = []
        for _ in 0..<3000 {
            for case .error(let error) in till.runtime.takeCentralAnswers() { Issue.record("runtime: \(error.message.en)") }
            found = till.records.compactMap { if case .event(let e) = $0, e.kind == .refundReconciled { e } else { nil } }
            if found.count >= count { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return found
    }

    @Test func bothTillsRefundingTheSameTeasOfflineMakeOneConflictEachVerdictKeptOnce() async throws {
        let central = MemoryCentralJournal()
        let sale = try Self.sale(central, teas: 4)
        let two = Self.till("02", central), three = Self.till("03", central)
        // Both find the sale while the link is up; then both are cut off and refund the same teas.
        two.startRefund(sale.receipt)
        three.startRefund(sale.receipt)
        central.reachable = false
        let fromTwo = try #require(Self.finishOffline(two, teas: 3), "\(two.refusals)")
        let fromThree = try #require(Self.finishOffline(three, teas: 3), "\(three.refusals)")
        #expect(fromTwo.unverified == true && fromThree.unverified == true)

        // The link returns: each till reconciles in the background and keeps the verdict.
        central.reachable = true
        let atTwo = Self.verdicts(two, count: 1), atThree = Self.verdicts(three, count: 1)
        #expect(atTwo.map(\.reference) == [fromTwo.number] && atThree.map(\.reference) == [fromThree.number])
        #expect((atTwo + atThree).filter(\.isReconciledConflict).count == 1, "one double refund, one conflict: \(atTwo + atThree)")
        guard case .success(let reports) = await central.conflicts(), reports.count == 1, let report = reports.first else {
            Issue.record("expected one conflict centrally"); return
        }
        // Who, what and where, for both refunds.
        let refunds = [report.refund.refund, report.earlier?.refund].compactMap { $0 }
        #expect(Set(refunds.map(\.till)) == ["02", "03"], "\(report)")
        #expect(refunds.allSatisfy { $0.clerk.code == "1001" && $0.approver?.code == "2001" && $0.total.minor == 7_500 && !$0.tenders.isEmpty })

        // Restarted, neither till reconciles again: the verdict is in its journal.
        let twoAgain = Self.till("02", central, after: two)
        #expect(try twoAgain.journal.unreconciledRefunds(till: "02").isEmpty)
        try await Task.sleep(for: .milliseconds(50))
        #expect(Self.verdicts(twoAgain, count: 0).isEmpty)
        // A supervisor signing in hears of it: how many, and the newest's who, what and where;
        // a clerk signing in is told nothing.
        let clerkBefore = three.events.count
        three.send(.signInRequested(code: "1002", pin: "3333"))
        twoAgain.send(.signInRequested(code: "2001", pin: "2222"))
        var notice: ConflictNotice?
        for _ in 0..<3000 where notice == nil {
            _ = twoAgain.runtime.takeCentralAnswers()
            notice = twoAgain.events.compactMap { if case .conflictsWaiting(let n) = $0 { n } else { nil } }.first
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(notice?.count == 1 && notice?.refund.refund.approver?.code == "2001" && notice?.earlier.clerk == "1001", "\(String(describing: notice))")
        #expect(Set([notice?.refund.refund.till, notice?.earlier.till]) == ["02", "03"], "\(String(describing: notice))")
        _ = three.runtime.takeCentralAnswers()
        #expect(!three.events.dropFirst(clerkBefore).contains { if case .conflictsWaiting = $0 { true } else { false } })

        // A supervisor approving the clerk's price override at the clerk's till hears of it there.
        let approving = three.events.count
        three.send(.codeEntered("MUG", quantity: nil))
        three.send(.priceOverridden(line: 1, three.cny(500)))
        #expect(three.state.pendingApproval != nil, "\(three.refusals)")
        three.send(.approverPINEntered(code: "2001", pin: "2222"))
        var atApproval: ConflictNotice?
        for _ in 0..<3000 where atApproval == nil {
            _ = three.runtime.takeCentralAnswers()
            atApproval = three.events.dropFirst(approving).compactMap { if case .conflictsWaiting(let n) = $0 { n } else { nil } }.first
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(atApproval == notice, "\(String(describing: atApproval))")

        // And the journal refuses a second verdict, or one for a refund that was not unverified.
        #expect(throws: JournalError.refused(.reconciliationRefused(refund: fromTwo.number, alreadyReconciled: true))) {
            try two.journal.append(.event(AuditEvent(reconciled: fromTwo, conflict: nil, at: two.now)))
        }
    }

    @Test func aVerdictLostOnTheWayBackIsAskedAgainAndKeptOnce() throws {
        let central = MemoryCentralJournal()
        let sale = try Self.sale(central, teas: 4)
        let two = Self.till("02", central)
        let refund = try #require(Self.offlineRefund(two, central, sale, teas: 1), "\(two.refusals)")
        // The central journal reconciles it, but the till never takes the answer (it "crashed").
        central.reachable = true
        for _ in 0..<3000 where !central.refunds.contains(where: { $0.reservation.refund.number == refund.number }) {
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(try two.journal.unreconciledRefunds(till: "02").map(\.number) == [refund.number])
        // Restarted: asked again, the same verdict, kept once.
        let again = Self.till("02", central, after: two)
        let verdicts = Self.verdicts(again, count: 1)
        #expect(verdicts.map(\.reference) == [refund.number] && verdicts.first?.detail == AuditEvent.reconciledVerified)
        #expect(try again.journal.unreconciledRefunds(till: "02").isEmpty)
        // A refund that is not an unverified refund of this journal has nothing to reconcile.
        var unknown = refund
        unknown.number = "R02-000999"
        #expect(throws: JournalError.refused(.reconciliationRefused(refund: unknown.number, alreadyReconciled: false))) {
            try again.journal.append(.event(AuditEvent(reconciled: unknown, conflict: nil, at: again.now)))
        }
    }
}
