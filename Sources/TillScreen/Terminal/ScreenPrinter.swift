import Foundation
import TillCore
import TillRuntime

/// The till's printer as the screen uses it: passes every job through, remembers the last slip
/// (a report is shown on screen as it printed) and lets the status bar ask the printer's state
/// from another thread. Printers that report their state (the device layer's `PrinterDriver`)
/// serialize status questions and jobs themselves, so a slow status reply never holds a lock
/// here that a print from the key loop would wait on.
public final class ScreenPrinter: QueuedSlipPrinter, @unchecked Sendable {
    private let inner: SlipPrinter
    private let lock = NSLock()
    private var last: SlipDocument?

    public init(_ inner: SlipPrinter) { self.inner = inner }

    public var name: String { inner.name }
    public var reportsState: Bool { inner is PrinterStateReporting }

    public func print(_ slip: SlipDocument) -> PrintOutcome {
        lock.lock()
        last = slip
        lock.unlock()
        return inner.print(slip)
    }

    /// Queues on printers that queue (the key loop never waits on paper); prints at once otherwise.
    public func submit(_ slip: SlipDocument, completion: @escaping @Sendable (PrintOutcome) -> Void) {
        lock.lock()
        last = slip
        lock.unlock()
        if let queued = inner as? QueuedSlipPrinter { queued.submit(slip, completion: completion) } else { completion(inner.print(slip)) }
    }

    public func openDrawer() -> PrintOutcome { inner.openDrawer() }

    public var lastSlip: SlipDocument? {
        lock.lock()
        defer { lock.unlock() }
        return last
    }

    /// nil when the printer cannot report its state.
    public func currentState() -> PrinterState? {
        guard let reporting = inner as? PrinterStateReporting else { return nil }
        return reporting.currentState()
    }
}

/// Asks the printer how it is every second on its own thread, so a slow printer never holds up
/// the keys; the screen reads the latest answer.
final class PrinterWatch: @unchecked Sendable {
    private let printer: ScreenPrinter
    private let lock = NSLock()
    private var latest: PrinterState?
    private var running = true

    init(_ printer: ScreenPrinter) {
        self.printer = printer
        latest = printer.reportsState ? .unknown : nil
    }

    func start(every seconds: Double = 1) {
        guard printer.reportsState else { return }
        let thread = Thread { [self] in
            while isRunning {
                let state = printer.currentState()
                lock.lock()
                latest = state
                lock.unlock()
                Thread.sleep(forTimeInterval: seconds)
            }
        }
        thread.start()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    var state: PrinterState? {
        lock.lock()
        defer { lock.unlock() }
        return latest
    }
}
