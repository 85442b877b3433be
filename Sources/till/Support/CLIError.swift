import ArgumentParser
import TillCore

/// A problem the command line itself finds (a flag, a file, a setting): code, what went wrong
/// and what to do, in English and Chinese. Every other layer's problem is thrown as it is;
/// `TillCommand.main` prints any `Problem` the same way, in the configured language, exit code 1.
///
/// Every call site names its cause's own stable code (no default), so a script can act on
/// `till_already_running` or `config_file_invalid` without reading the text.
struct CLIError: Problem, CustomStringConvertible {
    var code: String
    var message: LocalizedText
    var remedy: LocalizedText

    init(code: String, en: String, zh: String, remedyEn: String, remedyZh: String) {
        self.code = code
        message = LocalizedText(en: en, zh: zh)
        remedy = LocalizedText(en: remedyEn, zh: remedyZh)
    }

    init(code: String, message: LocalizedText, remedy: LocalizedText) {
        self.code = code
        self.message = message
        self.remedy = remedy
    }

    /// Another layer's problem with the command line's framing around it (which drill, which file).
    init(_ problem: some Problem) {
        self.init(code: problem.code, message: problem.message, remedy: problem.remedy)
    }

    static func badSetting(_ key: String, value: String, expected: String) -> CLIError {
        CLIError(code: "bad_setting",
                 en: "Setting \(key) = \"\(value)\" is not valid: expected \(expected).",
                 zh: "配置项 \(key) = \"\(value)\" 无效：应为 \(expected)。",
                 remedyEn: "Fix it in the configuration file or on the command line.",
                 remedyZh: "请在配置文件或命令行中修正。")
    }

    /// A `[central]` key set while `[central] url` is not: it would be ignored.
    static func centralKeyWithoutURL(_ key: String) -> CLIError {
        CLIError(code: "central_key_without_url",
                 en: "Setting \(key) is given, but [central] url is not, so it would have no effect.",
                 zh: "配置了 \(key)，但未设置 [central] url，因此该项不会生效。",
                 remedyEn: "Add [central] url = \"postgres://USER@HOST/DATABASE\" to connect this till to the central journal, or remove \(key).",
                 remedyZh: "请添加 [central] url = \"postgres://用户@主机/数据库\" 以连接中央日志，或删除 \(key)。")
    }

    /// ArgumentParser prints this for problems found while parsing (`validate()`).
    var description: String { text(Output.language) }
}
