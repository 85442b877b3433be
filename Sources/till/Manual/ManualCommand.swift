import ArgumentParser
import Foundation

/// `till manual`: the man page, till(1), written from the command tree itself (every command's
/// abstract, discussion, arguments and options, as `--help` shows them), so it cannot drift from
/// the commands. `Scripts/man` installs it; argument-parser's generate-manual plugin is not
/// available offline.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual", abstract: "Print the till(1) man page (roff), generated from the commands.",
        discussion: "Read it with `till manual | man -l -`, or install it with Scripts/man.")

    @Option(help: "Section number in the page's header.") var section = 1

    func run() throws {
        FileHandle.standardOutput.write(Data(ManualPage.roff(section: section).utf8))
    }
}

/// The roff text of till(1).
enum ManualPage {
    /// Every command below `root`, depth first, with its full name ("till catalog import").
    static func commands(_ root: ParsableCommand.Type = TillCommand.self, path: [String] = []) -> [(name: String, type: ParsableCommand.Type)] {
        let name = path + [root.configuration.commandName ?? String(describing: root).lowercased()]
        return [(name.joined(separator: " "), root)] + root.configuration.subcommands.flatMap { commands($0, path: name) }
    }

    static func roff(section: Int) -> String {
        let root = TillCommand.configuration
        var page = [
            ".TH TILL \(section) \"\" \"till \(root.version)\" \"Till manual\"",
            ".SH NAME", "till \\- " + escape(root.abstract),
            ".SH SYNOPSIS", ".B till", ".I command", "[options]",
            ".SH DESCRIPTION",
            escape("One executable for the clerk (till run: the full-screen till; till exec: the same core driven by actions as JSON lines or words), the technician (printers, scanners, displays) and the trainer (training mode and scored refund drills). Every refusal says why and what to do, in English and Simplified Chinese."),
            ".SH COMMANDS",
        ]
        for (name, type) in commands().dropFirst() {
            page += [".SS " + quoted(name), ".nf", escapeBlock(TillCommand.helpMessage(for: type, columns: 78)), ".fi"]
        }
        page += [
            ".SH FILES",
            ".TP", "$XDG_CONFIG_HOME/till/till.toml (~/.config/till/till.toml)",
            escape("The configuration; --config or $TILL_CONFIG name another. `till config defaults` prints every key with its default and range; `till config check` says which file it read."),
            ".TP", "$XDG_DATA_HOME/till (~/.local/share/till)",
            escape("The data folder (0700): journal.sqlite (0600), its key and anchor, training.sqlite, slips/, and journal.sqlite.till-ID.lock, which keeps a second process for the same till off the journal."),
            ".TP", "Devices/",
            escape("Printer profiles, keypad layouts and display profiles, looked up in this order: --devices or printer.devices_dir, $TILL_DEVICES_DIR, a Devices folder beside the executable or above it, one in or above the current folder, then /usr/local/share/till/Devices and /usr/share/till/Devices."),
            ".SH ENVIRONMENT",
            ".TP", "TILL_PIN, TILL_NEW_PIN", escape("A PIN for commands that need one (never a flag)."),
            ".TP", "TILL_CONFIG, TILL_DEVICES_DIR, TILL_DRILLS_DIR", escape("The configuration file, the Devices folder, the drills folder."),
            ".SH SEE ALSO", escape("The README in the source tree; Scripts/till-kiosk.service for a kiosk till."),
        ]
        return page.joined(separator: "\n") + "\n"
    }

    /// Text safe as roff: backslashes doubled, a leading dot or quote made literal.
    static func escape(_ text: String) -> String {
        let body = text.replacingOccurrences(of: "\\", with: "\\e")
        return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
    }

    static func escapeBlock(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "") + "\"" }
}
