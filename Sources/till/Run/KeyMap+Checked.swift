import TillScreen

extension KeyMap {
    /// The configured keypad, or a bad `[keys]` table named with its remedy (for `till run`
    /// and live drills alike).
    static func checked(_ bindings: [String: String]) throws -> KeyMap {
        do { return try KeyMap(overrides: bindings) } catch {
            throw CLIError(code: "key_binding_unusable", en: error.message.en, zh: error.message.zh, remedyEn: error.remedy.en, remedyZh: error.remedy.zh)
        }
    }
}
