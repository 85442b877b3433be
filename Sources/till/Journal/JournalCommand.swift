import ArgumentParser
import Foundation
import TillCore
import TillJournal

/// `till journal …`: check, export and inspect the journal.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Verify the journal's keyed hash chain and its tables, export it, list unprinted slips, escrow its key.",
        subcommands: [Verify.self, Export.self, Slips.self, Anchor.self, JournalKeyCommand.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every entry against the keyed hash chain and every table against the chain; name every problem.",
            discussion: "Also checks the anchor the till remembers beside its key file, and each --anchor COUNT:HASH printed on a Z report or written at the end of an export. Exit 2 if anything is wrong.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Check the training journal instead.") var training = false
        @Option(help: "COUNT:HASH from a Z report or an export: the journal must reach entry COUNT with that hash (repeatable).")
        var anchor: [String] = []

        func run() throws {
            let anchors = try anchor.map { text in
                guard let parsed = JournalAnchor(parsing: text) else {
                    throw CLIError.badSetting("--anchor", value: text, expected: "COUNT:HASH, e.g. 1234:3f2a… (64 hex digits), as printed on the Z report")
                }
                return parsed
            }
            let env = try TillEnvironment(global, training: training, seedDemo: false, trading: false)
            let zh = Output.language == .zh
            let result = try env.journal.verify(anchors: anchors)
            if result.isIntact {
                Output.line(zh ? "日志完整：\(result.entries) 条记录，哈希链和各表均无误。"
                               : "Journal intact: \(result.entries) entries, keyed hash chain and tables verified.")
                return
            }
            let count = result.problems.count
            Output.line(zh ? "日志已被篡改：发现 \(count) 个问题（共 \(result.entries) 条记录）。"
                           : "Journal TAMPERED: \(count) problem\(count == 1 ? "" : "s") found (\(result.entries) entries).")
            for finding in result.problems { Output.line("  " + finding.text(Output.language)) }
            Output.line(zh ? "  → 请勿继续使用此数据库记账；保留文件并从备份恢复，交由管理员调查。"
                           : "  → Stop trading on this database; keep the file, restore from backup and have an admin investigate.")
            throw ExitCode(2)
        }
    }

    struct Anchor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the journal's anchor (COUNT:HASH of its last entry), to write down or keep elsewhere.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "The training journal instead.") var training = false

        func run() throws {
            let env = try TillEnvironment(global, training: training, seedDemo: false, trading: false)
            guard let head = try env.journal.head() else {
                Output.line(Output.language == .zh ? "日志为空。" : "The journal is empty.")
                return
            }
            Output.line(head.description)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the journal (one row per entry and per line).")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "CSV (RFC 4180), the only format so far.") var csv = false
        @Option(name: .shortAndLong, help: "Output file (default: standard output).") var out: String?
        @Flag(help: "Export the training journal instead.") var training = false

        func validate() throws {
            guard csv else { throw ValidationError("Say the format: --csv.") }
        }

        func run() throws {
            let env = try TillEnvironment(global, training: training, seedDemo: false, trading: false)
            if let out {
                let rows = try env.journal.exportCSV(toFile: out)
                Output.error(Output.language == .zh ? "已导出 \(rows) 行到 \(out)。" : "Exported \(rows) rows to \(out).")
            } else {
                var stream = StandardOutputStream()
                _ = try env.journal.exportCSV(to: &stream)
            }
        }
    }

    struct Slips: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List slips with their print state.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only slips that did not print (pending, failed, unknown; not a receipt the customer did not want).") var unprinted = false

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false, trading: false)
            for slip in try env.journal.slips(unprintedOnly: unprinted) {
                var line = "\(slip.reference)\t\(slip.document.kind.rawValue)\t\(slip.printState.label)"
                // The cause in the reader's language, then its code for scripts.
                if case .failed(let cause, _) = slip.printState { line += "\t\(cause.text(Output.language))\t\(cause.code)" }
                if case .unknown(let cause, _) = slip.printState { line += "\t\(cause.text(Output.language))\t\(cause.code)" }
                Output.line(line)
            }
        }
    }
}

struct StandardOutputStream: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardOutput.write(Data(string.utf8)) }
}
