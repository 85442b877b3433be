import ArgumentParser
import TillCore
import TillRuntime

/// An error a user can meet at the command line: what went wrong and what to do, in English and
/// Chinese. Printed in the configured language, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var message: LocalizedText
    var remedy: LocalizedText

    init(en: String, zh: String, remedyEn: String, remedyZh: String) {
        message = LocalizedText(en: en, zh: zh)
        remedy = LocalizedText(en: remedyEn, zh: remedyZh)
    }

    init(message: LocalizedText, remedy: LocalizedText) {
        self.message = message
        self.remedy = remedy
    }

    init(_ runtime: RuntimeError) {
        message = runtime.message
        remedy = runtime.remedy
    }

    init(_ refusal: Refusal) {
        message = LocalizedText(en: refusal.message(.en), zh: refusal.message(.zh))
        remedy = LocalizedText(en: refusal.remedy(.en), zh: refusal.remedy(.zh))
    }

    static func badSetting(_ key: String, value: String, expected: String) -> CLIError {
        CLIError(en: "Setting \(key) = \"\(value)\" is not valid: expected \(expected).",
                 zh: "配置项 \(key) = \"\(value)\" 无效：应为 \(expected)。",
                 remedyEn: "Fix it in the configuration file or on the command line.",
                 remedyZh: "请在配置文件或命令行中修正。")
    }

    var description: String { text(Output.language) }

    func text(_ lang: Language) -> String {
        "\(message.text(lang))\n  → \(remedy.text(lang))"
    }
}
