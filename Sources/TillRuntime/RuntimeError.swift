import TillCore
import TillPorts

/// A failure outside the core's rules (storage, printer set-up, the clock): a problem kept as a
/// value, so the runtime's outputs can carry any layer's problem without knowing its type.
public typealias RuntimeError = ProblemReport

/// The problems the runtime itself names.
extension RuntimeError {
    static func journal(_ error: Error) -> RuntimeError {
        if let problem = error as? any Problem { return RuntimeError(problem) }
        return RuntimeError(
            code: "journal_not_written",
            message: LocalizedText(en: "The journal could not be written: \(error).", zh: "无法写入日志：\(error)。"),
            remedy: LocalizedText(en: "Nothing was recorded. Check the disk and the database file, then try again.",
                                  zh: "本次未记录任何内容。请检查磁盘和数据库文件后重试。"))
    }

    /// What the slip list says for a slip whose print outcome could not be saved.
    static let printStateNotSavedCause = PrintFailure.stateNotSaved

    /// A failure after the record was committed: the transaction stands, its number is used, and
    /// only what came after (the print state) is missing.
    static func afterCommit(reference: String, _ error: Error) -> RuntimeError {
        let cause = (error as? StoreFailure)?.causeAfterCommit ?? LocalizedText(en: "\(error).", zh: "\(error)。")
        let what = reference.isEmpty ? LocalizedText(en: "The transaction", zh: "该交易")
                                     : LocalizedText(en: reference, zh: reference)
        return RuntimeError(
            code: "recorded_but_not_saved_after",
            message: LocalizedText(en: "\(what.en) is recorded and complete, but what followed could not be saved: \(cause.en) Its slip counts as NOT printed.",
                                   zh: "\(what.zh) 已记录并完成，但之后的步骤无法保存：\(cause.zh) 其小票视为未打印。"),
            remedy: LocalizedText(en: "Do not repeat it. Free disk space or fix the journal's storage, then reprint \(reference.isEmpty ? "the slip" : reference).",
                                  zh: "请勿重复操作。请释放磁盘空间或修复日志存储，然后重印\(reference.isEmpty ? "小票" : " " + reference)。"))
    }

    /// What to do about a clock the till cannot use.
    static let setSystemClock = LocalizedText(
        en: "Set the system clock to the right time (for example `timedatectl set-ntp true`), then start the till again.",
        zh: "请将系统时钟调到正确时间（例如 `timedatectl set-ntp true`），然后重新启动收银机。")

    static func clockBehindJournal(now: Timestamp, last: Timestamp) -> RuntimeError {
        RuntimeError(
            code: "clock_behind_journal",
            message: LocalizedText(en: "The till's clock says \(now.localText(utcOffsetSeconds: 0)) UTC, earlier than the journal's last entry (\(last.localText(utcOffsetSeconds: 0)) UTC): the clock is wrong or was moved back.",
                                   zh: "收银机时钟为 UTC \(now.localText(utcOffsetSeconds: 0))，早于日志最后一条记录（UTC \(last.localText(utcOffsetSeconds: 0))）：时钟有误或被调回。"),
            remedy: setSystemClock)
    }

    static func clockOutOfRange(now: Timestamp) -> RuntimeError {
        let rule = RangedValue.time.rule(.cny)
        return RuntimeError(
            code: "clock_out_of_range",
            message: LocalizedText(en: "The till's clock says \(now.seconds) s since 1970, which is out of range: \(rule.en).",
                                   zh: "收银机时钟为 1970 年起 \(now.seconds) 秒，超出范围：\(rule.zh)。"),
            remedy: setSystemClock)
    }

    static func shiftCurrency(shift: String, till: String) -> RuntimeError {
        RuntimeError(
            code: "shift_currency_differs",
            message: LocalizedText(en: "The open shift is in \(shift), but this till is set to \(till).",
                                   zh: "当前班次使用 \(shift)，但本收银机设置为 \(till)。"),
            remedy: LocalizedText(en: "Set till.currency back to \(shift), or close the shift with a Z report under \(shift) first.",
                                  zh: "请将 till.currency 改回 \(shift)，或先以 \(shift) 打印 Z 报表结班。"))
    }
}
