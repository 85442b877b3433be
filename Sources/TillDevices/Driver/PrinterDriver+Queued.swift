import TillPorts

/// The driver's job queue serves the runtime: slips print in order on the driver's thread while
/// the screen stays live.
extension PrinterDriver: QueuedSlipPrinter {}
