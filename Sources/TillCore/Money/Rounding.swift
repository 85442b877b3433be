/// Integer rounding used everywhere money is divided. One rule, documented in the README:
/// half away from zero (0.5 -> 1, -0.5 -> -1), computed on the exact 128-bit product so that
/// no intermediate overflows.
public enum Rounding {
    /// round(value * numerator / denominator), half away from zero. `denominator` must be > 0.
    public static func mulDivHalfAwayFromZero(_ value: Int64, _ numerator: Int64, _ denominator: Int64) -> Int64 {
        precondition(denominator > 0, "division by a non-positive denominator")
        let negative = (value < 0) != (numerator < 0)
        let a = value.magnitude, b = numerator.magnitude, d = UInt64(denominator)
        let product = a.multipliedFullWidth(by: b)
        precondition(product.high < d, "amount out of range")
        let (quotient, remainder) = d.dividingFullWidth(product)
        // Compare 2*remainder with d without overflowing: remainder >= d - remainder.
        let roundedUp = remainder >= d - remainder ? quotient + 1 : quotient
        precondition(roundedUp <= UInt64(Int64.max), "amount out of range")
        return negative ? -Int64(roundedUp) : Int64(roundedUp)
    }

    /// `value` rounded to the nearest multiple of `increment` (> 0), half away from zero.
    public static func toIncrement(_ value: Int64, _ increment: Int64) -> Int64 {
        mulDivHalfAwayFromZero(value, 1, increment) * increment
    }
}
