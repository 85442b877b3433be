import TillEscPos
import TillPorts

/// What the status bar shows. Asks the printer when no job is running (a background watcher
/// calls this, never the key loop), so a fault appears on screen before the next slip.
extension PrinterDriver: PrinterStateReporting {
    public func currentState() -> PrinterState {
        if state != .busy { _ = try? checkStatus() }
        if case .offline = state { return .offline }
        return PrinterState(lastStatus)
    }
}

extension PrinterState {
    /// The status bar's word for what the printer reported: a view of the one status model,
    /// never a second reading of the bytes. Unknown until the printer answered.
    public init(_ status: PrinterStatus?) {
        guard let status else { self = .unknown; return }
        if status.paperOut { self = .paperOut }
        else if status.coverOpen { self = .coverOpen }
        else if status.cutterError || status.unrecoverableError { self = .error }
        else if status.offline { self = .offline }
        else { self = status.paperNearEnd ? .paperLow : .ready }
    }
}
