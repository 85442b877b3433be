import TillCore

/// What a command running beside the till's own process may send: nothing that gives out a
/// document number or changes the shift (those need `TillLock`, held by the running till).
/// Signing in and out, an X report and a reprint only write audit entries and print states,
/// which the journal serialises between processes.
enum ReadOnlyActions {
    static func allows(_ action: RegisterAction) -> Bool {
        switch action {
        case .signInRequested, .signOutRequested, .reportRequested(.x), .reprintRequested: return true
        default: return false
        }
    }

    static func refusal(_ action: RegisterAction) -> CLIError {
        CLIError(code: "read_only_beside_running_till", en: "This command only reads the journal and cannot \(action) beside a running till.",
                 zh: "此命令只读取日志，不能在收银机运行时执行 \(action)。",
                 remedyEn: "Do it at the till, or stop the till first.", remedyZh: "请在收银机上操作，或先停止收银机。")
    }
}
