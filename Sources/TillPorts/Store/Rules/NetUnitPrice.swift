/// The net unit price a line sold at: its unit price less its discount spread over its quantity,
/// rounded so a return never gives back more than a unit cost. Every engine's
/// `lowestUnitPrice` uses it, so the price-check of a return is the same whatever stores it.
public enum NetUnitPrice {
    /// unit - ceil(discount * 1000 / thousandths), on the full-width product: never traps.
    public static func minor(unit: Int64, discount: Int64, thousandths: Int64) -> Int64 {
        guard discount > 0, thousandths > 0 else { return unit }
        let product = discount.magnitude.multipliedFullWidth(by: 1000)
        let divisor = UInt64(thousandths)
        guard product.high < divisor else { return 0 }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let perUnit = quotient + (remainder > 0 ? 1 : 0)
        guard perUnit < unit.magnitude else { return 0 }
        return unit - Int64(perUnit)
    }
}
