/// The languages the till speaks: every message a user can meet exists in both.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    case en, zh

    /// Picks English or Chinese from a POSIX locale name such as "zh_CN.UTF-8".
    public static func fromLocale(_ locale: String?) -> Language {
        guard let locale, locale.lowercased().hasPrefix("zh") else { return .en }
        return .zh
    }
}

/// A piece of user-facing text in both languages.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}
