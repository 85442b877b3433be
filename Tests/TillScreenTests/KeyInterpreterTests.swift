import Testing
import TillCore
@testable import TillScreen

@Suite struct KeyInterpreterTests {
    @Test func signInTakesTheCodeThenTheHiddenPIN() {
        var keys = Keyboard(state: RegisterState(config: RegisterConfig()), ui: Fixture.ui())
        keys.type("1001")
        keys.press(.enter)
        #expect(keys.ui.login == .pin(code: "1001"))
        keys.type("1111")
        let screen = Fixture.render(keys.state, keys.ui).joined(separator: "\n")
        #expect(screen.contains("PIN: ****"))
        #expect(!screen.contains("1111"))
        keys.press(.enter)
        #expect(keys.sent == [.signInRequested(code: "1001", pin: "1111")])
        #expect(keys.ui.login == .code)
    }

    @Test func aCodeThenEnterIsCodeEnteredWithTheQuantityTypedBeforeQty() {
        var keys = Keyboard(state: Fixture.signedIn(), ui: Fixture.ui())
        keys.type("2")
        keys.press(.function(5))
        #expect(keys.ui.pendingQuantity == .each(2))
        keys.type("MUG-01")
        keys.press(.enter)
        keys.type("3*TEA-JAS")
        keys.press(.enter)
        #expect(keys.sent == [.codeEntered("MUG-01", quantity: .each(2)), .codeEntered("TEA-JAS", quantity: .each(3))])
        #expect(keys.ui.pendingQuantity == nil)
    }

