import TillCore
import TillRuntime

/// A scan from a scanner device, as the till takes it: exactly as if the code had been typed
/// and Entered (a quantity typed before it, or QTY, counts for it), and a label the scanner layer
/// refuses goes to the core as a refusal, so it is journaled and a drill scores it.
public enum ScanRouting {
    /// The actions for one device scan; a scanner problem (unplugged) is not an action: nil.
    public static func actions(for scan: ScannedInput, ui: inout ScreenState) -> [RegisterAction]? {
        switch scan {
        case .action(.codeEntered(let code, nil)):
            // The typed quantity is the clerk's for the next code, typed or scanned.
            guard let quantity = ui.pendingQuantity else { return [.codeEntered(code, quantity: nil)] }
            ui.pendingQuantity = nil
            return [.codeEntered(code, quantity: quantity)]
        case .action(let action):
            // A weighed label carries its own quantity; the typed one stays for the next item.
            return [action]
        case .refused(let refusal):
            return [.scanRefused(refusal)]
        case .problem:
            return nil
        }
    }
}

extension ScreenState {
    /// Takes in what the runtime reported, with the runtime's own state and last slip: the slip
    /// shown for a report is the one the runtime printed, whichever printer it prints on.
    public mutating func absorb(_ outputs: [RuntimeOutput], from runtime: RegisterRuntime) {
        absorb(outputs, state: runtime.state, lastSlip: runtime.lastSlip)
    }
}
