/// Money arithmetic that reports instead of trapping, for amounts the till did not decide itself:
/// a record read back from a journal or a file, a figure from the network. (`+` and `-` stay the
/// core's own, on amounts `ValueLimits` bounds; they trap on a mixed currency or an overflow.)
extension Money {
    /// `self + other`, or nil when the currencies differ or the sum leaves Int64.
    public func adding(_ other: Money) -> Money? {
        guard currency == other.currency else { return nil }
        let (sum, overflow) = minor.addingReportingOverflow(other.minor)
        return overflow ? nil : Money(minor: sum, currency: currency)
    }

    /// `self - other`, or nil when the currencies differ or the difference leaves Int64.
    public func subtracting(_ other: Money) -> Money? {
        guard currency == other.currency else { return nil }
        let (difference, overflow) = minor.subtractingReportingOverflow(other.minor)
        return overflow ? nil : Money(minor: difference, currency: currency)
    }
}

extension Sequence where Element == Money {
    /// The sum in `currency`, or nil when an amount is in another currency or the sum (at any
    /// step) leaves Int64.
    public func checkedSum(_ currency: Currency) -> Money? {
        var total = Money.zero(currency)
        for amount in self {
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return total
    }
}
