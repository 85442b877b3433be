/// A tax class (VAT rate) that catalog items belong to. Inclusive prices already contain the tax
/// (shelf price is what the customer pays); exclusive prices have it added at the till.
public struct TaxClass: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The rate in basis points: 1300 is 13.00 %.
    public var rateBasisPoints: Int64
    public var inclusive: Bool

    public init(id: String, name: String, rateBasisPoints: Int64, inclusive: Bool) {
        self.id = id
        self.name = name
        self.rateBasisPoints = rateBasisPoints
        self.inclusive = inclusive
    }

    /// "13%" or "9.5%".
    public var rateText: String {
        var text = DecimalText.format(rateBasisPoints, scale: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}

/// Tax on one line. Rule (README, "Money and rounding"): tax is computed per line on the line's
/// amount after its discount, rounded half away from zero; a receipt's tax is the sum of its
/// lines' taxes, so every printed line adds up.
public struct LineTax: Hashable, Sendable, Codable {
    /// What the customer pays for the line, tax included.
    public var gross: Money
    public var tax: Money

    public var net: Money { gross - tax }

    public static func compute(amount: Money, taxClass: TaxClass) -> LineTax {
        let rate = taxClass.rateBasisPoints
        if taxClass.inclusive {
            let tax = amount.scaled(by: rate, over: 10_000 + rate)
            return LineTax(gross: amount, tax: tax)
        } else {
            let tax = amount.scaled(by: rate, over: 10_000)
            return LineTax(gross: amount + tax, tax: tax)
        }
    }
}
