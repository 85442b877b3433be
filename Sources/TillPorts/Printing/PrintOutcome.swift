import TillCore

/// How a print job ended. `cause` is typed: the printer layer says which failure it saw, the
/// journal stores its code, and the screen and exports translate it.
public enum PrintOutcome: Hashable, Sendable {
    case printed
    case failed(cause: PrintFailure)
    /// Sent, but whether it printed could not be confirmed.
    case unknown(cause: PrintFailure)

    /// The slip's print state once this outcome is known.
    public func printState(at now: Timestamp) -> PrintState {
        switch self {
        case .printed: return .printed(at: now)
        case .failed(let cause): return .failed(cause: cause, at: now)
        case .unknown(let cause): return .unknown(cause: cause, at: now)
        }
    }
}
