import ArgumentParser
import Foundation
import TillCore
import TillJournal

/// Who is doing an administrative command (`till user add`, `till user unlock`, `till catalog
/// import`, `till journal key escrow`): `--by CODE`, and that user's PIN from `$TILL_PIN` or the
/// first line of standard input (never a flag, so it is in no process list or shell history).
/// The PIN is checked under the lockout rules like a sign-in, the role must have the command's
/// permission, and the journal entry the command writes names the user.
struct Credentials: ParsableArguments {
    @Option(name: .customLong("by"), help: "Your user code; your PIN is read from $TILL_PIN or standard input.")
    var code: String

    func authorise(_ permission: Permission, env: TillEnvironment) throws -> User {
        try Self.authorise(code: code, permission, env: env)
    }

    /// `flag`: the option that names the user, for the remedy (`--by`, or `--user` for reports).
    static func authorise(code: String, _ permission: Permission, env: TillEnvironment, flag: String = "--by") throws -> User {
        let pin = try PinInput.read(prompt: "PIN for \(code): ", environment: "TILL_PIN")
        let policy = env.config.register.policy
        let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        switch try env.journal.authenticate(code: code, pin: pin, now: now, policy: policy.lockout) {
        case .failure(let refusal):
            throw refusal
        case .success(let user):
            guard policy.permissions.allows(user.role, permission) else {
                throw CLIError(code: "role_lacks_permission", en: "\(user.name) (\(user.code)) is a \(user.role.rawValue), and that role may not \(permission.rawValue).",
                               zh: "\(user.name)（\(user.code)）的角色是 \(user.role.label.zh)，该角色没有 \(permission.rawValue) 权限。",
                               remedyEn: "Ask a user whose role has \(permission.rawValue) (an admin by default) to do it with \(flag) THEIR-CODE.",
                               remedyZh: "请让具有 \(permission.rawValue) 权限的用户（默认是管理员）用 \(flag) 其代码 来操作。")
            }
            return user
        }
    }
}

/// PINs come from an environment variable (scripts) or standard input (typed without echo on a
/// terminal), one line each, in the order asked.
enum PinInput {
    static func read(prompt: String, environment name: String = "TILL_PIN") throws -> String {
        if let pin = ProcessInfo.processInfo.environment[name], !pin.isEmpty { return pin }
        if isatty(0) == 1, let typed = getpass(prompt) { return String(cString: typed) }
        guard let line = readLine(), !line.isEmpty else {
            throw CLIError(code: "pin_missing", en: "No PIN given (\(prompt.trimmingSpaces)).", zh: "未提供密码（\(prompt.trimmingSpaces)）。",
                           remedyEn: "Set \(name) or give the PIN as a line on standard input.",
                           remedyZh: "请设置 \(name) 或在标准输入中逐行提供密码。")
        }
        return line.trimmingSpaces
    }
}
