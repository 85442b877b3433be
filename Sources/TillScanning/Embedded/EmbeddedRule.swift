import TillCore

/// How a shop's scales build in-store EAN-13s (GS1 prefixes 20–29, each country and shop its own
/// layout). Written as a pattern of 13 positions, spaces ignored:
///
///   `2`…`9`, `0`  a literal digit          `[0-4]`  one digit in a range
///   `I`  item code digit                   `W`  weight in grams  /  `P`  price in minor units
///   `C`  GS1 price/weight check digit over the W/P digits (4 or 5 of them)
///   `K`  the EAN-13 check digit (last)     `X`  a digit the till ignores
///
/// e.g. `2[0-9] IIIII WWWWW K` (weight, no value check) or `2[0-4] IIII C PPPPP K`
/// (price with its check digit). The first rule whose literal/range positions match is used.
public struct EmbeddedRule: Hashable, Sendable, Codable {
    public enum Lookup: String, Hashable, Sendable, Codable {
        /// The barcode with W/P/C digits set to 0 and the EAN check digit recomputed: catalogs
        /// list weighed items under this "base" barcode.
        case zeroed
        /// Only the I digits (the scale's PLU), e.g. "01234".
        case itemCode
        /// The digits before the item code plus the item code, e.g. "2101234".
        case prefixAndItem
    }

    public enum Kind: String, Hashable, Sendable, Codable { case weight, price }

    public let pattern: String
    public let lookup: Lookup
    let positions: [Position]

    enum Position: Hashable, Sendable {
        case literal(Int), range(ClosedRange<Int>), item, value, valueCheck, eanCheck, ignored
    }

    public struct PatternError: Error, Equatable, Sendable, CustomStringConvertible {
        public var pattern: String
        public var reason: String
        public var description: String { "embedded barcode rule \"\(pattern)\": \(reason)" }
    }

    public var kind: Kind { pattern.contains("P") ? .price : .weight }

    public init(_ pattern: String, lookup: Lookup = .zeroed) throws(PatternError) {
        self.pattern = pattern
        self.lookup = lookup
        var positions: [Position] = []
        var chars = Array(pattern.filter { $0 != " " })[...]
        func fail(_ reason: String) -> PatternError { PatternError(pattern: pattern, reason: reason) }
        while let c = chars.popFirst() {
            switch c {
            // Only ASCII digits: "1" + U+0301 falls in "0"..."9" as a Character but is no digit.
            case _ where c.isASCIIDigit:
                guard let digit = Int(String(c)) else { throw fail("unexpected \"\(c)\"") }
                positions.append(.literal(digit))
            case "[":
                guard chars.count >= 4, let lo = Int(String(chars[chars.startIndex])),
                      chars[chars.startIndex + 1] == "-", let hi = Int(String(chars[chars.startIndex + 2])),
                      chars[chars.startIndex + 3] == "]", lo <= hi else { throw fail("a range must look like [0-9]") }
                positions.append(.range(lo...hi))
                chars = chars.dropFirst(4)
            case "I": positions.append(.item)
            case "W", "P": positions.append(.value)
            case "C": positions.append(.valueCheck)
            case "K": positions.append(.eanCheck)
            case "X": positions.append(.ignored)
            default: throw fail("unexpected \"\(c)\" (use digits, [a-b], I, W or P, C, K, X)")
            }
        }
        guard positions.count == 13 else { throw fail("it has \(positions.count) positions; an EAN-13 has 13") }
        guard positions.last == .eanCheck, positions.filter({ $0 == .eanCheck }).count == 1 else {
            throw fail("K (the EAN check digit) must be the last position, once")
        }
        guard !(pattern.contains("W") && pattern.contains("P")) else { throw fail("use W (weight) or P (price), not both") }
        let valueIndices = positions.indices.filter { positions[$0] == .value }
        guard let first = valueIndices.first, valueIndices.last! - first + 1 == valueIndices.count else {
            throw fail("the W or P digits must be one run")
        }
        let checks = positions.filter { $0 == .valueCheck }.count
        guard checks <= 1, checks == 0 || [4, 5].contains(valueIndices.count) else {
            throw fail("C (value check digit) is defined for 4 or 5 value digits, once")
        }
        guard positions.contains(.item) else { throw fail("there are no I (item code) positions") }
        self.positions = positions
    }

