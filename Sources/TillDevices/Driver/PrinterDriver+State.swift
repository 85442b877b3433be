import TillPorts

/// What the status bar shows. Asks the printer when no job is running (a background watcher
/// calls this, never the key loop), so a fault appears on screen before the next slip.
extension PrinterDriver: PrinterStateReporting {
    public func currentState() -> PrinterState {
        if state != .busy { _ = try? checkStatus() }
        if case .offline = state { return .offline }
        let p = properties
        guard p.known else { return .unknown }
        if p.paperEmpty { return .paperOut }
        if p.coverOpen { return .coverOpen }
        if p.cutterError || p.unrecoverableError { return .error }
        if p.offline { return .offline }
        return p.paperNearEnd ? .paperLow : .ready
    }
}
