import ArgumentParser
import Foundation
import TillCore
import TillJournal

/// `till user …`: people who can sign in.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list and unlock users.", subcommands: [Add.self, List.self, Unlock.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. The PIN (4-8 digits) is read from $TILL_PIN or standard input, never a flag.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Login code, e.g. 1003.") var code: String
        @Option(help: "Name printed on slips.") var name: String
        @Option(help: "clerk, supervisor, trainer, technician or admin.") var role: String

        func run() throws {
            guard let role = Role(rawValue: role) else {
                throw CLIError.badSetting("--role", value: role, expected: Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let env = try TillEnvironment(global, seedDemo: false)
            let pin = try PinInput.read(prompt: "PIN for \(code): ")
            try journalCall { try env.journal.addUser(User(code: code, name: name, role: role), pin: pin) }
            Output.line(Output.language == .zh ? "已添加用户 \(code)（\(role.label.zh)）。" : "Added user \(code) (\(role.rawValue)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users and their roles.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let env = try TillEnvironment(global)
            for user in try journalCall({ try env.journal.users() }) {
                Output.line("\(user.code)\t\(user.role.rawValue)\t\(user.name)")
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear a user's wrong-PIN lock.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Login code.") var code: String
        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false)
            try journalCall { try env.journal.unlock(code: code) }
            Output.line(Output.language == .zh ? "已解锁 \(code)。" : "Unlocked \(code).")
        }
    }
}

/// PINs come from $TILL_PIN (scripts) or standard input (typed without echo on a terminal).
enum PinInput {
    static func read(prompt: String) throws -> String {
        if let pin = ProcessInfo.processInfo.environment["TILL_PIN"], !pin.isEmpty { return pin }
        if isatty(0) == 1, let typed = getpass(prompt) { return String(cString: typed) }
        guard let line = readLine(), !line.isEmpty else {
            throw CLIError(en: "No PIN given.", zh: "未提供密码。",
                           remedyEn: "Set TILL_PIN or pipe the PIN on standard input.", remedyZh: "请设置 TILL_PIN 或通过标准输入提供密码。")
        }
        return line.trimmingSpaces
    }
}
