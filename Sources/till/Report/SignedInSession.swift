import TillCore
import TillRuntime

/// A one-shot session for CLI commands that act as a person (reports, reprints): signs in with
/// --user and a PIN from $TILL_PIN or standard input, sends actions, prints what happened.
struct SignedInSession {
    let runtime: RegisterRuntime
    let language: Language
    /// Beside a running till (no lock taken): only `ReadOnlyActions` may be sent.
    let readOnly: Bool

    init(_ env: TillEnvironment, user: String, printer: SlipPrinter? = nil, readOnly: Bool = false) throws {
        self.readOnly = readOnly
        runtime = try env.makeRuntime(printer: printer, readOnly: readOnly)
        language = env.config.screenLanguage
        let pin = try PinInput.read(prompt: "PIN for \(user): ")
        try send(.signInRequested(code: user, pin: pin))
    }

    /// Sends an action; a refusal or error becomes a CLI error with its cause and remedy.
    @discardableResult
    func send(_ action: RegisterAction) throws -> [RegisterEvent] {
        if readOnly, !ReadOnlyActions.allows(action) { throw ReadOnlyActions.refusal(action) }
        var events: [RegisterEvent] = []
        for output in runtime.send(action) {
            switch output {
            case .error(let error): throw error
            case .event(.refused(let refusal)): throw refusal
            case .event(let event): events.append(event)
            }
        }
        return events
    }
}

/// Passes slips to another printer and keeps them, so a command can also show them.
final class CapturingPrinter: SlipPrinter {
    let inner: SlipPrinter
    private(set) var slips: [SlipDocument] = []
    init(_ inner: SlipPrinter) { self.inner = inner }
    var name: String { inner.name }
    func print(_ slip: SlipDocument) -> PrintOutcome {
        slips.append(slip)
        return inner.print(slip)
    }
    func openDrawer() -> PrintOutcome { inner.openDrawer() }
}