    public static func == (a: EmbeddedRule, b: EmbeddedRule) -> Bool { a.pattern == b.pattern && a.lookup == b.lookup }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern); hasher.combine(lookup) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(c.decode(String.self, forKey: .pattern), lookup: c.decodeIfPresent(Lookup.self, forKey: .lookup) ?? .zeroed)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pattern, forKey: .pattern)
        try c.encode(lookup, forKey: .lookup)
    }

    enum CodingKeys: String, CodingKey { case pattern, lookup }

    /// Whether a 13-digit code is one of this rule's (its fixed and range digits match).
    public func matches(_ code: String) -> Bool {
        guard code.count == 13, code.isAllASCIIDigits else { return false }
        for (position, digit) in zip(positions, code.digitValues) {
            switch position {
            case .literal(let d) where d != digit: return false
            case .range(let r) where !r.contains(digit): return false
            default: continue
            }
        }
        return true
    }

    /// Reads the item code and value out of a matching code (EAN check digit already verified).
    public func decode(_ code: String) -> EmbeddedValue {
        let digits = code.digitValues
        var item = "", prefix = "", value: [Int] = [], check: Int?
        var zeroed = digits
        for (i, position) in positions.enumerated() {
            switch position {
            case .item: item += String(digits[i])
            case .literal, .range: if item.isEmpty { prefix += String(digits[i]) }
            case .value: value.append(digits[i]); zeroed[i] = 0
            case .valueCheck: check = digits[i]; zeroed[i] = 0
            case .eanCheck, .ignored: break
            }
        }
        zeroed[12] = GTIN.checkDigit(forBody: Array(zeroed[0..<12]))
        let amount = value.reduce(Int64(0)) { $0 * 10 + Int64($1) }
        var verdict = CheckDigitVerdict.notApplicable
        if let check, let expected = PriceCheckDigit.digit(for: value) {
            verdict = expected == check ? .valid : .wrong(expected: expected, found: check)
        }
        let lookupCode: String
        switch lookup {
        case .zeroed: lookupCode = zeroed.map(String.init).joined()
        case .itemCode: lookupCode = item
        case .prefixAndItem: lookupCode = prefix + item
        }
        return EmbeddedValue(kind: kind, itemCode: item, lookupCode: lookupCode,
                             weight: kind == .weight ? Quantity(thousandths: amount) : nil,
                             priceMinor: kind == .price ? amount : nil, valueCheck: verdict)
    }
}

/// What an in-store barcode carried. Weights are grams, i.e. thousandths of a kilogram, which is
/// exactly how the core counts quantities of weighed items.
public struct EmbeddedValue: Hashable, Sendable {
    public var kind: EmbeddedRule.Kind
    public var itemCode: String
    public var lookupCode: String
    public var weight: Quantity?
    public var priceMinor: Int64?
    public var valueCheck: CheckDigitVerdict
}

/// Whether a check digit was right, wrong, or not part of this symbology.
public enum CheckDigitVerdict: Hashable, Sendable {
    case valid
    case wrong(expected: Int, found: Int)
    /// For Code 39's mod-43 check character.
    case wrongCharacter(expected: Character, found: Character)
    case notApplicable

    public var text: String {
        switch self {
        case .valid: return "ok"
        case .wrong(let e, let f): return "WRONG (found \(f), expected \(e))"
        case .wrongCharacter(let e, let f): return "WRONG (found \(f), expected \(e))"
        case .notApplicable: return "none in this symbology"
        }
    }
}

/// An embedded-barcode rule (`[scanner] embedded`) that cannot be read: a `Problem`.
extension EmbeddedRule.PatternError: Problem {
    public var code: String { "embedded_rule_unreadable" }
    public var message: LocalizedText {
        // `reason` is the rule's own words, as the pattern reader states them.
        LocalizedText(en: "The embedded barcode rule \"\(pattern)\" cannot be read: \(reason).", zh: "店内码规则 “\(pattern)” 无法识别：\(reason)。")
    }
    public var remedy: LocalizedText {
        LocalizedText(en: "Write it as the README's Scanners section shows (for example 2[0-9] IIIII WWWWW K).",
                      zh: "请按 README “Scanners” 一节的写法书写（例如 2[0-9] IIIII WWWWW K）。")
    }
}
