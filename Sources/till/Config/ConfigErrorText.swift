import TOMLKit
import TillCore

/// A configuration or drill file the TOML reader or decoder refused, told in the shop's words
/// (which key, what it must be, which line) instead of the decoder's ("keyed decoding container").
enum ConfigErrorText {
    static func describe(_ error: Error) -> LocalizedText {
        switch error {
        case let parse as TOMLParseError:
            let at = parse.source.begin
            return LocalizedText(en: "line \(at.line), column \(at.column) is not valid TOML (check the quotes, brackets and = signs there)",
                                 zh: "第 \(at.line) 行第 \(at.column) 列不是有效的 TOML（请检查该处的引号、括号和等号）")
        case DecodingError.keyNotFound(let key, let context):
            // TOMLKit's path may already end with the key.
            let keys = context.codingPath.last?.stringValue == key.stringValue ? context.codingPath : context.codingPath + [key]
            return wrongType(path(keys), context.debugDescription)
        case DecodingError.typeMismatch(let type, let context):
            return wrongType(path(context.codingPath), "A \"\(type)\"")
        case DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            return wrongType(path(context.codingPath), context.debugDescription)
        default:
            return LocalizedText(en: "it could not be read", zh: "无法读取")
        }
    }

    /// "till.id", "tax.class[1].rate" (entries counted from 1, as a person counts them).
    static func path(_ keys: [CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index + 1)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    /// TOMLKit reports a value of the wrong type as a missing one, naming the type it wanted.
    static func wrongType(_ key: String, _ detail: String) -> LocalizedText {
        let (en, zh): (String, String)
        if detail.contains("\"String\"") { (en, zh) = ("text in quotes", "加引号的文字") }
        else if detail.contains("\"Int") { (en, zh) = ("a whole number without quotes, such as 30", "不加引号的整数，如 30") }
        else if detail.contains("\"Bool\"") { (en, zh) = ("true or false, without quotes", "true 或 false（不加引号）") }
        else if detail.contains("Array") { (en, zh) = ("a list in brackets, such as [\"a\", \"b\"]", "方括号中的列表，如 [\"a\", \"b\"]") }
        else { (en, zh) = ("a table or value as `till config defaults` shows", "`till config defaults` 所示的表或值") }
        return LocalizedText(en: "\(key) must be \(en)", zh: "\(key) 必须是\(zh)")
    }
}
