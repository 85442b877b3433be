import Foundation
import Synchronization
import TillCore
import TillRuntime

/// The till's printer as the screen uses it: passes every job through, remembers the last slip
/// (a report is shown on screen as it printed) and lets the status bar ask the printer's state
/// from another thread. Printers that report their state (the device layer's `PrinterDriver`)
/// serialize status questions and jobs themselves, so a slow status reply never holds a lock
/// here that a print from the key loop would wait on.
public final class ScreenPrinter: QueuedSlipPrinter, @unchecked Sendable {
    // Safe to share (`@unchecked Sendable`): `last` is in a Mutex; `inner` is a `let` to a
    // printer that is itself safe to call from any thread (PrinterDriver serializes jobs and
    // status questions on its link; the virtual printer holds its state in a Mutex). Only the
    // protocol `SlipPrinter` does not say so, being shared with single-threaded test printers.
    private let inner: SlipPrinter
    private let last = Mutex<SlipDocument?>(nil)

    public init(_ inner: SlipPrinter) { self.inner = inner }

    public var name: String { inner.name }
    public var reportsState: Bool { inner is PrinterStateReporting }

    public func print(_ slip: SlipDocument) -> PrintOutcome {
        last.withLock { $0 = slip }
        return inner.print(slip)
    }

    /// Queues on printers that queue (the key loop never waits on paper); prints at once otherwise.
    public func submit(_ slip: SlipDocument, completion: @escaping @Sendable (PrintOutcome) -> Void) {
        last.withLock { $0 = slip }
        if let queued = inner as? QueuedSlipPrinter { queued.submit(slip, completion: completion) } else { completion(inner.print(slip)) }
    }

    public func openDrawer() -> PrintOutcome { inner.openDrawer() }

    public var lastSlip: SlipDocument? { last.withLock { $0 } }

    /// nil when the printer cannot report its state.
    public func currentState() -> PrinterState? {
        guard let reporting = inner as? PrinterStateReporting else { return nil }
        return reporting.currentState()
    }
}

/// Asks the printer how it is every second on its own thread, so a slow printer never holds up
/// the keys; the screen reads the latest answer.
final class PrinterWatch: Sendable {
    private let printer: ScreenPrinter
    /// The latest answer, and whether the asking thread should go on.
    private let shared: Mutex<(latest: PrinterState?, running: Bool)>

    init(_ printer: ScreenPrinter) {
        self.printer = printer
        shared = Mutex((printer.reportsState ? .unknown : nil, true))
    }

    func start(every seconds: Double = 1) {
        guard printer.reportsState else { return }
        let thread = Thread { [self] in
            while isRunning {
                let state = printer.currentState()
                shared.withLock { $0.latest = state }
                Thread.sleep(forTimeInterval: seconds)
            }
        }
        thread.start()
    }

    private var isRunning: Bool { shared.withLock { $0.running } }

    func stop() { shared.withLock { $0.running = false } }

    var state: PrinterState? { shared.withLock { $0.latest } }
}
