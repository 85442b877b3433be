import Testing
@testable import TillCore

@Suite struct RefundTests {
    /// A till with one cash sale: 3 teas at 25.00 with a 5.00 discount on the line, and a mug.
    func tillWithSale() -> (TestTill, String) {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        till.send(.codeEntered("TEA", quantity: .each(3)))
        till.send(.lineDiscounted(line: 1, till.cny(500)))
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.tendered(.cash, amount: nil, reference: nil))
        let receipt = till.sales.keys.first!
        till.send(.signOutRequested)
        till.send(.signInRequested(code: "1001", pin: "1111"))
        till.now = till.now.adding(seconds: 3600)
        return (till, receipt)
    }

    @Test func partialRefundIsProRataOfWhatWasPaidAndPrintsASlip() {
        var (till, receipt) = tillWithSale()
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
        let refund = try! #require(till.lastRefund, "\(till.refusals)")
        // The tea line paid 75.00 - 5.00 = 70.00 for 3: one is 23.33.
        #expect(refund.lines.map(\.amount.minor) == [2333])
        #expect(refund.lines[0].tax.minor == Rounding.mulDivHalfAwayFromZero(LineTax.compute(amount: till.cny(7000), taxClass: TestTill.vat13).tax.minor, 1, 3))
        #expect(refund.tenders == [Tender(kind: .cash, amount: till.cny(2333))])
        #expect(refund.originalReceipt == receipt)
        #expect(refund.reason.code == "DAMAGED")
        #expect(till.drawerOpens == 2)
        let slip = PlainTextSlipRenderer.render(till.printed.last!).joined(separator: "\n")
        #expect(slip.contains("REFUND"))
        #expect(slip.contains(receipt))
        #expect(slip.contains("-23.33"))
        #expect(slip.contains("Customer signature"))
        #expect(slip.contains("Damaged or faulty"))
    }

    @Test func refundsOfALineNeverAddUpToMoreThanWasPaid() {
        var (till, receipt) = tillWithSale()
        for _ in 0..<3 {
            till.startRefund(receipt)
            till.send(.refundQuantitySet(line: 1, .one))
            till.send(.reasonChosen(code: "UNWANTED"))
            till.send(.confirmed)
        }
        #expect(till.refunds.map { $0.lines[0].amount.minor } == [2333, 2333, 2334])
        #expect(till.refunds.flatMap(\.lines).map(\.tax.minor).reduce(0, +)
                == LineTax.compute(amount: till.cny(7000), taxClass: TestTill.vat13).tax.minor)
    }

    @Test func asecondRefundOfTheSameQuantityIsRefusedWithWhatRemains() {
        var (till, receipt) = tillWithSale()
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .each(2)))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.confirmed)
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .each(2)))
        #expect(till.lastRefusal == .quantityExceedsReturnable(item: "Jasmine tea 茉莉花茶", asked: .each(2), remaining: .one))
        #expect(till.lastRefusal?.message(.en) == "Cannot return 2 of Jasmine tea 茉莉花茶: only 1 can still be returned on this receipt.")
        #expect(till.lastRefusal?.message(.zh).contains("仅剩 1 件可退") == true)
        // The last one goes; after that the line says it was refunded in full.
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.confirmed)
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        #expect(till.lastRefusal == .quantityExceedsReturnable(item: "Jasmine tea 茉莉花茶", asked: .one, remaining: .zero))
        #expect(till.lastRefusal?.message(.en) == "Jasmine tea 茉莉花茶 on this receipt was already refunded in full by earlier refunds.")
    }

    @Test func aFullyRefundedReceiptIsRefusedAtLookUp() {
        var (till, receipt) = tillWithSale()
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .each(3)))
        till.send(.refundQuantitySet(line: 2, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.confirmed)
        #expect(till.lastRefund?.total.minor == 8000)
        till.startRefund(receipt)
        #expect(till.lastRefusal == .alreadyFullyRefunded(receipt: receipt))
    }

    @Test func scanningAnItemNotOnTheReceiptSaysSo() {
        var (till, receipt) = tillWithSale()
        till.startRefund(receipt)
        till.send(.codeEntered("6901234567892", quantity: nil))   // the tea's barcode: picks line 1
        #expect(till.refundDraft?.quantities[1] == .one)
        till.send(.codeEntered("PEN", quantity: nil))
        #expect(till.lastRefusal == .itemNotOnReceipt(item: "PEN", receipt: receipt))
        till.send(.codeEntered("6901234567893", quantity: nil))
        #expect(till.lastRefusal == .barcodeCheckDigitWrong(code: "6901234567893", expected: 2, found: 3))
    }

    @Test func receiptLookUpsNameWhatWasWrong() {
        var (till, receipt) = tillWithSale()
        till.send(.refundStarted)
        till.send(.receiptEntered("S01-000999"))
        #expect(till.lastRefusal == .receiptNotFound(reference: "S01-000999"))
        let code = till.sales[receipt]!.receiptCode
        var damaged = Array(code)
        damaged[5] = damaged[5] == "9" ? "8" : "9"
        till.send(.receiptEntered(String(damaged)))
        #expect(till.lastRefusal == .receiptCodeUnreadable(code: String(damaged)))
        till.send(.codeEntered(code, quantity: nil))   // scanned: the code finds the sale
        #expect(till.refundDraft?.source.sale.receipt == receipt)
    }

    @Test func refundWindowCountsCalendarDaysAndSaysWhenItWasSold() {
        var (till, receipt) = tillWithSale()
        till.now = till.now.adding(seconds: 31 * 86_400)
        till.startRefund(receipt)
        let soldOn = till.sales[receipt]!.at.civilDate(utcOffsetSeconds: 0)
        #expect(till.lastRefusal == .windowExpired(soldOn: soldOn, daysAgo: 31, windowDays: 30))
        #expect(till.lastRefusal?.message(.en).contains("Sold on \(soldOn.text), 31 days ago") == true)
    }

    @Test func notReturnableItemsAndEmptyOrReasonlessRefundsAreRefused() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("GIFT", nil), ("MUG", nil)])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        #expect(till.lastRefusal == .itemNotReturnable(item: "Gift card"))
        till.send(.confirmed)
        #expect(till.lastRefusal == .nothingSelected)
        till.send(.refundQuantitySet(line: 2, .one))
        till.send(.confirmed)
        #expect(till.lastRefusal == .reasonRequired)
        till.send(.reasonChosen(code: "NOT-A-REASON"))
        // Issue 12: a code that is not a reason is named as such, with the list.
        #expect(till.lastRefusal == .unknownReason(code: "NOT-A-REASON", known: ReasonCode.refundDefaults.map(\.code)))
    }

    @Test func halfAKiloOfRiceIsRefundedAsHalfAKilo() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("RICE", Quantity(parsing: "1.5"))])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, Quantity(parsing: "0.5")!))
        till.send(.reasonChosen(code: "WRONG"))
        till.send(.confirmed)
        #expect(till.lastRefund?.lines.first?.quantity == Quantity(thousandths: 500))
        #expect(till.lastRefund?.total.minor == 400)
    }

    @Test func cardSalesGoBackToTheCardByDefault() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("TEA", nil)], tender: .card, reference: "AUTH1")
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.confirmed)
        #expect(till.lastRefund?.tenders == [Tender(kind: .card, amount: till.cny(2500), reference: "AUTH1")])
        #expect(till.drawerOpens == 0)
    }

    @Test func cashForACardSaleNeedsASupervisor() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("TEA", nil)], tender: .card, reference: "AUTH1")
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.refundTenderChosen(.cash, reference: nil))
        till.send(.confirmed)
        #expect(till.lastRefusal == .supervisorRequired(reason: .tenderSubstitution(paid: .card, refunded: .cash, otherCard: false)))
        #expect(till.lastRefund == nil)
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefund?.tenders.map(\.kind) == [.cash])
        #expect(till.lastRefund?.approver?.code == "2001")
        #expect(till.lastRefund?.approvals == ["cashForCardSale"])
    }

    @Test func cardRefundForACashSaleIsRefusedAndStoreCreditAllowed() {
        var (till, receipt) = tillWithSale()
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 2, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.refundTenderChosen(.card, reference: nil))
        till.send(.confirmed)
        // The refusal names the tender that really paid (cash) and what a card may take (nothing).
        #expect(till.lastRefusal == .tenderSubstitutionRefused(paid: .cash, refunded: .card, otherCard: false,
                                                              amount: till.cny(1000), available: till.cny(0)))
        // Store credit goes on a new credit note the till numbers, never on a note the clerk names.
        till.send(.refundTenderChosen(.storeCredit, reference: "V-77"))
        #expect(till.lastRefusal == .creditNote(.notOnSale(number: "V-77")))
        till.send(.refundTenderChosen(.storeCredit, reference: nil))
        till.send(.confirmed)
        #expect(till.lastRefund?.tenders == [Tender(kind: .storeCredit, amount: till.cny(1000),
                                                    reference: CreditNoteNumber(till: "01", sequence: 1).description)])
    }

    @Test func storeCreditCanBeSwitchedOff() {
        var config = RegisterConfig()
        config.policy.refund.substitution.decisions[.init(paid: .cash, refunded: .storeCredit)] = .refused
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        let receipt = till.sell([("MUG", nil)])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.refundTenderChosen(.storeCredit, reference: nil))
        till.send(.confirmed)
        #expect(till.lastRefusal == .tenderSubstitutionRefused(paid: .cash, refunded: .storeCredit, otherCard: false,
                                                              amount: till.cny(1000), available: till.cny(0)))
    }

    @Test func overThePerRefundLimitASupervisorApprovesAndIsNamed() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("TV", nil)])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "DAMAGED"))
        till.send(.confirmed)
        let reason = ApprovalReason.overLimit(limit: .perRefund, limitAmount: till.cny(50_000), amount: till.cny(300_000))
        #expect(till.refusals.contains(.supervisorRequired(reason: reason)))
        #expect(till.lastRefund == nil)
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefund?.approver?.name == "Supervisor Wang")
        #expect(PlainTextSlipRenderer.render(till.printed.last!).contains { $0.contains("Approved by") && $0.contains("Supervisor Wang") })
    }

    @Test func aClerksRefundsInOneShiftAddUpAgainstTheShiftLimit() {
        var config = RegisterConfig()
        config.policy.refund.clerkShiftLimitMinor = 4000
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        let receipt = till.sell([("TEA", .each(2))])
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.confirmed)
        #expect(till.refunds.count == 1)
        till.startRefund(receipt)
        till.send(.refundQuantitySet(line: 1, .one))
        till.send(.reasonChosen(code: "UNWANTED"))
        till.send(.confirmed)
        #expect(till.lastRefusal == .supervisorRequired(reason: .overLimit(limit: .clerkPerShift, limitAmount: till.cny(4000), amount: till.cny(5000))))
        #expect(till.refunds.count == 1)
        // Signing in again reloads the clerk's refunded total: the limit survives a restart.
        till.send(.cancelled)
        till.send(.cancelled)
        till.send(.signOutRequested)
        till.send(.signInRequested(code: "1001", pin: "1111"))
        #expect(till.state.clerkRefundedThisShift.minor == 2500)
    }

    @Test func peopleWithoutTheRightCannotRefund() {
        var till = TestTill()
        till.signInAndOpenShift()
        let receipt = till.sell([("MUG", nil)])
        till.send(.signOutRequested)
        till.send(.signInRequested(code: "4001", pin: "4444"))
        till.startRefund(receipt)
        #expect(till.refusals.contains(.notPermitted(role: .technician, permission: .refundWithReceipt)))
        #expect(till.state.activity == .idle)
    }

    @Test func voidedSalesCannotBeRefunded() {
        var (till, receipt) = tillWithSale()
        // Voided for real: a supervisor's post-void in the journal.
        till.send(.signInRequested(code: "2001", pin: "2222"))
        till.send(.postVoidStarted)
        till.send(.receiptEntered(receipt))
        till.send(.reasonChosen(code: "MISTAKE"))
        till.send(.confirmed)
        #expect(till.voided == [receipt], "\(till.refusals)")
        till.startRefund(receipt)
        #expect(till.lastRefusal == .saleWasVoided(receipt: receipt))
    }
}
