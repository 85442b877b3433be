/// Optional rounding of the cash amount due (e.g. to 0.05 where 1- and 2-cent coins are gone).
/// Only cash settling the balance is rounded; card and store credit pay the exact amount.
public struct CashRounding: Hashable, Sendable, Codable {
    /// The smallest cash step in minor units; 1 means no rounding.
    public var increment: Int64

    public init(increment: Int64) { self.increment = max(1, increment) }

    public static let none = CashRounding(increment: 1)

    public func round(_ amount: Money) -> Money {
        Money(minor: Rounding.toIncrement(amount.minor, increment), currency: amount.currency)
    }
}

extension CashRounding {
    /// `amount` rounded toward zero to the increment: never more than `amount`.
    public func roundDown(_ amount: Money) -> Money {
        Money(minor: amount.minor - amount.minor % increment, currency: amount.currency)
    }
}
