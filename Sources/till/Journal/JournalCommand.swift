import ArgumentParser
import Foundation
import TillCore
import TillJournal

/// `till journal …`: check, export and inspect the journal.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Verify the journal's hash chain, export it, list unprinted slips.",
        subcommands: [Verify.self, Export.self, Slips.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every entry against the hash chain; name the first edited, inserted or deleted one.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Check the training journal instead.") var training = false

        func run() throws {
            let env = try TillEnvironment(global, training: training, seedDemo: false)
            let zh = Output.language == .zh
            switch try journalCall({ try env.journal.verify() }) {
            case .intact(let entries):
                Output.line(zh ? "日志完整：\(entries) 条记录，哈希链无误。" : "Journal intact: \(entries) entries, hash chain verified.")
            case .broken(let seq, let reference, let problem, let detail):
                let ref = reference.map { " (\($0))" } ?? ""
                Output.line(zh ? "日志已被篡改：第 \(seq) 条记录\(ref) \(problem.zh)。\(detail)"
                               : "Journal TAMPERED: entry #\(seq)\(ref) was \(problem.rawValue). \(detail)")
                Output.line(zh ? "  → 请勿继续使用此数据库记账；保留文件并从备份恢复，交由管理员调查。"
                               : "  → Stop trading on this database; keep the file, restore from backup and have an admin investigate.")
                throw ExitCode(2)
            }
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
            let env = try TillEnvironment(global, training: training, seedDemo: false)
            if let out {
                let rows = try journalCall { try env.journal.exportCSV(toFile: out) }
                Output.error(Output.language == .zh ? "已导出 \(rows) 行到 \(out)。" : "Exported \(rows) rows to \(out).")
            } else {
                var stream = StandardOutputStream()
                _ = try journalCall { try env.journal.exportCSV(to: &stream) }
            }
        }
    }

    struct Slips: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List slips with their print state.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only slips that did not print (pending, failed, unknown).") var unprinted = false

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false)
            for slip in try journalCall({ try env.journal.slips(unprintedOnly: unprinted) }) {
                var line = "\(slip.reference)\t\(slip.document.kind.rawValue)\t\(slip.printState.label)"
                if case .failed(let cause, _) = slip.printState { line += "\t\(cause)" }
                if case .unknown(let cause, _) = slip.printState { line += "\t\(cause)" }
                Output.line(line)
            }
        }
    }
}

struct StandardOutputStream: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardOutput.write(Data(string.utf8)) }
}

extension JournalProblem {
    var zh: String {
        switch self {
        case .edited: return "被修改"
        case .inserted: return "被插入"
        case .deleted: return "被删除"
        case .projectionMismatch: return "的明细与签名记录不符"
        }
    }
}
