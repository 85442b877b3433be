import Foundation
import TillCore
import TillJournal
import TillRuntime
import TillTraining
import TillVirtualPrinter

/// One attempt at a drill: a fresh training journal in a temporary folder, seeded through the
/// real core with the drill's past sales, a till in training mode on it, the drill's faults,
/// and what happened, scored at the end. The screen and key-script replays drive `runtime`;
/// scans go through `scan(_:)` so damaged labels arrive damaged.
final class DrillSession {
    let drill: DrillFile
    let directory: String
    let config: ResolvedConfiguration
    let journal: JournalDatabase
    let runtime: RegisterRuntime
    let printer: SlipPrinter
    /// The in-process virtual printer behind `printer`: drills inject their faults here.
    let paper: VirtualPrinter
    private let clock: TillClock
    /// Monotonic: a date change during the drill neither adds to nor takes from its time.
    private let started = ContinuousClock.now
    private var refunds: [RefundRecord] = []
    private var voids: [VoidRecord] = []
    private var refusals: [String] = []
    private var printed: Set<String> = []
    private var paperOutPending: Bool
    var keystrokes = 0

    init(drill: DrillFile, devicesDirectory: String?) throws {
        self.drill = drill
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("till-drill-\(drill.id)-\(UUID().uuidString)").path
        self.directory = directory
        var resolved = try ResolvedConfiguration(drill.config ?? TillConfiguration(), environment: ProcessInfo.processInfo.environment)
        resolved.dataDirectory = directory
        resolved.slipDirectory = directory + "/slips"
        resolved.pinHashRounds = 1000
        resolved.devicesDirectory = devicesDirectory
        // The trainer injects printer faults or loads paper through this socket in a live drill.
        resolved.printerControl = directory + "/printer.sock"
        config = resolved
        // The drill's own clock, the journal's too: the shop is set up the day before the drill's
        // oldest sale, its history follows day by day, and the drill itself runs at `now`.
        let oldest = Int64(drill.sales?.map(\.days_ago).max() ?? 0)
        let clock = TillClock(fixed: Timestamp(seconds: drill.now - (oldest + 1) * 86_400))
        let journal = try JournalDatabase(path: directory + "/training.sqlite", pinHashRounds: 1000, clock: { [clock] in clock.now })
        try DemoData.seedCatalogAndUsers(journal: journal, currency: resolved.register.currency)
        let extra = try drill.catalogItems(currency: resolved.register.currency)
        if !extra.isEmpty { try journal.upsert(items: extra) }
        var register = resolved.register
        // Everything in a drill is training: its history too, or the core would refuse to
        // refund a "real" sale from training mode.
        register.training = true
        try DrillSetup(drill: drill, journal: journal, config: register, clock: clock).run()
        let setup = try TillEnvironment.makePrinterSetup(resolved)
        guard let virtual = setup.virtual else {
            throw CLIError(code: "drill_printer_not_virtual", en: "Drills print on the built-in virtual printer.", zh: "演练使用内置虚拟打印机。",
                           remedyEn: "Remove the printer URL from the drill's [config].", remedyZh: "请删除演练 [config] 中的打印机地址。")
        }
        printer = setup.printer
        paper = virtual
        paperOutPending = drill.faults?.printer == "paper-out-at-slip"
        clock.set(Timestamp(seconds: drill.now))
        _ = try journal.recordMoneySettings(MoneySettings(register)) // the drill's own limits, chained
        let session = try RegisterRuntime(config: register, journal: journal, printer: printer, clock: { clock.now })
        self.journal = journal
        self.clock = clock
        runtime = session
        session.onRecord = { [weak self] record in self?.observe(record) }
        // Whoever drives the till (a replay or the screen), the session sees every outcome.
        session.onOutput = { [weak self] output in self?.observe(output) }
    }

    private func observe(_ record: JournalRecord) {
        switch record {
        case .refund(let refund, _):
            refunds.append(refund)
            // The scripted fault: the paper runs out just as the refund slip prints.
            if paperOutPending {
                paperOutPending = false
                _ = paper.inject(.paperOut)
            }
        case .postVoid(let void, _): voids.append(void)
        default: break
        }
    }

    private func observe(_ output: RuntimeOutput) {
        if case .event(.refused(let refusal)) = output {
            // A wrong PIN while the supervisor's approval is asked for is the supervisor's, not the
            // trainee's: it is kept apart and costs the trainee nothing.
            let approverPIN = runtime.state.pendingApproval != nil && [Refusal.wrongPIN(attemptsLeft: 0).code, "locked_out"].contains(refusal.code)
            refusals.append(approverPIN ? DrillScorer.approverPINRefusal : refusal.code)
        }
        if case .event(.slipPrinted(let reference)) = output { printed.insert(reference) }
    }

    /// The drill's clock follows real time from its fixed start.
    func tick() { clock.set(Timestamp(seconds: drill.now + Int64(seconds))) }

    /// Sends an action as the trainee.
    @discardableResult
    func send(_ action: RegisterAction) -> [RuntimeOutput] {
        tick()
        return runtime.send(action)
    }

    /// A scanned code as the scanner delivers it: a label the drill marks damaged reads wrong.
    func scanned(_ code: String) -> String { drill.faults?.damaged_scans?[code] ?? code }

    /// A scan from the scanner: a label the drill marks as damaged reads with its wrong digits.
    @discardableResult
    func scan(_ code: String, quantity: Quantity? = nil) -> [RuntimeOutput] {
        send(.codeEntered(scanned(code), quantity: quantity))
    }

    /// The trainer loads paper after a paper-out.
    func loadPaper() { _ = paper.inject(.paperLoad) }

    var seconds: Double { (ContinuousClock.now - started) / .seconds(1) }

    func score(seconds: Double? = nil) throws -> DrillScore {
        let observed = DrillObservation(refunds: refunds, voids: voids, refusals: refusals, printedSlips: printed,
                                        seconds: seconds ?? self.seconds, keystrokes: keystrokes)
        return DrillScorer.score(try drill.expectation(currency: config.register.currency), observed,
                                 par: DrillScorer.Par(seconds: Double(drill.par.seconds), keystrokes: drill.par.keystrokes))
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
}
