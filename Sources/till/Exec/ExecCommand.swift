import ArgumentParser
import Foundation
import TillCore
import TillRuntime

/// `till exec`: drives the till with actions as JSON lines (or words) and writes what happened
/// as JSON lines. Tests, drills and automation use exactly the core the screen uses.
struct ExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run actions from a file or standard input; print events as JSON lines.",
        discussion: "Each input line is a JSON object such as {\"action\":\"scan\",\"code\":\"6901234567892\"} "
            + "or the same in words: scan 6901234567892. Vocabulary:\n" + ActionParser.help)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "File of actions, one per line (default: standard input).")
    var file: String?

    @Flag(help: "Training mode: a separate training journal; the drawer never opens; slips say TRAINING.")
    var training = false

    @Option(help: "With --training: the trainer starting it (a user with runTraining; PIN from $TILL_PIN, since standard input carries the actions).")
    var trainer: String?

    @Option(help: "With --training: who is training.")
    var trainee: String?

    @Flag(help: "Stop at the first refused action or bad line (exit code 3).")
    var strict = false

    @Flag(help: "Let `at EPOCH` lines set the till's clock: only with --training or on a test journal (--test-journal). The shop's journal refuses it: its times come from the system clock.")
    var clockOverride = false

    @Flag(help: "Mark a new journal (no entries yet) as a test journal, on which --clock-override is allowed.")
    var testJournal = false

    func run() throws {
        if training {
            // As `till run --training`: a trainer signs in against the shop's users first. The PIN
            // must come from $TILL_PIN: standard input is the actions.
            guard trainer == nil || ProcessInfo.processInfo.environment["TILL_PIN"]?.isEmpty == false else {
                throw CLIError(code: "trainer_pin_missing", en: "The trainer's PIN is missing: `till exec` reads actions from standard input.",
                               zh: "缺少培训员密码：`till exec` 从标准输入读取操作。",
                               remedyEn: "Set TILL_PIN to the trainer's PIN.", remedyZh: "请将 TILL_PIN 设为培训员的密码。")
            }
            _ = try TrainerSignIn.authorize(try TillEnvironment(global), trainer: trainer, trainee: trainee ?? "?", what: "training (exec)")
        }
        let env = try TillEnvironment(global, training: training, testJournal: testJournal)
        try ClockOverride.check(enabled: clockOverride, training: training, env: env)
        let clock = env.clock
        let runtime = try env.makeRuntime(training: training)
        let replication = BackgroundReplication.start(env, training: training, runtime: runtime)   // [central] url: the outbox
        defer { replication?.stop() }
        var lang = env.config.screenLanguage
        let parser = ActionParser(currency: env.config.register.currency)
        let input: FileHandle
        if let file {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw CLIError(code: "actions_file_unreadable", en: "Cannot open \(file).", zh: "无法打开 \(file)。",
                               remedyEn: "Check the path and that the file is readable.", remedyZh: "请检查路径及读取权限。")
            }
            input = handle
        } else {
            input = FileHandle.standardInput
        }
        if file == nil, isatty(0) == 1 {
            Output.error(lang == .zh
                ? "Till 无界面驱动：每行输入一个操作，例如 `signin 1001 1111`、`scan 6901234567892`、`cash 100`。小票在 \(env.config.slipDirectory)。Ctrl-D 退出。\n" + ActionParser.help
                : "Till headless driver: one action per line, e.g. `signin 1001 1111`, `scan 6901234567892`, `cash 100`. Slips go to \(env.config.slipDirectory). Ctrl-D quits.\n" + ActionParser.help)
        }
        var lineNumber = 0
        var failed = false
        for piece in LineReader(input) {
            lineNumber += 1
            let parsed: ActionParser.Parsed
            do {
                guard case .line(let bytes) = piece else { throw ActionParser.BadInput.lineTooLong(piece) }
                parsed = try parser.parse(String(decoding: bytes, as: UTF8.self))
                if parsed.at != nil, !clockOverride { throw ClockOverride.refusedLine }
            } catch let bad as ActionParser.BadInput {
                var object = EventJSON.problem("badInput", bad, lang)
                object["line"] = lineNumber
                Output.line(EventJSON.text(object))
                failed = true
                if strict { throw ExitCode(3) }
                continue
            }
            if let at = parsed.at { clock.set(at) }
            if let language = parsed.language { lang = language }
            guard let action = parsed.action else { continue }
            // Verdicts on unverified refunds reconciled in the background are recorded as they come.
            for output in runtime.send(action) + runtime.takeCentralAnswers() {
                Output.line(EventJSON.text(EventJSON.object(output, lang)))
                if case .event(.refused) = output { failed = true }
                if case .error = output { failed = true }
            }
            if strict && failed { throw ExitCode(3) }
        }
    }
}

/// Reads lines from a file handle as they arrive (interactive stdin works line by line), in
/// linear time (`LineSplitter`); a line over the limit comes back as `.tooLong`.
struct LineReader: Sequence, IteratorProtocol {
    let handle: FileHandle
    private var splitter: LineSplitter
    private var ready: [LineSplitter.Piece] = []
    private var done = false

    init(_ handle: FileHandle, maximumLineBytes: Int = LineSplitter.defaultMaximumLineBytes) {
        self.handle = handle
        splitter = LineSplitter(maximumLineBytes: maximumLineBytes)
    }

    mutating func next() -> LineSplitter.Piece? {
        while ready.isEmpty {
            if done { return nil }
            let chunk = handle.availableData
            if chunk.isEmpty {
                done = true
                if let last = splitter.end() { ready.append(last) }
            } else {
                ready = splitter.feed(chunk)
            }
        }
        return ready.removeFirst()
    }
}
