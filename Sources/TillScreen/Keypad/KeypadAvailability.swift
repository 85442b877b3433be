import TillCore

/// Whether a keypad key would be taken now: the key is pressed on a copy of the screen and the
/// core (the reducer is pure), and it is disabled exactly when the core would refuse it at
/// once. So the keypad can never disagree with the core, and holds no rule of its own.
enum KeypadAvailability {
    static func isEnabled(_ action: KeypadAction, ui: ScreenState, state: RegisterState, now: Timestamp) -> Bool {
        var ui = ui
        var state = state
        ui.message = nil
        for registerAction in KeyInterpreter.press(action, ui: &ui, state: state) {
            for case .emit(.refused) in Register.reduce(&state, registerAction, now: now) { return false }
        }
        // Refused by the screen itself (an amount that is not one): also not taken.
        if case .refusal? = ui.message { return false }
        return true
    }
}
