import Foundation
import TillCore
import TillRuntime

/// The full-screen till: draws the state, reads a key (or times out for the clock and printer
/// state), hands it to the key interpreter and the resulting actions to the runtime.
public final class ScreenRunner {
    /// How long a key read waits when nothing is asked of the central journal: the clock, the
    /// printer state and print outcomes are redrawn at least this often.
    static let tickMs: Int32 = 250
    private let runtime: RegisterRuntime
    private let printer: ScreenPrinter
    private let scanner: ScanSource?
    public var ui: ScreenState
    /// Told of every key the clerk presses (drills count keystrokes).
    public var onKey: ((ScreenKey) -> Void)?
    /// Told of the core's state after every change, for a real customer display.
    public var onState: ((RegisterState) -> Void)?
    /// A device of the screen's own (the customer display) that cannot be reached: shown once
    /// as a message with its fix each time the problem changes.
    public var deviceProblem: (() -> ScreenMessage?)?
    /// Whether the real customer display takes what is sent (nil: there is none).
    public var displayOnline: (() -> Bool)?
    /// Looks an item up for PRICE? (the catalog, read only); nil: no such item.
    public var lookUpItem: ((String) throws -> CatalogItem?)?
    /// The byte sequences of a programmable keyboard's keys, in `ui.programmedKeys` order.
    public var programmedSequences: [[UInt8]] = []

    public init(runtime: RegisterRuntime, printer: ScreenPrinter, ui: ScreenState, scanner: ScanSource? = nil) {
        self.runtime = runtime
        self.printer = printer
        self.ui = ui
        self.scanner = scanner
    }

    /// Scans from a scanner device go to the core exactly like a code typed and Entered.
    private func takeScans() {
        guard let scanner else { return }
        for scan in scanner.takeScans() {
            var outputs: [RuntimeOutput] = []
            if let actions = ScanRouting.actions(for: scan, ui: &ui) {
                for action in actions { outputs += runtime.send(action) }
            } else if case .problem(let problem) = scan {
                outputs = [.error(RuntimeError(problem))]
            }
            ui.absorb(outputs, from: runtime)
            ui.reconcile(with: runtime.state)
        }
    }

    /// PRICE? asked for a code: its name and price, or the core's own refusal for an unknown item.
    private func answerPriceCheck() {
        guard let code = ui.priceCheck else { return }
        ui.priceCheck = nil
        do {
            if let item = try lookUpItem?(code) {
                ui.message = .info(ScreenText.priceOf(item.name, item.price))
            } else {
                ui.message = .refusal(.unknownItem(code: code))
            }
        } catch {
            ui.message = .failure(ProblemReport(code: "catalog_unreadable", message: ScreenText.catalogUnreadable("\(error)"),
                                                remedy: ScreenText.catalogUnreadableFix))
        }
    }

    /// Runs until the quit key. The terminal is restored on the way out.
    public func run() {
        let watch = PrinterWatch(printer)
        watch.start()
        Curses.open(timeoutMs: Self.tickMs, programmedKeys: programmedSequences)
        defer {
            Curses.close()
            watch.stop()
        }
        ui.reconcile(with: runtime.state)
        var size = Curses.size
        var shown: [ScreenRow] = []
        var told: RegisterState?
        var reported: ScreenMessage?
        var fastTick = false
        // Slips print on the printer's own thread; their outcomes are collected every tick.
        runtime.queuesPrintJobs = true
        runtime.queuesCentralCalls = true
        while !ui.quitRequested {
            // Central answers arrive the same way, so the screen never waits for the network.
            let finished = runtime.takePrintOutcomes() + runtime.takeCentralAnswers()
            if !finished.isEmpty {
                ui.absorb(finished, from: runtime)
                ui.reconcile(with: runtime.state)
            }
            takeScans()
            if told != runtime.state {
                onState?(runtime.state)
                told = runtime.state
            }
            (ui.screenRows, ui.screenCols) = size
            let problem = deviceProblem?()
            if let problem, problem != reported { ui.message = problem }
            reported = problem
            let status = StatusInfo(printer: watch.state, scanner: scanner?.label, displayOnline: displayOnline?(), now: runtime.now)
            let rows = ScreenLayout.render(runtime.state, ui, status, rows: size.rows, cols: size.cols)
            if rows != shown {
                Curses.draw(rows, cols: size.cols)
                shown = rows
            }
            // While the central journal is asked, the loop ticks every 5 ms rather than every
            // 250 ms: its answer is taken at a tick, and the clerk should not wait for the tick.
            let waiting = runtime.central?.hasOpenRequests == true
            if waiting != fastTick {
                fastTick = waiting
                Curses.keyTimeout(waiting ? 5 : Self.tickMs)
            }
            guard let key = Curses.readKey() else {
                if Curses.terminalGone { break }
                // A pressed key shows pressed until the keys go quiet.
                ui.flash = nil
                continue
            }
            if key == .resize {
                size = Curses.size
                Curses.clear()
                shown = []
                continue
            }
            onKey?(key)
            for action in KeyInterpreter.handle(key, ui: &ui, state: runtime.state) {
                let outputs = runtime.send(action)
                ui.absorb(outputs, from: runtime)
            }
            answerPriceCheck()
            ui.reconcile(with: runtime.state)
        }
        // Leaving with slips still at the printer: give them ten seconds to finish, so their
        // print state is recorded rather than left pending.
        let deadline = runtime.now.seconds + 10
        while runtime.hasQueuedPrintJobs && runtime.now.seconds < deadline {
            usleep(50_000)
            _ = runtime.takePrintOutcomes()
        }
    }
}
