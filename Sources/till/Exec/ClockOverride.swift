import TillCore
import TillJournal

/// Who may set the till's clock: training, drills and test journals. On the shop's journal times
/// come from the system clock only, so a sale cannot be dated into a refund window, out of a
/// lock-out, or before an earlier entry.
enum ClockOverride {
    static func check(enabled: Bool, training: Bool, env: TillEnvironment) throws {
        guard enabled, !training else { return }
        guard try env.journal.isTestJournal() else {
            throw CLIError(code: "clock_override_refused", en: "--clock-override is refused on \(env.journalPath): it is the shop's journal, whose times come from the system clock.",
                           zh: "\(env.journalPath) 是正式日志，其时间只来自系统时钟，不允许 --clock-override。",
                           remedyEn: "Drop --clock-override, or add --training, or use a new test journal (--db NEW.sqlite --test-journal).",
                           remedyZh: "请去掉 --clock-override，或加 --training，或使用新的测试日志（--db NEW.sqlite --test-journal）。")
        }
    }

    /// An `at` line when the clock may not be set.
    static let refusedLine = ActionParser.BadInput(
        message: LocalizedText(en: "\"at\" sets the till's clock, which is off: this till takes its time from the system clock.",
                               zh: "“at” 用于设置收银机时钟，但当前未开启：本收银机使用系统时钟。"),
        remedy: LocalizedText(en: "Remove the line, or run `till exec --clock-override` with --training or on a test journal.",
                              zh: "请删除该行，或在培训模式或测试日志上使用 `till exec --clock-override`。"))
}
