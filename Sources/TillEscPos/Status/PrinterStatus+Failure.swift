import TillCore

extension PrinterStatus {
    /// Why a job cannot print now, as the typed cause a failed print records; nil when it can.
    /// The first of the printer's faults in the order a clerk should fix them.
    public var blockingFailure: PrintFailure? {
        if paperOut { return .paperOut }
        if coverOpen { return .coverOpen }
        if cutterError { return .cutterJammed }
        if unrecoverableError { return .printerError }
        if offline { return .offline }
        return nil
    }
}