    @Test func scannedTextBecomesCodeEnteredInOnePlace() throws {
        #expect(InputRouter.codeEntered("  ", pendingQuantity: nil) == nil)
        #expect(InputRouter.codeEntered("6901234567892", pendingQuantity: nil) == .success(.codeEntered("6901234567892", quantity: nil)))
        #expect(InputRouter.codeEntered("0.350*RICE-KG", pendingQuantity: nil)
                == .success(.codeEntered("RICE-KG", quantity: Quantity(thousandths: 350))))
        #expect(InputRouter.codeEntered("x*MUG", pendingQuantity: nil) == .failure(.quantityInvalid(text: "x")))
    }

    @Test func tenderKeysTakeTheTypedAmountAndAskForTheCardCode() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.cooker, 1)]), ui: Fixture.ui())
        keys.type("100")
        keys.press(.function(2))
        #expect(keys.sent.last == .tendered(.cash, amount: Fixture.money(10_000), reference: nil))
        keys.press(.function(3))
        #expect(keys.ui.cardTender == CardTender(amount: nil))
        keys.type("AUTH-1")
        keys.press(.enter)
        #expect(keys.sent.last == .tendered(.card, amount: nil, reference: "AUTH-1"))
        #expect(keys.state.activity == .idle)
        #expect(keys.state.lastCompleted?.change == Fixture.money(0))
    }

    @Test func aBadAmountShowsTheCoresRefusalAndSendsNothing() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.mug, 1)]), ui: Fixture.ui())
        keys.type("1.2.3")
        keys.press(.function(2))
        #expect(keys.sent.isEmpty)
        #expect(keys.ui.message == .refusal(.amountInvalid(text: "1.2.3")))
    }

    @Test func voidTakesTheTypedLineElseThePickedElseTheLast() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.tea, 1), (Fixture.mug, 1), (Fixture.cooker, 1)]), ui: Fixture.ui())
        keys.press(.function(6))
        #expect(keys.sent.last == .lineVoided(line: 3))
        keys.type("1")
        keys.press(.function(6))
        #expect(keys.sent.last == .lineVoided(line: 1))
        keys.press(.up)
        keys.press(.up)
        keys.press(.function(6))
        #expect(keys.sent.last == .lineVoided(line: 2))
    }

    @Test func aRefundGoesLinesReasonTenderConfirm() {
        var keys = Keyboard(state: Fixture.refunding(), ui: Fixture.ui())
        #expect(keys.ui.step == .items)
        keys.press(.enter)
        #expect(keys.ui.message == .refusal(.nothingSelected))
        keys.type("2")
        keys.press(.function(5))
        #expect(keys.sent.last == .refundQuantitySet(line: 1, .each(2)))
        keys.press(.enter)
        #expect(keys.ui.step == .reason)
        keys.press(.down, .enter)
        #expect(keys.sent.last == .reasonChosen(code: "WRONG"))
        #expect(keys.ui.step == .tender)
        keys.type("4")
        keys.press(.enter)
        #expect(keys.sent.last == .refundTenderChosen(.storeCredit, reference: nil))
        #expect(keys.ui.step == .confirm)
        keys.press(.escape)
        #expect(keys.ui.step == .tender)
        keys.press(.enter, .enter)
        #expect(keys.sent.last == .confirmed)
        #expect(keys.state.activity == .idle)
        #expect(keys.state.lastCompleted?.kind == .refund)
    }

    @Test func aReturnWithoutReceiptAsksForTheCustomerWhenThePolicyWantsOne() {
        var state = Fixture.signedIn()
        state.config.policy.blindReturn.requireCustomerReference = true
        state.config.policy.blindReturn.supervisorAboveMinor = 100_000
        _ = Register.reduce(&state, .blindReturnStarted, now: Fixture.now)
        _ = Register.reduce(&state, .itemFound(Fixture.mug, Fixture.vat, code: "MUG-01", quantity: nil, lowestRecentPrice: nil), now: Fixture.now)
        var keys = Keyboard(state: state, ui: Fixture.ui())
        keys.ui.reconcile(with: keys.state)   // as the screen does before the first key
        keys.press(.enter)                 // items done
        keys.press(.enter)                 // first reason
        keys.press(.enter)                 // first tender: store credit
        #expect(keys.ui.step == .customer)
        keys.press(.enter)
        #expect(keys.ui.message == .refusal(.customerReferenceRequired))
        keys.type("138 0000 0000")
        keys.press(.enter)
        #expect(keys.sent.last == .customerReferenceEntered("138 0000 0000"))
        #expect(keys.ui.step == .confirm)
        keys.press(.enter)
        #expect(keys.state.lastCompleted?.kind == .refund)
    }

    @Test func aPendingApprovalTurnsTheKeyboardIntoTheSupervisorPrompt() {
        var state = Fixture.refunding()
        let resume = RegisterAction.confirmed
        _ = Register.reduce(&state, .refundQuantitySet(line: 1, .each(1)), now: Fixture.now)
        _ = Register.reduce(&state, .reasonChosen(code: "DAMAGED"), now: Fixture.now)
        _ = Register.reduce(&state, .refundTenderChosen(.cash, reference: nil), now: Fixture.now)
        // Cash back is fine for a cash sale; a limit of 0 makes the policy ask.
        state.config.policy.refund.perRefundLimitMinor = 0
        _ = Register.reduce(&state, resume, now: Fixture.now)
        #expect(state.pendingApproval != nil)
        var keys = Keyboard(state: state, ui: Fixture.ui())
        keys.type("2001")
        keys.press(.enter)
        keys.type("222222")
        #expect(Fixture.render(keys.state, keys.ui).contains { $0.contains("Supervisor PIN: ****") })
        keys.press(.enter)
        #expect(keys.sent == [.approverPINEntered(code: "2001", pin: "222222")])
        keys.press(.escape)
        #expect(keys.sent.last == .cancelled)
        #expect(keys.state.pendingApproval == nil)
    }

    @Test func escapeStepsBackOneThingAtATime() {
        var keys = Keyboard(state: Fixture.selling([(Fixture.mug, 1)]), ui: Fixture.ui())
        keys.type("12")
        keys.press(.escape)
        #expect(keys.ui.input.isEmpty)
        #expect(keys.sent.isEmpty)
        keys.press(.escape)
        #expect(keys.sent == [.cancelled])
        // Issue 12: an open sale is not dropped by a key; the core asks first and Enter answers yes.
        #expect(keys.state.confirmation == .cancelActivity(.sale))
        keys.press(.enter)
        #expect(keys.sent == [.cancelled, .confirmed])
        #expect(keys.state.activity == .idle)
    }

    @Test func theLanguageKeySwitchesWithoutTouchingTheCore() {
        var keys = Keyboard(state: Fixture.signedIn(), ui: Fixture.ui())
        keys.press(.function(1))
        #expect(keys.ui.language == .zh)
        #expect(keys.sent.isEmpty)
    }
}
