/// Exact conversion between decimal text and scaled integers (no Double anywhere).
///
/// Only the ASCII digits 0–9 are digits: full-width ０–９, Arabic-Indic ٠–٩ and a digit carrying a
/// combining mark ("1" + U+0301) are refused with a message, never read as numbers. At most 18
/// digits in all (whole part plus `scale` decimals), so the result always fits in an Int64.
public enum DecimalText {
    /// Why a text is not a decimal number, in both languages.
    public enum Problem: Hashable, Sendable, Error {
        case empty
        /// A character that is not an ASCII digit where a digit was expected.
        case notADigit(character: String)
        case tooManyDecimals(maximum: Int)
        case tooManyDigits(maximum: Int)

        public var message: LocalizedText {
            switch self {
            case .empty:
                return LocalizedText(en: "no digits", zh: "没有数字")
            case .notADigit(let character):
                return LocalizedText(en: "\"\(character)\" (\(Self.scalars(character))) is not a digit 0–9",
                                     zh: "“\(character)”（\(Self.scalars(character))）不是数字 0–9")
            case .tooManyDecimals(let maximum):
                return LocalizedText(en: "more than \(maximum) decimals", zh: "小数超过 \(maximum) 位")
            case .tooManyDigits(let maximum):
                return LocalizedText(en: "more than \(maximum) digits", zh: "超过 \(maximum) 位数字")
            }
        }

        /// "U+FF11" or "U+0031 U+0301": what the character really is, for text that looks like a digit.
        static func scalars(_ character: String) -> String {
            character.unicodeScalars.map { "U+" + hex4($0.value) }.joined(separator: " ")
        }
    }

    /// The most digits a value may have (whole part and decimals together): 10^18 < Int64.max.
    public static let maximumDigits = 18

    /// "12.3" at scale 2 -> 1230. Accepts an optional sign, ASCII digits, and at most `scale` decimals.
    public static func parse(_ text: String, scale: Int) -> Int64? {
        try? check(text, scale: scale).get()
    }

    /// Like `parse`, but says what is wrong with text that is not a plain decimal number.
    public static func check(_ text: String, scale: Int) -> Result<Int64, Problem> {
        var chars = Substring(text.trimmingSpaces)
        var negative = false
        if let first = chars.first, first == "-" || first == "+" {
            negative = first == "-"
            chars = chars.dropFirst()
        }
        let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first ?? ""
        let fraction = parts.count == 2 ? parts[1] : ""
        if let bad = (whole + fraction).first(where: { !$0.isASCIIDigit }) { return .failure(.notADigit(character: String(bad))) }
        guard !(whole.isEmpty && fraction.isEmpty) else { return .failure(.empty) }
        guard fraction.count <= max(0, scale) else { return .failure(.tooManyDecimals(maximum: max(0, scale))) }
        guard whole.count + max(0, scale) <= maximumDigits else {
            return .failure(.tooManyDigits(maximum: max(0, maximumDigits - max(0, scale))))
        }
        var value: Int64 = 0
        var digits = Array(whole + fraction)
        while digits.count < whole.count + scale { digits.append("0") }
        for c in digits { value = value * 10 + Int64(c.asciiDigitValue) }
        return .success(negative ? -value : value)
    }

    /// 1230 at scale 2 -> "12.30".
    public static func format(_ value: Int64, scale: Int) -> String {
        let sign = value < 0 ? "-" : ""
        var digits = String(value.magnitude)
        guard scale > 0 else { return sign + digits }
        while digits.count <= scale { digits = "0" + digits }
        let split = digits.index(digits.endIndex, offsetBy: -scale)
        return sign + digits[..<split] + "." + digits[split...]
    }
}

extension Character {
    /// Exactly one Unicode scalar, U+0030…U+0039: "1" + U+0301 or "１" is not an ASCII digit.
    public var isASCIIDigit: Bool {
        let scalars = unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// The digit's value; 0 for anything that is not an ASCII digit (callers check `isASCIIDigit` first).
    var asciiDigitValue: Int {
        guard isASCIIDigit, let scalar = unicodeScalars.first else { return 0 }
        return Int(scalar.value) - 0x30
    }
}

/// Four or more upper-case hex digits, as in "U+00E9".
func hex4(_ value: UInt32) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public var trimmingSpaces: String {
        // "\r\n" is one Character (one grapheme), equal to neither "\r" nor "\n".
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
