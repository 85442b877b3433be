import TillCore
import TillJournal

/// A failure outside the core's rules (storage, printer set-up), with cause and remedy.
public struct RuntimeError: Error, Hashable, Sendable {
    public var message: LocalizedText
    public var remedy: LocalizedText

    public init(message: LocalizedText, remedy: LocalizedText) {
        self.message = message
        self.remedy = remedy
    }

    static func journal(_ error: Error) -> RuntimeError {
        if let journalError = error as? JournalError {
            return RuntimeError(message: LocalizedText(en: journalError.message(.en), zh: journalError.message(.zh)),
                                remedy: LocalizedText(en: journalError.remedy(.en), zh: journalError.remedy(.zh)))
        }
        return RuntimeError(
            message: LocalizedText(en: "The journal could not be written: \(error).", zh: "无法写入日志：\(error)。"),
            remedy: LocalizedText(en: "Nothing was recorded. Check the disk and the database file, then try again.",
                                  zh: "本次未记录任何内容。请检查磁盘和数据库文件后重试。"))
    }
}
