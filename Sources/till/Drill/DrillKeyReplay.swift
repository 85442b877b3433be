import Foundation
import TillCore
import TillRuntime
import TillScreen

/// Replays a key script through the till screen's own key interpreter, exactly as `till run`
/// turns keys into actions (no terminal needed). A script line is keys separated by spaces
/// (`F7`, `Enter`, `Esc`, `Up`, `Down`, `^Z` …), `type TEXT` (its characters), `scan CODE` (a
/// scanner burst: the drill's damaged labels read wrong; one keystroke, the trigger) or
/// `paper-load` (the trainer loads paper). Every other key counts as one keystroke.
struct DrillKeyReplay {
    let session: DrillSession
    let language: Language

    func run(lines: [String], echo: (String) -> Void) throws {
        var ui = ScreenState(language: language, slipFolder: session.config.slipDirectory)
        ui.reconcile(with: session.runtime.state)
        func press(_ key: ScreenKey, counted: Bool = true) {
            if counted { session.keystrokes += 1 }
            session.tick()
            for action in KeyInterpreter.handle(key, ui: &ui, state: session.runtime.state) {
                let outputs = session.send(action)
                for output in outputs { echo(EventJSON.text(EventJSON.object(output, language))) }
                ui.absorb(outputs, from: session.runtime)
            }
            // Slips print on the printer's queue, as in the screen.
            let finished = session.runtime.takePrintOutcomes()
            if !finished.isEmpty { ui.absorb(finished, from: session.runtime) }
            ui.reconcile(with: session.runtime.state)
        }
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "paper-load" { session.loadPaper(); continue }
            if line.hasPrefix("type ") {
                for ch in line.dropFirst(5) { press(.character(ch)) }
                continue
            }
            if line.hasPrefix("scan ") {
                session.keystrokes += 1
                for ch in session.scanned(String(line.dropFirst(5)).trimmingSpaces) { press(.character(ch), counted: false) }
                press(.enter, counted: false)
                continue
            }
            for token in line.split(separator: " ") {
                guard let key = Self.key(String(token)) else {
                    throw CLIError(code: "key_script_unknown_key", en: "Key script line \(number + 1): \"\(token)\" is not a key.",
                                   zh: "按键脚本第 \(number + 1) 行：“\(token)” 不是按键。",
                                   remedyEn: "Use F1…F12, Enter, Esc, Up, Down, PgUp, PgDn, Backspace, ^A…^Z, or `type TEXT`, `scan CODE`, `paper-load`.",
                                   remedyZh: "请使用 F1…F12、Enter、Esc、Up、Down、PgUp、PgDn、Backspace、^A…^Z，或 `type TEXT`、`scan CODE`、`paper-load`。")
                }
                press(key)
            }
        }
        // Let queued slips finish before the attempt is scored.
        let deadline = ContinuousClock.now + .seconds(10)
        while session.runtime.hasQueuedPrintJobs && ContinuousClock.now < deadline {
            usleep(20_000)
            ui.absorb(session.runtime.takePrintOutcomes(), from: session.runtime)
        }
    }

    static func key(_ name: String) -> ScreenKey? {
        switch name.lowercased() {
        case "enter": return .enter
        case "up": return .up
        case "down": return .down
        case "pgup": return .pageUp
        case "pgdn": return .pageDown
        case "backspace", "bksp": return .backspace
        default: return ScreenKey(name: name)
        }
    }
}
