import ArgumentParser
import Foundation
import TillCore
import TillRuntime
import TillScanning
import TillScreen

/// `till run`: the full-screen till for the clerk. Same defaults as `till exec` (demo data on
/// first run, the built-in virtual printer, the keyboard as scanner); the screen only draws the
/// core's state and sends it keys as actions.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The full-screen till (ncurses): sales, voids, refunds, reports.",
        discussion: "Sign in with your user code and PIN. Function keys act as the keypad (legend at the bottom; "
            + "change them in the [keys] table of the configuration). "
            + "The on-screen keypad ([keypad]) is pressed with the mouse or a touch screen; ^K shows or hides it. "
            + "The customer display ([display]) is a panel on the screen, or a real one over serial, USB or TCP. "
            + "Needs a terminal of at least 80×24 with a UTF-8 locale.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Training mode: a separate training journal; the drawer never opens; slips say TRAINING.")
    var training = false

    @Option(help: "With --training: the trainer starting it (a user with runTraining; PIN from $TILL_PIN or asked).")
    var trainer: String?

    @Option(help: "With --training: who is training.")
    var trainee: String?

    @Option(help: "A scanner device the screen reads besides the keyboard: serial:///dev/ttyACM0?baud=9600&suffix=cr or evdev:///dev/input/event5 (default: [scanner] url, else keyboard).")
    var scanner: String?

    @Option(help: "A programmable keyboard's map written by `till keypad learn` (default: [keypad] keyboard).")
    var keyboard: String?

    func run() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw CLIError(code: "terminal_required", en: "`till run` needs a terminal.", zh: "`till run` 需要在终端中运行。",
                           remedyEn: "Start it in a terminal (or tmux); to drive the till from a script use `till exec`.",
                           remedyZh: "请在终端（或 tmux）中启动；脚本驱动请使用 `till exec`。")
        }
        // A bad [keys] table is named before anything is opened or written.
        let keymap = try KeyMap.checked(try global.resolve().keyBindings)
        if training {
            // The trainer signs in against the shop's real users before the training journal opens.
            let shop = try TillEnvironment(global)
            _ = try TrainerSignIn.authorize(shop, trainer: trainer, trainee: trainee ?? "?", what: "training")
        }
        let env = try TillEnvironment(global, training: training)
        let printer = ScreenPrinter(try env.makePrinter())
        let runtime = try env.makeRuntime(training: training, printer: printer)
        let replication = BackgroundReplication.start(env, training: training, runtime: runtime)   // [central] url: the outbox
        defer { replication?.stop() }
        let hardware = try ScreenHardware(env.config, journal: env.journal, keyboardOverride: keyboard)
        let feed = try scanFeed(scanner ?? env.config.scannerURL)
        defer { feed?.stop() }
        defer { hardware.display?.stop() }
        var ui = ScreenState(language: env.config.screenLanguage, keymap: keymap, slipFolder: env.config.slipDirectory)
        let screen = ScreenRunner(runtime: runtime, printer: printer, ui: ui, scanner: feed)
        let journal = env.journal
        screen.lookUpItem = { code in try journal.item(code: code) }
        hardware.configure(&ui, screen, displayURL: env.config.displayURL)
        screen.ui = ui
        screen.run()
        Output.error(screen.ui.language == .zh ? "小票保存在 \(env.config.slipDirectory)。"
                                               : "Slips are in \(env.config.slipDirectory).")
    }

    /// A reader for a scanner device; nil for the keyboard, which the screen reads itself.
    private func scanFeed(_ url: String) throws -> DeviceScanFeed? {
        let endpoint: ScannerEndpoint
        do { endpoint = try ScannerEndpoint.parse(url) } catch {
            throw CLIError(code: "scanner_address_unreadable", en: error.message.en, zh: error.message.zh, remedyEn: error.remedy.en, remedyZh: error.remedy.zh)
        }
        if case .keyboard = endpoint { return nil }
        return DeviceScanFeed(endpoint: endpoint)
    }
}
