import Foundation
import TillCore
import TillRuntime

/// Replays a drill actions file headlessly: the `till exec` vocabulary, plus `type CODE` (typed
/// by hand: no scanner fault applies) and `paper-load` (the trainer loads paper). Each action
/// counts as one keystroke; key scripts (`--keys`) count the screen's real keys.
struct DrillActionReplay {
    let session: DrillSession
    let parser: ActionParser
    let language: Language

    func run(lines: [String], echo: (String) -> Void) throws {
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line == "paper-load" { session.loadPaper(); continue }
            session.keystrokes += 1
            if line.hasPrefix("type ") {
                let words = line.split(separator: " ").map(String.init)
                report(session.send(.codeEntered(words[1], quantity: words.count > 2 ? Quantity(parsing: words[2]) : nil)), echo)
                continue
            }
            let parsed: ActionParser.Parsed
            do { parsed = try parser.parse(line) } catch let bad as ActionParser.BadInput {
                throw CLIError(code: "drill_action_unreadable", en: "Actions line \(number + 1): \(bad.message.en)", zh: "操作第 \(number + 1) 行：\(bad.message.zh)",
                               remedyEn: "Use the `till exec` vocabulary, `type CODE` or `paper-load`.",
                               remedyZh: "请使用 `till exec` 的操作词、`type CODE` 或 `paper-load`。")
            }
            guard let action = parsed.action else { continue }
            if case .codeEntered(let code, let quantity) = action {
                report(session.scan(code, quantity: quantity), echo)
            } else {
                report(session.send(action), echo)
            }
        }
    }

    private func report(_ outputs: [RuntimeOutput], _ echo: (String) -> Void) {
        for output in outputs { echo(EventJSON.text(EventJSON.object(output, language))) }
    }
}
