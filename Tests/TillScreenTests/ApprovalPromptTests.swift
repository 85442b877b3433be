import Testing
import TillCore
@testable import TillScreen

/// The supervisor prompt shows the amount its PIN approves, and disappears (the core cancels the
/// approval) when the refund changes while it is open.
@Suite struct ApprovalPromptTests {
    static let supervisor = User(code: "2001", name: "Wang Supervisor", role: .supervisor)

    @Test func thePromptShowsTheAmountAndAChangedQuantityCancelsIt() {
        var state = Fixture.refunding()
        state.config.policy.refund.perRefundLimitMinor = 1000
        var keys = Keyboard(state: state, ui: Fixture.ui())
        keys.type("1")
        keys.press(.function(5), .enter, .enter, .enter, .enter)
        #expect(keys.state.pendingApproval?.amount == Fixture.money(2500))
        let screen = Fixture.render(keys.state, keys.ui).joined(separator: "\n")
        #expect(screen.contains("SUPERVISOR APPROVAL NEEDED"))
        #expect(screen.contains("Amount to approve: ¥25.00"))

        // The clerk changes the quantity on the same keyboard while the prompt is open.
        keys.type("2")
        keys.press(.function(5))
        guard case .refunding(let draft) = keys.state.activity else { Issue.record("the refund ended"); return }
        #expect(draft.quantities[1] == .each(2), "F5 changed the quantity: \(keys.sent)")
        #expect(keys.state.pendingApproval == nil, "a changed refund cancels the pending approval")
        let after = Fixture.render(keys.state, keys.ui).joined(separator: "\n")
        #expect(!after.contains("SUPERVISOR APPROVAL NEEDED"))

        // The supervisor's PIN, checked now, approves nothing and pays nothing.
        let effects = Register.reduce(&keys.state, .approverVerified(Self.supervisor), now: Fixture.now)
        #expect(!effects.contains { if case .record(.refund) = $0 { return true } else { return false } })
    }

    @Test func aQuantityChangedDirectlyWhilePendingCancelsTheApproval() {
        var state = Fixture.refunding()
        state.config.policy.refund.perRefundLimitMinor = 1000
        for action: RegisterAction in [.refundQuantitySet(line: 1, .one), .reasonChosen(code: "DAMAGED"), .confirmed] {
            _ = Register.reduce(&state, action, now: Fixture.now)
        }
        #expect(state.pendingApproval?.amount == Fixture.money(2500))
        let effects = Register.reduce(&state, .refundQuantitySet(line: 1, .each(2)), now: Fixture.now)
        #expect(state.pendingApproval == nil)
        #expect(effects.contains(.emit(.cancelled(.approval))))
        #expect(!Fixture.render(state, Fixture.ui()).joined().contains("SUPERVISOR APPROVAL NEEDED"))
        let approved = Register.reduce(&state, .approverVerified(Self.supervisor), now: Fixture.now)
        #expect(!approved.contains { if case .record(.refund) = $0 { return true } else { return false } })
    }
}
