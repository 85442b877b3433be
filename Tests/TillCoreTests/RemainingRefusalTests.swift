import Testing
@testable import TillCore

/// The refusals not met on the way through the other suites, each provoked as a clerk would.
@Suite struct RemainingRefusalTests {
    @Test func blindReturnsCanBeSwitchedOff() {
        var config = RegisterConfig()
        config.policy.blindReturn.enabled = false
        var till = TestTill(config: config)
        till.signInAndOpenShift()
        till.send(.blindReturnStarted)
        #expect(till.lastRefusal == .blindReturnsDisabled)
        #expect(till.state.activity == .idle)
    }

    @Test func negativeAmountsAndZeroQuantitiesAreRefused() {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.priceOverridden(line: 1, till.cny(-100)))
        #expect(till.lastRefusal == .amountInvalid(text: "-1.00"))
        till.send(.quantityChanged(line: 1, .zero))
        #expect(till.lastRefusal == .quantityInvalid(text: "0"))
        till.send(.codeEntered("TEA", quantity: .zero))
        #expect(till.lastRefusal == .quantityInvalid(text: "0"))
        till.send(.tendered(.cash, amount: till.cny(0), reference: nil))
        #expect(till.lastRefusal == .amountInvalid(text: "0.00"))
    }

    @Test func aSecondShiftCannotOpenOverAnOpenOne() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.shiftOpenRequested(float: till.cny(100)))
        #expect(till.lastRefusal == .shiftAlreadyOpen(number: 1))
    }

    @Test func confirmingOrTenderingWithNothingInProgressSaysSo() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.confirmed)
        #expect(till.lastRefusal == .nothingInProgress)
        till.send(.tendered(.cash, amount: nil, reference: nil))
        #expect(till.lastRefusal == .nothingInProgress)
        till.send(.cancelled)
        #expect(till.lastRefusal == .nothingInProgress)
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        #expect(till.lastRefusal == .nothingInProgress)
    }

    @Test func theDrawerNeedsThePermissionAndATrainingDrawerStaysShut() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.drawerOpenRequested)
        #expect(till.lastRefusal == .notPermitted(role: .clerk, permission: .openDrawer))
        var training = TestTill(config: RegisterConfig(training: true))
        training.signInAndOpenShift("2001")
        training.send(.drawerOpenRequested)
        #expect(training.drawerOpens == 0)
        #expect(training.records.contains { if case .event(let e) = $0 { return e.kind == .drawerOpened && e.training } else { return false } })
    }
}
