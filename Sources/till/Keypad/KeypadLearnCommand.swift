import ArgumentParser
import Foundation
import TillCore
import TillScreen

/// `till keypad learn`: press each key of a programmable POS keyboard when asked; what it sends
/// (read raw from the terminal) is written with the action it stands for, and `till run`
/// (with `[keypad] keyboard` or `--keyboard`) then takes that key as the action.
struct KeypadLearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Record what each key of a programmable POS keyboard sends and write the keyboard map.",
        discussion: "Asks for each key of the layout in turn. Press the key; Enter skips it; Ctrl-D finishes early. "
            + "Keys must send their own sequence (one starting with Esc, or F13–F24): plain text cannot be told from typing.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Where to write the keyboard map (JSON).")
    var out: String

    @Option(help: "The actions to learn, comma-separated (default: every key of the configured layout, once each).")
    var actions: String?

    @Option(help: "A name for the keyboard, kept in the file.")
    var name: String = "programmable keyboard"

    /// A key's bytes arrive together; this much quiet ends it.
    static let quietMs: Int32 = 150

    func run() throws {
        let config = try global.resolve()
        let wanted = try actionList(config)
        guard let terminal = RawTerminal() else {
            throw CLIError(code: "terminal_required", en: "`till keypad learn` needs a terminal: the keyboard is read from it.", zh: "`till keypad learn` 需要在终端中运行：从终端读取键盘。",
                           remedyEn: "Run it in the terminal the keyboard types into.", remedyZh: "请在该键盘输入的终端中运行。")
        }
        defer { terminal.restore() }
        let lang = Output.language
        var map = KeyboardMap(keyboard: name)
        var index = 0
        learning: while index < wanted.count {
            let action = wanted[index]
            say(lang == .zh ? "请按“\(action.defaultLabel.zh)”键（\(action.name)）；回车跳过，Ctrl-D 结束："
                            : "Press the key for \(action.defaultLabel.en) (\(action.name)); Enter skips, Ctrl-D finishes:")
            var bytes: [UInt8] = []
            while bytes.isEmpty {
                bytes = terminal.read(timeoutMs: 1000)
                // The terminal closed: nothing more will come, so nothing is written.
                if bytes.isEmpty, Self.terminalGone() {
                    throw CLIError(code: "terminal_closed", en: "The terminal closed before the keys were learned; nothing was written.",
                                   zh: "学习完成前终端已关闭；未写入任何内容。",
                                   remedyEn: "Run `till keypad learn` again and press each key when asked (Ctrl-D finishes early).",
                                   remedyZh: "请重新运行 `till keypad learn`，按提示逐个按键（Ctrl-D 可提前结束）。")
                }
            }
            while bytes.count <= KeyboardMap.maxSequence {
                let more = terminal.read(timeoutMs: Self.quietMs)
                if more.isEmpty { break }
                bytes += more
            }
            switch bytes {
            case [0x0D], [0x0A]:
                say(lang == .zh ? "  已跳过。" : "  skipped.")
                index += 1
            case [0x04]:
                break learning
            default:
                do {
                    try map.add(bytes, action)
                    say("  \(KeyboardMap.hex(bytes)) → \(action.name)")
                    index += 1
                } catch {
                    say("  " + error.message.text(lang) + "\n  → " + error.remedy.text(lang))
                }
            }
        }
        do { try map.json.write(toFile: out, atomically: true, encoding: .utf8) } catch {
            throw CLIError(code: "file_not_writable", en: "Cannot write \(out): \(ErrorCause.text(error).en)", zh: "无法写入 \(out)：\(ErrorCause.text(error).zh)。",
                           remedyEn: "Choose a folder you can write with --out.", remedyZh: "请用 --out 指定可写的位置。")
        }
        say(lang == .zh ? "已写入 \(map.entries.count) 个键到 \(out)。在配置的 [keypad] keyboard 中设置此文件，或使用 `till run --keyboard \(out)`。"
                        : "Wrote \(map.entries.count) keys to \(out). Set [keypad] keyboard to it, or run `till run --keyboard \(out)`.")
    }

    static func terminalGone() -> Bool {
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 1 && (p.revents & Int16(POLLHUP | POLLERR | POLLNVAL)) != 0
    }

    /// The actions asked for, in order: the flag's, else the configured layout's keys.
    func actionList(_ config: ResolvedConfiguration) throws -> [KeypadAction] {
        if let actions {
            return try actions.split(separator: ",").map { raw in
                let name = raw.trimmingCharacters(in: .whitespaces)
                guard let action = KeypadAction(name: name) else {
                    let unknown = UnknownName(place: "--actions", name: name, kind: LocalizedText(en: "action", zh: "动作"), known: KeypadAction.knownNames)
                    throw CLIError(code: "keypad_action_unknown", message: unknown.message, remedy: unknown.remedy)
                }
                return action
            }
        }
        let layout = try ScreenHardware.layout(config.keypadLayout == "none" ? "pos-4x6" : config.keypadLayout,
                                               in: try DevicesDirectory.resolve(config.devicesDirectory) + "/keypads")
        var seen: [KeypadAction] = []
        for key in layout.pages.flatMap({ $0.rows.joined() }) where !seen.contains(key.action) {
            if case .page = key.action { continue }
            seen.append(key.action)
        }
        return seen
    }
}
