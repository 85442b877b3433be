import Testing
@testable import TillCore

/// The examples of issue 9, one per class; the classes themselves are proven by the property
/// tests in TillRuntimeTests/Properties.
@Suite struct RefundLedgerTests {
    func till(rounding: Int64) -> TestTill {
        var till = TestTill(config: RegisterConfig(cashRounding: CashRounding(increment: rounding)))
        till.add(CatalogItem(sku: "SOAP", barcodes: [], name: "Soap", price: till.cny(334), taxClassID: "VAT13"))
        till.add(CatalogItem(sku: "BOWL", barcodes: [], name: "Bowl", price: till.cny(450), taxClassID: "VAT13"))
        till.signInAndOpenShift()
        return till
    }

    mutating func refundOne(_ till: inout TestTill, _ receipt: String, tender: TenderKind? = nil, reference: String? = nil) {
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "DAMAGED"))
        if tender != nil { till.send(.refundTenderChosen(tender, reference: reference)) }
        till.send(.confirmed)
    }

    @Test mutating func cashRoundingToFiveCentsNeverPaysOutMoreThanWasTaken() {
        var till = till(rounding: 5)
        let receipt = till.sell([("SOAP", .each(3))])          // 10.02, paid 10.00 in cash
        #expect(till.sales[receipt]?.total == till.cny(1000))
        for _ in 0..<3 { refundOne(&till, receipt) }
        #expect(till.refunds.map(\.total.minor) == [335, 335, 330])
        #expect(till.refunds.map(\.total).sum(.cny) == till.cny(1000))
        // The slip says which way it was rounded: the last refund paid 0.04 less than its line.
        let slip = PlainTextSlipRenderer.render(till.printed.last!).joined(separator: "\n")
        #expect(slip.contains("Cash rounding, paid out less"))
        #expect(slip.contains("0.04"))
        let first = PlainTextSlipRenderer.render(till.printed[till.printed.count - 3]).joined(separator: "\n")
        #expect(first.contains("Cash rounding, paid out more"))
    }

    @Test mutating func cashRoundingToWholeUnitsPaysBackExactlyTheSale() {
        var till = till(rounding: 100)
        let receipt = till.sell([("BOWL", .each(2))])          // 9.00
        refundOne(&till, receipt)
        refundOne(&till, receipt)
        #expect(till.refunds.map(\.total.minor) == [500, 400])
        #expect(till.refunds.map(\.total).sum(.cny) == till.cny(900))
    }

    @Test mutating func aChosenCardTakesOnlyWhatTheCardPaidAndTheRefusalNamesCash() {
        var till = TestTill()
        till.add(CatalogItem(sku: "LAMP", barcodes: [], name: "Lamp", price: till.cny(10_000), taxClassID: "VAT13"))
        till.signInAndOpenShift()
        till.send(.codeEntered("LAMP", quantity: nil))
        till.send(.tendered(.card, amount: till.cny(3000), reference: "AUTH9"))
        till.send(.tendered(.cash, amount: till.cny(7000), reference: nil))
        let receipt = try! #require(till.sales.keys.first)
        refundOne(&till, receipt, tender: .card)
        #expect(till.lastRefund == nil)
        #expect(till.lastRefusal == .tenderSubstitutionRefused(paid: .cash, refunded: .card, otherCard: false,
                                                              amount: till.cny(7000), available: till.cny(3000)))
        // The original tenders: each gets its own back.
        till.send(.refundTenderChosen(nil, reference: nil))
        till.send(.confirmed)
        #expect(till.lastRefund?.tenders == [Tender(kind: .card, amount: till.cny(3000), reference: "AUTH9"),
                                            Tender(kind: .cash, amount: till.cny(7000))])
    }

    @Test mutating func storeCreditBackAsCashAndAnotherCardNeedASupervisor() {
        var till = TestTill()
        till.signInAndOpenShift()
        // A credit note issued by a refund to store credit pays the next sale.
        refundOne(&till, till.sell([("MUG", nil)]), tender: .storeCredit)
        let note = till.lastRefund?.tenders.first?.reference
        let credit = till.sell([("MUG", nil)], tender: .storeCredit, reference: note)
        refundOne(&till, credit, tender: .cash)
        #expect(till.lastRefusal == .supervisorRequired(reason: .tenderSubstitution(paid: .storeCredit, refunded: .cash, otherCard: false)))
        till.send(.cancelled)
        till.send(.cancelled)
        let card = till.sell([("MUG", nil)], tender: .card, reference: "AUTH1")
        refundOne(&till, card, tender: .card, reference: "AUTH-OTHER")
        #expect(till.lastRefusal == .supervisorRequired(reason: .tenderSubstitution(paid: .card, refunded: .card, otherCard: true)))
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefund?.tenders == [Tender(kind: .card, amount: till.cny(1000), reference: "AUTH-OTHER")])
        #expect(till.lastRefund?.approvedAmount == till.cny(1000))
    }

    @Test mutating func anApprovalCoversOnlyTheAmountShown() {
        var config = RegisterConfig()
        config.policy.refund.perRefundLimitMinor = 4000
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        let receipt = till.sell([("TEA", .each(3))])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .each(2)))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
        #expect(till.state.pendingApproval?.amount == till.cny(5000))
        till.send(.refundQuantitySet(line: 1, .each(3)))     // changed while the supervisor is asked
        #expect(till.state.pendingApproval == nil)
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefund == nil)
        #expect(till.lastRefusal == .nothingInProgress)
        till.send(.confirmed)
        #expect(till.state.pendingApproval?.amount == till.cny(7500))
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefund?.total == till.cny(7500))
        #expect(till.lastRefund?.approvedAmount == till.cny(7500))
        #expect(till.records.contains { if case .event(let e) = $0 { return e.detail == "overLimit.perRefund amount=75.00" } else { return false } })
    }

    @Test func anApprovalLapsesWhenSomeoneElseTakesOverTheTill() {
        var config = RegisterConfig()
        config.policy.refund.perRefundLimitMinor = 1000
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        let receipt = till.sell([("TEA", nil)])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
        #expect(till.state.pendingApproval != nil)
        till.send(.signedIn(till.users["1002"]!.0, refundedThisShift: till.cny(0)))
        #expect(till.state.pendingApproval == nil)
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefund == nil)
    }

    @Test mutating func postVoidChecksPostVoidForTheClerkAndTheApprover() {
        var config = RegisterConfig()
        config.policy.permissions.table[.supervisor]?.remove(.postVoid)
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        let receipt = till.sell([("MUG", nil)])
        till.send(.signOutRequested)
        till.send(.signInRequested(code: "4001", pin: "4444"))
        till.send(.postVoidStarted)
        #expect(till.lastRefusal == .notPermitted(role: .technician, permission: .postVoid))
        till.send(.signOutRequested)
        till.send(.signInRequested(code: "2001", pin: "2222"))
        till.send(.postVoidStarted)
        #expect(till.lastRefusal == .notPermitted(role: .supervisor, permission: .postVoid))
        till.send(.signOutRequested)
        till.send(.signInRequested(code: "1001", pin: "1111"))
        till.send(.postVoidStarted)
        till.send(.receiptEntered(receipt))
        till.send(.reasonChosen(code: "MISTAKE"))
        till.send(.confirmed)
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefusal == .approverLacksPermission(user: "Supervisor Wang", role: .supervisor, permission: .postVoid))
        #expect(!till.records.contains { if case .postVoid = $0 { return true } else { return false } })
    }

    @Test mutating func blindReturnsCountAgainstTheClerksShiftLimit() {
        var config = RegisterConfig()
        config.policy.refund.clerkShiftLimitMinor = 1500
        config.policy.blindReturn.supervisorAboveMinor = 5000
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        for expectApproval in [false, true] {
            till.send(.blindReturnStarted)
            till.send(.codeEntered("MUG", quantity: nil))
            till.send(.reasonChosen(code: "DAMAGED"))
            till.send(.confirmed)
            if expectApproval {
                #expect(till.lastRefusal == .supervisorRequired(reason: .overLimit(limit: .clerkPerShift, limitAmount: till.cny(1500),
                                                                                   amount: till.cny(2000))))
            }
        }
        #expect(till.refunds.count == 1)
    }

    @Test func aRefundOverTheLedgerIsNamedByTheLedger() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("MUG", nil)])
        let ledger = ReturnableSale(sale: till.sales[receipt]!, priorRefunds: [], voided: false)
        let line = RefundLine(originalLineNo: 1, sku: "MUG", name: "Mug", quantity: .one, unitPrice: till.cny(1000),
                              amount: till.cny(1000), tax: till.cny(0), weighed: false)
        var refund = RefundRecord(number: "R01-000009", till: "01", shift: 1, at: till.now, clerk: User(code: "1001", name: "L", role: .clerk),
                                  approver: nil, approvals: [], originalReceipt: receipt, originalSoldAt: nil, lines: [line],
                                  tenders: [Tender(kind: .cash, amount: till.cny(1001))], reason: ReasonCode.refundDefaults[0],
                                  customerReference: nil, rounding: till.cny(1), training: false)
        #expect(ledger.violation(of: refund) == .exceedsPaid(asked: till.cny(1), remaining: till.cny(1000)))
        refund.tenders = [Tender(kind: .cash, amount: till.cny(999))]
        refund.rounding = till.cny(-1)
        #expect(ledger.violation(of: refund) == .lastRefundNotRemainder(paid: till.cny(999), remainder: till.cny(1000)))
    }
}
