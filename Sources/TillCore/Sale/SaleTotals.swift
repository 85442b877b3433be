/// Totals of a set of lines: the gross is what the customer pays before cash rounding.
public struct SaleTotals: Hashable, Sendable, Codable {
    public var gross: Money
    public var tax: Money
    public var itemCount: Quantity

    public var net: Money { gross - tax }

    public init(lines: [SaleLine], currency: Currency) {
        var gross = Money.zero(currency), tax = Money.zero(currency), count = Quantity.zero
        for line in lines where !line.voided {
            let lineTax = line.tax
            gross += lineTax.gross
            tax += lineTax.tax
            count = count + (line.weighed ? .one : line.quantity)
        }
        self.gross = gross
        self.tax = tax
        self.itemCount = count
    }
}
