import Testing
@testable import TillCore

@Suite struct SaleTests {
    @Test func cashSaleGivesChangeRecordsPrintsAndOpensTheDrawer() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("6901234567892", quantity: nil))
        till.send(.codeEntered("6901234567892", quantity: nil))   // same item again: one line, qty 2
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.tendered(.cash, amount: till.cny(10_000), reference: nil))
        guard case .sale(let sale, let slip)? = till.records.last else { Issue.record("no sale: \(till.refusals)"); return }
        #expect(sale.lines.count == 2)
        #expect(sale.lines[0].quantity == .each(2))
        #expect(sale.total.minor == 6000)
        #expect(sale.change.minor == 4000)
        #expect(sale.receipt == "S01-000001")
        #expect(ReceiptCode.parse(sale.receiptCode) == .receipt(shop: .standard, till: "01", sequence: 1))
        #expect(till.printed.last == slip)
        #expect(till.drawerOpens == 1)
        let text = PlainTextSlipRenderer.render(slip).joined(separator: "\n")
        #expect(text.contains("Jasmine tea 茉莉花茶"))
        #expect(text.contains("40.00"))
        #expect(till.state.activity == .idle)
        #expect(till.state.sequences.nextSale == 2)
    }

    @Test func splitTenderCardThenCash() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.tendered(.card, amount: till.cny(3000), reference: nil))
        #expect(till.lastRefusal == .cardReferenceRequired)
        till.send(.tendered(.card, amount: till.cny(6000), reference: "A1"))
        #expect(till.lastRefusal == .tenderExceedsDue(tender: .card, amount: till.cny(6000), due: till.cny(5000)))
        till.send(.tendered(.card, amount: till.cny(3000), reference: "AUTH42"))
        till.send(.codeEntered("MUG", quantity: nil))
        #expect(till.lastRefusal == .busy(current: .payment))
        till.send(.tendered(.cash, amount: till.cny(2500), reference: nil))
        guard case .sale(let sale, _)? = till.records.last else { Issue.record("no sale"); return }
        #expect(sale.tenders.map(\.kind) == [.card, .cash])
        #expect(sale.tenders.map(\.amount.minor) == [3000, 2000])
        #expect(sale.change.minor == 500)
    }

    @Test func cashRoundingAppliesOnlyToTheCashDue() {
        var till = TestTill(config: RegisterConfig(currency: .cny, cashRounding: CashRounding(increment: 10)))
        till.add(CatalogItem(sku: "GUM", barcodes: [], name: "Gum", price: till.cny(1234), taxClassID: "VAT13"))
        till.signInAndOpenShift()
        till.send(.codeEntered("GUM", quantity: nil))
        till.send(.tendered(.cash, amount: nil, reference: nil))
        guard case .sale(let sale, _)? = till.records.last else { Issue.record("no sale"); return }
        #expect(sale.rounding.minor == -4)
        #expect(sale.total.minor == 1230)
        #expect(sale.tenders[0].amount.minor == 1230)
    }

    @Test func weighedItemsNeedAWeightAndPieceItemsWholeNumbers() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("RICE", quantity: nil))
        #expect(till.lastRefusal == .weightRequired(item: "Rice per kg 大米"))
        till.send(.codeEntered("RICE", quantity: Quantity(parsing: "0.375")))
        till.send(.codeEntered("MUG", quantity: Quantity(parsing: "0.5")))
        #expect(till.lastRefusal == .fractionalQuantityNotAllowed(item: "Mug"))
        guard case .selling(let draft) = till.state.activity else { Issue.record("no sale"); return }
        #expect(draft.totals.gross.minor == 300)  // 8.00/kg * 0.375 kg
    }

    @Test func unknownCodesAndDamagedBarcodesAreToldApart() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("6901234567891", quantity: nil))
        #expect(till.lastRefusal == .barcodeCheckDigitWrong(code: "6901234567891", expected: 2, found: 1))
        till.send(.codeEntered("NOPE", quantity: nil))
        #expect(till.lastRefusal == .unknownItem(code: "NOPE"))
    }

    @Test func voidLineBeforeTenderCountsForNothingButStaysOnRecord() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.lineVoided(line: 1))
        till.send(.lineVoided(line: 1))
        #expect(till.lastRefusal == .lineNotFound(line: 1))
        till.send(.tendered(.cash, amount: nil, reference: nil))
        guard case .sale(let sale, let slip)? = till.records.last else { Issue.record("no sale"); return }
        #expect(sale.total.minor == 1000)
        #expect(sale.lines.first?.voided == true)
        #expect(PlainTextSlipRenderer.render(slip).contains { $0.contains("VOIDED") })
    }

    @Test func priceOverrideByAClerkWaitsForASupervisorAndNamesThem() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.priceOverridden(line: 1, till.cny(2000)))
        #expect(till.lastRefusal == .supervisorRequired(reason: .priceOverride))
        till.send(.approverPINEntered(code: "1002", pin: "3333"))   // another clerk cannot approve
        #expect(till.lastRefusal == .approverNotPermitted(user: "Clerk Zhao", role: .clerk))
        till.send(.approverPINEntered(code: "2001", pin: "9999"))
        #expect(till.lastRefusal == .wrongPIN(attemptsLeft: 4))
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        till.send(.lineDiscounted(line: 1, till.cny(500)))          // a different approval kind: asked again
        #expect(till.lastRefusal == .supervisorRequired(reason: .lineDiscount))
        till.send(.cancelled)
        till.send(.tendered(.cash, amount: nil, reference: nil))
        guard case .sale(let sale, _)? = till.records.last else { Issue.record("no sale"); return }
        #expect(sale.lines[0].unitPrice.minor == 2000)
        #expect(sale.lines[0].originalUnitPrice?.minor == 2500)
        #expect(sale.lines[0].approvedBy == "2001")
        #expect(sale.lines[0].discount.isZero)
        #expect(till.records.contains { if case .event(let e) = $0 { return e.kind == .approvalGranted && e.approver == "2001" } else { return false } })
    }

    @Test func discountLargerThanTheLineIsRefused() {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.lineDiscounted(line: 1, till.cny(1500)))
        #expect(till.lastRefusal == .discountTooLarge(line: 1, discount: till.cny(1500), amount: till.cny(1000)))
    }

    @Test func technicianMayNotSellAndNobodySellsWithoutAShift() {
        var till = TestTill()
        till.send(.codeEntered("TEA", quantity: nil))
        #expect(till.lastRefusal == .notSignedIn)
        till.send(.signInRequested(code: "1001", pin: "1111"))
        till.send(.codeEntered("TEA", quantity: nil))
        #expect(till.lastRefusal == .noOpenShift)
        till.send(.signOutRequested)
        till.signInAndOpenShift("4001")
        till.send(.codeEntered("TEA", quantity: nil))
        #expect(till.lastRefusal == .notPermitted(role: .technician, permission: .sell))
    }

    @Test func cancellingASaleWithMoneyTakenIsRefused() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.tendered(.cash, amount: till.cny(1000), reference: nil))
        till.send(.cancelled)
        // Issue 12: the refusal names the tenders and the way out (REMOVE TENDER), not "press Cancel".
        #expect(till.lastRefusal == .tendersTaken(count: 1))
    }

    @Test func trainingSalesNeverOpenTheDrawerAndPrintTheBanner() {
        var till = TestTill(config: RegisterConfig(training: true))
        till.signInAndOpenShift()
        till.sell([("TEA", nil)])
        #expect(till.drawerOpens == 0)
        guard case .sale(let sale, let slip)? = till.records.last else { Issue.record("no sale"); return }
        #expect(sale.training)
        let text = PlainTextSlipRenderer.render(slip)
        #expect(text.filter { $0.contains("TRAINING - NOT A RECEIPT") }.count == 2)
    }
}
