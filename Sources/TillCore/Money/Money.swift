/// An amount of money in integer minor units. Never a floating-point number: every sum a
/// customer sees must add up to the last fen.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var minor: Int64
    public var currency: Currency

    public init(minor: Int64, currency: Currency) {
        self.minor = minor
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(minor: 0, currency: currency) }

    /// Parses "12.34", "-0.5" or "12" exactly; nil for text that is not a plain decimal amount
    /// or has more decimals than the currency.
    public init?(parsing text: String, currency: Currency) {
        guard let minor = DecimalText.parse(text, scale: currency.minorDigits) else { return nil }
        self.init(minor: minor, currency: currency)
    }

    public var isZero: Bool { minor == 0 }
    public var isNegative: Bool { minor < 0 }
    public var negated: Money { Money(minor: -minor, currency: currency) }
    public var magnitude: Money { Money(minor: Swift.abs(minor), currency: currency) }

    public static func + (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "mixed currencies \(a.currency.code) and \(b.currency.code)")
        return Money(minor: a.minor + b.minor, currency: a.currency)
    }

    public static func - (a: Money, b: Money) -> Money {
        precondition(a.currency == b.currency, "mixed currencies \(a.currency.code) and \(b.currency.code)")
        return Money(minor: a.minor - b.minor, currency: a.currency)
    }

    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func -= (a: inout Money, b: Money) { a = a - b }

    public static func < (a: Money, b: Money) -> Bool {
        precondition(a.currency == b.currency, "mixed currencies \(a.currency.code) and \(b.currency.code)")
        return a.minor < b.minor
    }

    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }

    /// This amount times `numerator / denominator`, rounded half away from zero.
    public func scaled(by numerator: Int64, over denominator: Int64) -> Money {
        Money(minor: Rounding.mulDivHalfAwayFromZero(minor, numerator, denominator), currency: currency)
    }

    /// "12.34" (no symbol): the form used in columns and CSV.
    public var plain: String { DecimalText.format(minor, scale: currency.minorDigits) }

    /// "¥12.34" or "-¥12.34".
    public var formatted: String {
        // From `plain`, not abs(minor): abs(Int64.min) would trap.
        let digits = plain
        return digits.hasPrefix("-") ? "-" + currency.symbol + digits.dropFirst() : currency.symbol + digits
    }

    public var description: String { "\(plain) \(currency.code)" }
}

extension Sequence where Element == Money {
    /// The sum of the amounts; `currency` names the result when the sequence is empty.
    public func sum(_ currency: Currency) -> Money {
        reduce(Money.zero(currency), +)
    }
}
