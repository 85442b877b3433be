import TillCore

/// Anything that can print a slip and kick the drawer: the virtual printer, a text-file printer,
/// and (in the device layer) USB, serial and network printers.
public protocol SlipPrinter: AnyObject {
    /// Prints one slip as one unit and says how it went. Never throws: a failure is an outcome.
    func print(_ slip: SlipDocument) -> PrintOutcome
    /// Pulses the cash drawer connected to the printer.
    func openDrawer() -> PrintOutcome
    /// A short name for messages ("virtual printer in out/", "usb://04b8:0e15").
    var name: String { get }
}

/// How a print job ended. `cause` says why in words a clerk can act on.
public enum PrintOutcome: Hashable, Sendable {
    case printed
    case failed(cause: String)
    /// Sent, but whether it printed could not be confirmed.
    case unknown(cause: String)

    func printState(at now: Timestamp) -> PrintState {
        switch self {
        case .printed: return .printed(at: now)
        case .failed(let cause): return .failed(cause: cause, at: now)
        case .unknown(let cause): return .unknown(cause: cause, at: now)
        }
    }
}
