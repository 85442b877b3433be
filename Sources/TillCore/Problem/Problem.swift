/// Anything a user can meet that went wrong, in every layer: the core's refusals, a failed
/// print, the journal, a device, the runtime, the command line. Each names a stable code
/// (snake_case, for `till exec`, logs and tests), what went wrong and what to do about it, in
/// English and Simplified Chinese. The typed causes stay their own enums (`Refusal`,
/// `PrintFailure`, `JournalError` …); this is what they all have in common, and the one way the
/// CLI, the screen and `till exec` show any of them.
public protocol Problem: Error {
    /// A stable identifier: the same for every occurrence of this cause, never translated.
    var code: String { get }
    /// What went wrong.
    var message: LocalizedText { get }
    /// What the user does about it.
    var remedy: LocalizedText { get }
}

extension Problem {
    /// What went wrong, in the user's language.
    public func message(_ language: Language) -> String { message.text(language) }

    /// What to do about it, in the user's language.
    public func remedy(_ language: Language) -> String { remedy.text(language) }

    /// The problem as the command line prints it: the cause, then the remedy on its own line.
    public func text(_ language: Language) -> String { message.text(language) + "\n  → " + remedy.text(language) }

    /// The problem as a value (for the screen's message line and other places that keep it).
    public var report: ProblemReport { ProblemReport(self) }
}
