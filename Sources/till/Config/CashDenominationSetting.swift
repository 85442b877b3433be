import TillCore

/// `[cash] denominations`: the notes and coins a cash count lists, as amounts ("100", "0.5").
/// Default (the key absent): the currency's own (`Currency.denominationsMinor`).
enum CashDenominationSetting {
    /// The most denominations a count lists (a drawer has far fewer compartments).
    static let maximumCount = 30

    /// The denominations largest first, in minor units; nil for the default. Each is an amount
    /// above zero within `ValueLimits`, none twice, at most `maximumCount`.
    static func resolve(_ texts: [String]?, currency: Currency) throws -> [Int64]? {
        guard let texts else { return nil }
        let key = "cash.denominations"
        let expected = "1 to \(maximumCount) different amounts above 0, such as [\"100\", \"50\", \"0.5\"]"
        guard (1...maximumCount).contains(texts.count) else {
            throw CLIError.badSetting(key, value: texts.joined(separator: " "), expected: expected)
        }
        var values: [Int64] = []
        for text in texts {
            guard let money = Money(parsing: text, currency: currency), money.minor > 0, ValueLimits.contains(amount: money) else {
                throw CLIError.badSetting(key, value: text, expected: "an amount above 0 with at most \(currency.minorDigits) decimals")
            }
            guard !values.contains(money.minor) else {
                throw CLIError.badSetting(key, value: text, expected: "each amount once (\(text) is listed twice)")
            }
            values.append(money.minor)
        }
        return values.sorted(by: >)
    }
}
