import Testing
@testable import TillCore

/// Nothing lost by a key: cancelling and quitting ask first, parked sales come back exactly,
/// tenders can be removed, and no figure of a finished document outlives it.
@Suite struct SaleFlowTests {
    private func events(_ till: TestTill, after count: Int) -> [RegisterEvent] { Array(till.events.dropFirst(count)) }

    private func auditEvents(_ till: TestTill, _ kind: AuditEvent.Kind) -> [AuditEvent] {
        till.records.compactMap { if case .event(let e) = $0, e.kind == kind { return e } else { return nil } }
    }

    @Test func cancelOnAnOpenSaleAsksFirstAndNoKeepsEveryLine() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: .each(2)))
        let before = till.state.activity
        till.send(.cancelled)
        #expect(till.state.confirmation == .cancelActivity(.sale))
        #expect(till.state.activity == before)
        till.send(.cancelled)  // "no"
        #expect(till.state.confirmation == nil)
        #expect(till.state.activity == before)
        #expect(till.events.last == .confirmationDismissed)
        #expect(auditEvents(till, .saleCancelled).isEmpty)
    }

    @Test func aConfirmedCancelLeavesAnAuditEntryWithWhoWhatAndTotal() throws {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.cancelled)
        till.send(.confirmed)
        #expect(till.state.activity == .idle)
        let entry = try #require(auditEvents(till, .saleCancelled).first)
        #expect(entry.user == "1001")
        #expect(entry.amount == till.cny(6000))
        #expect(entry.sale?.lines.map(\.sku) == ["TEA", "MUG"])
        #expect(entry.detail == "2 lines: TEA ×2, MUG")
        #expect(till.events.last == .cancelled(.sale))
    }

    @Test func anyOtherActionDropsTheQuestionInsteadOfAnsweringIt() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.cancelled)
        till.send(.codeEntered("MUG", quantity: nil))
        #expect(till.state.confirmation == nil)
        till.send(.confirmed)  // nothing to confirm now: the sale stays
        guard case .selling(let draft) = till.state.activity else { Issue.record("sale gone"); return }
        #expect(draft.lines.count == 2)
    }

    @Test func quitIsAllowedWhenIdleAskedMidSaleAndParksTheSaleWhenConfirmed() throws {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.quitRequested)
        #expect(till.events.last == .quitAllowed)
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.quitRequested)
        #expect(till.state.confirmation == .quit)
        #expect(till.events.last == .confirmationNeeded(.quit))
        till.send(.confirmed)
        #expect(till.events.last == .quitAllowed)
        #expect(till.state.activity == .idle)
        let parked = try #require(till.state.parked.first)
        #expect(parked.draft.lines.map(\.sku) == ["TEA"])
    }

    @Test func withTendersTakenNeitherCancelNorQuitNorParkDropsTheMoney() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.tendered(.cash, amount: till.cny(1000), reference: nil))
        for action in [RegisterAction.cancelled, .quitRequested, .parkRequested] {
            till.send(action)
            #expect(till.lastRefusal == .tendersTaken(count: 1))
        }
        #expect(till.state.parked.isEmpty)
        #expect(till.state.confirmation == nil)
    }

    @Test func aRecalledSaleHasExactlyTheLinesItWasParkedWithAndCannotBeRecalledTwice() throws {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: .each(3)))
        till.send(.codeEntered("RICE", quantity: Quantity(thousandths: 350)))
        guard case .selling(let parkedDraft) = till.state.activity else { Issue.record("no sale"); return }
        till.send(.parkRequested)
        #expect(till.state.activity == .idle)
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.parkRequested)
        #expect(till.state.parked.map(\.reference) == ["P01-000001", "P01-000002"])
        // Parking is not selling: no sale record, no slip.
        #expect(!till.records.contains { if case .sale = $0 { return true } else { return false } })
        #expect(till.printed.isEmpty)
        till.send(.recallRequested(reference: "p01-000001"))
        #expect(till.state.activity == .selling(parkedDraft))
        #expect(till.state.parked.map(\.reference) == ["P01-000002"])
        till.send(.cancelled)
        till.send(.confirmed)
        till.send(.recallRequested(reference: "P01-000001"))
        #expect(till.lastRefusal == .parkedSaleNotFound(reference: "P01-000001", parked: ["P01-000002"]))
        #expect(auditEvents(till, .saleRecalled).map(\.reference) == ["P01-000001"])
    }

    @Test func recallNeedsAnIdleTillAndParkNeedsLines() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.parkRequested)
        #expect(till.lastRefusal == .nothingToPark)
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.parkRequested)
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.recallRequested(reference: "P01-000001"))
        #expect(till.lastRefusal == .busy(current: .sale))
        #expect(till.state.parked.count == 1)
    }

    /// The invariant: whatever tenders are taken and removed, the sale's record holds exactly
    /// the tenders not removed, they settle its total, and the change is theirs.
    @Test func recordedTendersAreExactlyThoseNotRemovedAndChangeComesFromThem() {
        var random = SeededRandom.fromEnvironment()
        for round in 0..<300 {
            var till = TestTill()
            till.signInAndOpenShift()
            for _ in 0...random.int(in: 0...2) { till.send(.codeEntered(random.pick(["TEA", "MUG", "PEN"]), quantity: .each(Int64(random.int(in: 1...4))))) }
            guard case .selling(let start) = till.state.activity else { Issue.record("seed \(random.seed) round \(round): no sale"); return }
            var model: [Tender] = []
            var removedCount = 0
            var completed: SaleRecord?
            for _ in 0..<random.int(in: 1...12) {
                guard case .selling(let draft) = till.state.activity else { break }
                switch random.int(in: 0...4) {
                case 0, 1:
                    let part = Int64(random.int(in: 1...max(1, Int(draft.due.minor))))
                    let kind = random.pick([TenderKind.card, .storeCredit, .cash])
                    let before = till.records.count
                    till.send(.tendered(kind, amount: till.cny(min(part, max(1, draft.due.minor - 1))), reference: kind == .card ? "AP\(round)" : nil))
                    if case .selling(let after) = till.state.activity { model = after.tenders }
                    if till.records.count > before, case .sale(let s, _)? = till.records.last { completed = s }
                case 2...3 where !model.isEmpty:
                    let n = random.int(in: 0...model.count)  // 0: "the last"
                    till.send(.tenderRemoved(number: n == 0 ? nil : n))
                    model.remove(at: n == 0 ? model.count - 1 : n - 1)
                    removedCount += 1
                    guard case .selling(let after) = till.state.activity else { Issue.record("seed \(random.seed): sale lost"); return }
                    #expect(after.tenders == model, "seed \(random.seed) round \(round)")
                default:
                    till.send(.tenderRemoved(number: model.count + 1))
                    #expect(till.lastRefusal == (model.isEmpty ? .noTenderToRemove : .tenderNotFound(number: model.count + 1, count: model.count)),
                            "seed \(random.seed) round \(round)")
                }
            }
            if completed == nil, case .selling = till.state.activity {
                till.send(.tendered(.cash, amount: till.cny(start.totals.gross.minor + 5000), reference: nil))
                if case .sale(let s, _)? = till.records.last { completed = s }
            }
            guard let sale = completed else { Issue.record("seed \(random.seed) round \(round): never completed"); return }
            let paid = sale.tenders.map(\.amount).sum(.cny)
            #expect(paid == sale.total, "seed \(random.seed) round \(round)")
            #expect(sale.change == sale.tenders.map(\.change).sum(.cny), "seed \(random.seed) round \(round)")
            #expect(Array(sale.tenders.dropLast()) == model, "seed \(random.seed) round \(round)")
            #expect(auditEvents(till, .tenderRemoved).count == removedCount, "seed \(random.seed) round \(round)")
        }
    }

    @Test func aCardTenderRemovedSaysTheTerminalMustBeReversed() throws {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.tendered(.card, amount: till.cny(2000), reference: "AP123"))
        till.send(.tenderRemoved(number: 1))
        #expect(till.events.last == .tenderRemoved(Tender(kind: .card, amount: till.cny(2000), reference: "AP123"), due: till.cny(5000)))
        let audit = try #require(auditEvents(till, .tenderRemoved).first)
        #expect(audit.detail == "card 20.00 ref AP123")
        // With every tender removed the sale is editable and cancellable again.
        till.send(.codeEntered("MUG", quantity: nil))
        guard case .selling(let draft) = till.state.activity else { Issue.record("sale gone"); return }
        #expect(draft.tenders.isEmpty)
        #expect(draft.lines.map(\.sku) == ["TEA", "MUG"])
    }

    /// The class of the stale "Give back ¥25.00": after any action, a completed document's
    /// figure is shown only while the till is idle and nothing was cancelled or parked since.
    @Test func noCompletionFigureOutlivesANewActivityACancelOrAPark() {
        var random = SeededRandom.fromEnvironment()
        for round in 0..<60 {
            var till = TestTill()
            till.signInAndOpenShift()
            let receipt = till.sell([("TEA", .each(2))])
            for _ in 0..<12 {
                let action = random.pick([RegisterAction.refundStarted, .receiptEntered(receipt), .refundQuantitySet(line: 1, .one),
                                          .reasonChosen(code: "DAMAGED"), .confirmed, .cancelled, .codeEntered("MUG", quantity: nil),
                                          .parkRequested, .tendered(.cash, amount: nil, reference: nil), .blindReturnStarted,
                                          .postVoidStarted, .recallRequested(reference: "P01-000001")])
                let count = till.events.count
                till.send(action)
                let happened = events(till, after: count)
                if till.state.activity != .idle {
                    #expect(till.state.lastCompleted == nil, "seed \(random.seed) round \(round): \(action)")
                }
                if happened.contains(where: { if case .cancelled = $0 { return true }; if case .saleParked = $0 { return true }; return false }) {
                    #expect(till.state.lastCompleted == nil, "seed \(random.seed) round \(round): \(action)")
                }
            }
        }
    }

    @Test func refundCancelledAfterACompletedRefundShowsNoGiveBackFigure() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("TEA", .each(2))])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
        #expect(till.state.lastCompleted?.kind == .refund)
        till.send(.refundStarted)
        till.send(.cancelled)
        #expect(till.state.activity == .idle)
        #expect(till.state.lastCompleted == nil)
        #expect(till.state.lastDocument != nil)  // "reprint the last" still knows it
    }
}
