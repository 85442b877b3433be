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

/// A printer that can say how it is right now (asked often: must answer within a second).
public protocol PrinterStateReporting: AnyObject {
    func currentState() -> PrinterState
}

/// A printer that takes a job and says later how it went, so the caller (the screen) never
/// waits on paper: `completion` runs on the printer's own thread.
public protocol QueuedSlipPrinter: SlipPrinter {
    func submit(_ slip: SlipDocument, completion: @escaping @Sendable (PrintOutcome) -> Void)
}
