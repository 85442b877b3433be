import Foundation
import TillCore
import TillScreen

/// A drill in the real till screen: the story first, then `till run`'s screen in training
/// mode on the drill's journal; keys are counted, and the attempt is scored when the trainee
/// quits (^Q).
struct DrillLive {
    let session: DrillSession
    let config: ResolvedConfiguration

    func run() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw CLIError(code: "terminal_required", en: "A live drill needs a terminal.", zh: "实时演练需要在终端中运行。",
                           remedyEn: "Run it in a terminal, or replay a script with --keys FILE.",
                           remedyZh: "请在终端中运行，或用 --keys FILE 回放脚本。")
        }
        let lang = config.screenLanguage
        let drill = session.drill
        let zh = lang == .zh
        print(drill.title.localized.text(lang))
        print(drill.story.localized.text(lang))
        print(zh ? "\n以收银员 1001（密码 1111）登录；需要主管时请培训员输入 2001 / 222222。完成后按 ^Q 结束并评分。"
                 : "\nSign in as clerk 1001 (PIN 1111); when a supervisor is needed the trainer enters 2001 / 222222. Press ^Q when done to score.")
        // The session's own socket (each drill has one in its folder), not the shop's setting.
        let control = session.config.printerControl ?? ""
        print(zh ? "培训员装纸（在另一个终端）：till printer fault --control \(control) paper-load"
                 : "Trainer, to load paper (in another terminal): till printer fault --control \(control) paper-load")
        print(zh ? "按回车开始…" : "Press Enter to start…")
        _ = readLine()
        let keymap = try KeyMap.checked(config.keyBindings)
        let printer = ScreenPrinter(session.printer)
        var ui = ScreenState(language: lang, keymap: keymap, slipFolder: config.slipDirectory)
        ui.drillStory = drill.story.localized // stays on screen for the whole drill
        let screen = ScreenRunner(runtime: session.runtime, printer: printer, ui: ui)
        screen.onKey = { [session] key in
            if key != .resize { session.keystrokes += 1 }
            session.tick()
        }
        screen.run()
    }
}
