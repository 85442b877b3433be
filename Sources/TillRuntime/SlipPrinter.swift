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

/// What the status bar shows about the printer.
public enum PrinterState: String, Hashable, Sendable {
    case ready, paperLow, paperOut, coverOpen, offline, error, unknown

    public var label: LocalizedText {
        switch self {
        case .ready: return LocalizedText(en: "printer ready", zh: "打印机就绪")
        case .paperLow: return LocalizedText(en: "paper low", zh: "纸将用完")
        case .paperOut: return LocalizedText(en: "PAPER OUT", zh: "缺纸")
        case .coverOpen: return LocalizedText(en: "COVER OPEN", zh: "机盖打开")
        case .offline: return LocalizedText(en: "PRINTER OFFLINE", zh: "打印机离线")
        case .error: return LocalizedText(en: "PRINTER ERROR", zh: "打印机故障")
        case .unknown: return LocalizedText(en: "printer ?", zh: "打印机状态未知")
        }
    }
}

/// A printer that can say how it is right now (asked often: must answer within a second).
public protocol PrinterStateReporting: AnyObject {
    func currentState() -> PrinterState
}

/// A printer that takes a job and says later how it went, so the caller (the screen) never
/// waits on paper: `completion` runs on the printer's own thread.
public protocol QueuedSlipPrinter: SlipPrinter {
    func submit(_ slip: SlipDocument, completion: @escaping @Sendable (PrintOutcome) -> Void)
}
