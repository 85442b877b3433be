import TillCore
import TillRuntime

/// Scans from a scanner device (serial or evdev) that is not the terminal's keyboard: read on
/// their own thread, collected by the screen loop each tick.
public protocol ScanSource: AnyObject, Sendable {
    /// For the status bar: "scanner: serial ttyUSB0", "scanner: OFFLINE".
    var label: LocalizedText { get }
    /// Scans since the last call, in order.
    func takeScans() -> [ScannedInput]
}

public enum ScannedInput: Hashable, Sendable {
    /// A scan the till understood: the action it becomes (`codeEntered`, with any weight).
    case action(RegisterAction)
    /// A scan the core's own refusal describes (a wrong check digit).
    case refused(Refusal)
    /// A scan, or the scanner, that went wrong in a way only the scanner layer can name.
    case problem(ProblemReport)
}
