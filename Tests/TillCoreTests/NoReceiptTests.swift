import Testing
@testable import TillCore

/// NO RECEIPT: a sale completes and is journalled with its slip, which is left unprinted on
/// purpose; a refund, blind return or post-void always prints.
@Suite struct NoReceiptTests {
    @Test func aNoReceiptSaleIsJournalledWithItsSlipButNothingPrints() throws {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.noReceiptToggled)
        #expect(till.events.last == .noReceiptChosen(on: true))
        till.send(.tendered(.cash, amount: till.cny(10_000), reference: nil))
        guard case .sale(let sale, let slip)? = till.records.last else { Issue.record("no sale: \(till.refusals)"); return }
        #expect(sale.total.minor == 5000)
        #expect(slip.reference == sale.receipt)
        #expect(till.printed.isEmpty)
        #expect(till.leftUnprinted == [sale.receipt])
        #expect(till.drawerOpens == 1)  // cash still moved
        #expect(till.events.contains(.saleCompleted(receipt: sale.receipt, total: sale.total, change: sale.change)))
        #expect(till.state.unprintedSlips.isEmpty)
        // The next sale prints again: the mark belonged to the sale, not the till.
        let next = till.sell([("MUG", nil)])
        #expect(till.printed.map(\.reference) == [next])
    }

    @Test func pressedAgainTheReceiptPrintsAfterAllAndATenderDoesNotClearTheMark() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.noReceiptToggled)
        till.send(.noReceiptToggled)
        #expect(till.events.last == .noReceiptChosen(on: false))
        till.send(.tendered(.cash, amount: nil, reference: nil))
        #expect(till.printed.count == 1 && till.leftUnprinted.isEmpty)
        // Marked after a part payment: still honoured at completion.
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.tendered(.card, amount: till.cny(2000), reference: "AUTH1"))
        till.send(.noReceiptToggled)
        till.send(.tendered(.cash, amount: nil, reference: nil))
        #expect(till.printed.count == 1 && till.leftUnprinted.count == 1)
    }

    @Test func withNothingToSellItIsRefusedAsNothingInProgress() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.noReceiptToggled)
        #expect(till.lastRefusal == .nothingInProgress)
        till.send(.signOutRequested)
        till.send(.noReceiptToggled)
        #expect(till.lastRefusal == .notSignedIn)
    }

    @Test func aRefundCannotBeNoReceiptAndAlwaysPrintsItsSlip() throws {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        let receipt = till.sell([("TEA", .each(2))])
        till.send(.refundStarted)
        till.send(.noReceiptToggled)
        #expect(till.lastRefusal == .slipRequired)
        till.send(.receiptEntered(receipt))
        till.send(.noReceiptToggled)
        #expect(till.lastRefusal == .slipRequired)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.noReceiptToggled)
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.noReceiptToggled)
        till.send(.confirmed)
        let refund = try #require(till.lastRefund, "\(till.refusals)")
        #expect(till.printed.last?.reference == refund.number)
        #expect(till.leftUnprinted.isEmpty)
        let refusal = Refusal.slipRequired
        #expect(refusal.message(.en).contains("NO RECEIPT") && refusal.message(.zh).contains("不要小票"))
        #expect(refusal.remedy(.en).contains("Cancel") && refusal.remedy(.zh).contains("取消"))
    }

    /// Generated sales and refunds with NO RECEIPT pressed any number of times at any point: a
    /// sale prints its receipt exactly when the presses during it were even; every refund and
    /// blind return prints, whatever was pressed.
    @Test func anyMixOfPressesNeverSkipsARefundSlipAndSkipsASaleExactlyWhenAsked() throws {
        var random = SeededRandom.fromEnvironment()
        var till = TestTill()
        till.signInAndOpenShift("2001")
        for round in 0..<60 {
            let printedBefore = till.printed.count, leftBefore = till.leftUnprinted.count
            let presses = random.int(in: 0...3)
            if random.int(in: 0...2) > 0 || till.sales.isEmpty {
                till.send(.codeEntered(random.int(in: 0...1) == 0 ? "TEA" : "MUG", quantity: .each(Int64(random.int(in: 1...3)))))
                for _ in 0..<presses { till.send(.noReceiptToggled) }
                till.send(.tendered(.cash, amount: nil, reference: nil))
                let skipped = presses % 2 == 1
                #expect(till.printed.count == printedBefore + (skipped ? 0 : 1), "seed \(random.seed) round \(round)")
                #expect(till.leftUnprinted.count == leftBefore + (skipped ? 1 : 0), "seed \(random.seed) round \(round)")
            } else if random.int(in: 0...1) == 0, let receipt = till.sales.keys.sorted().last {
                till.send(.refundStarted)
                if random.int(in: 0...1) == 0 { till.send(.noReceiptToggled) }
                till.send(.receiptEntered(receipt))
                till.send(.refundQuantitySet(line: 1, .one))
                for _ in 0..<presses { till.send(.noReceiptToggled) }
                till.send(.reasonChosen(code: "UNWANTED"))
                till.send(.confirmed)
                if till.state.activity != .idle { till.send(.cancelled); continue }
                #expect(till.leftUnprinted.count == leftBefore, "seed \(random.seed) round \(round)")
                #expect(till.printed.count == printedBefore + 1, "seed \(random.seed) round \(round)")
            } else {
                till.send(.blindReturnStarted)
                till.send(.codeEntered("MUG", quantity: nil))
                for _ in 0..<presses { till.send(.noReceiptToggled) }
                till.send(.reasonChosen(code: "UNWANTED"))
                till.send(.confirmed)
                if till.state.activity != .idle { till.send(.cancelled); continue }
                #expect(till.leftUnprinted.count == leftBefore, "seed \(random.seed) round \(round)")
                #expect(till.printed.count == printedBefore + 1, "seed \(random.seed) round \(round)")
            }
        }
    }
}

/// The clerk is told a refund is done only once its slip is out: a core decision the screen shows.
@Suite struct RefundConfirmationTests {
    @Test func aRefundIsConfirmedOnlyOnceItsSlipPrinted() {
        var state = RegisterState(config: RegisterConfig())
        let now = Timestamp(seconds: 1_795_000_000)
        state.lastCompleted = Completion(kind: .refund, reference: "R01-000001", total: .zero(.cny), change: .zero(.cny))
        #expect(state.lastCompleted?.confirmed == false)
        _ = Register.reduce(&state, .slipFailed(reference: "R01-000001", cause: .paperOut), now: now)
        #expect(state.lastCompleted?.confirmed == false)
        _ = Register.reduce(&state, .slipPrinted(reference: "S01-000009"), now: now)
        #expect(state.lastCompleted?.confirmed == false, "another slip printing confirms nothing")
        _ = Register.reduce(&state, .slipPrinted(reference: "R01-000001"), now: now)
        #expect(state.lastCompleted?.confirmed == true)
        state.lastCompleted = Completion(kind: .sale, reference: "S01-000002", total: .zero(.cny), change: .zero(.cny))
        #expect(state.lastCompleted?.confirmed == true, "a sale's change is shown at once")
    }

    /// Through the real runtime: a refund whose slip prints is confirmed.
    @Test func aRefundThatPrintsIsConfirmed() {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        let receipt = till.sell([("MUG", nil)])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
        #expect(till.lastRefund != nil, "\(till.refusals)")
        #expect(till.state.lastCompleted?.kind == .refund && till.state.lastCompleted?.confirmed == true)
    }
}
