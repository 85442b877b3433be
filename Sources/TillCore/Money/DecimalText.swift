/// Exact conversion between decimal text and scaled integers (no Double anywhere).
public enum DecimalText {
    /// "12.3" at scale 2 -> 1230. Accepts an optional sign, digits, and at most `scale` decimals.
    public static func parse(_ text: String, scale: Int) -> Int64? {
        var chars = Substring(text.trimmingSpaces)
        var negative = false
        if let first = chars.first, first == "-" || first == "+" {
            negative = first == "-"
            chars = chars.dropFirst()
        }
        let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !(whole.isEmpty && parts.count == 1) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              fraction.count <= scale, !(whole.isEmpty && fraction.isEmpty), whole.count <= 15
        else { return nil }
        var value: Int64 = 0
        for c in whole { value = value * 10 + Int64(c.asciiDigitValue) }
        var digits = Array(fraction)
        while digits.count < scale { digits.append("0") }
        for c in digits { value = value * 10 + Int64(c.asciiDigitValue) }
        return negative ? -value : value
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
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var asciiDigitValue: Int { Int(asciiValue! - 48) }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
