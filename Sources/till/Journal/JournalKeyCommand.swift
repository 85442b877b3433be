import ArgumentParser
import Foundation
import TillJournal

/// `till journal key escrow`: the key file's text, to print and lock in the shop's safe (or to
/// write to removable media). Restoring is copying it back to `journal.key_file` with mode 0600.
struct JournalKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "The journal's secret key: escrow a copy.", subcommands: [Escrow.self])

    struct Escrow: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the key file (or write it with -o) for safekeeping; needs an admin's code and PIN.",
            discussion: "Whoever holds the key can re-sign the journal and try PINs offline: keep the copy locked away. To restore, copy it to the key file's path (journal.key_file; default beside the journal) with mode 0600.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var credentials: Credentials
        @Option(name: .shortAndLong, help: "Write the copy to this file (created 0600) instead of standard output.") var out: String?
        @Flag(help: "The training journal's key instead.") var training = false

        func run() throws {
            let env = try TillEnvironment(global, training: training, seedDemo: false)
            let actor = try credentials.authorise(.manageUsers, env: env)
            let text = try env.journal.escrowKey(by: actor.code)
            if let out {
                try JournalDatabase.writeKeyCopy(text, to: out)
                Output.error(Output.language == .zh ? "密钥副本已写入 \(out)。请锁好保管。" : "Key copy written to \(out). Lock it away.")
            } else {
                Output.line(text)
            }
        }
    }
}
