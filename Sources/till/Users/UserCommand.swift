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
            abstract: "Add a user, as an authorised user (--by CODE, permission manageUsers).",
            discussion: "Your PIN comes from $TILL_PIN or the first line of standard input; the new user's PIN (the role's minimum length, [security] min_pin_length, to 8 digits) from $TILL_NEW_PIN or the next line. Never a flag. On a journal with no users yet (a new shop), the first user must be an admin and needs no --by.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("by"), help: "Your user code (an admin's by default); your PIN from $TILL_PIN or standard input.")
        var by: String?
        @Option(help: "Login code, e.g. 1003.") var code: String
        @Option(help: "Name printed on slips.") var name: String
        @Option(help: "clerk, supervisor, trainer, technician or admin.") var role: String

        func run() throws {
            guard let role = Role(rawValue: role) else {
                throw CLIError.badSetting("--role", value: role, expected: Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let env = try TillEnvironment(global, seedDemo: false)
            let actor: String?
            if let by {
                actor = try Credentials.authorise(code: by, .manageUsers, env: env).code
            } else if try !env.journal.hasChainedUsers(), role == .admin {
                actor = nil // the shop's first admin: nobody exists yet who could authorise it
            } else {
                throw CLIError(code: "authoriser_missing", en: "Adding a user needs an authorised user's code: --by CODE (its PIN from $TILL_PIN or standard input).",
                               zh: "添加用户需要有权限的用户代码：--by 代码（其密码来自 $TILL_PIN 或标准输入）。",
                               remedyEn: "Run again with --by and an admin's code (only the first user of a new journal, an admin, needs none).",
                               remedyZh: "请加上 --by 和管理员代码重新运行（只有新日志的第一个用户——管理员——不需要）。")
            }
            let pin = try PinInput.read(prompt: "New PIN for \(code): ", environment: actor == nil ? "TILL_PIN" : "TILL_NEW_PIN")
            try env.journal.addUser(User(code: code, name: name, role: role), pin: pin, by: actor)
            Output.line(Output.language == .zh ? "已添加用户 \(code)（\(role.label.zh)）。" : "Added user \(code) (\(role.rawValue)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users and their roles.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let env = try TillEnvironment(global)
            for user in try env.journal.users() {
                Output.line("\(user.code)\t\(user.role.rawValue)\t\(user.name)")
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Clear a user's wrong-PIN lock, as an authorised user (--by CODE, permission manageUsers).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var credentials: Credentials
        @Argument(help: "Login code.") var code: String
        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false)
            let actor = try credentials.authorise(.manageUsers, env: env)
            try env.journal.unlock(code: code, by: actor.code)
            Output.line(Output.language == .zh ? "已解锁 \(code)。" : "Unlocked \(code).")
        }
    }
}
