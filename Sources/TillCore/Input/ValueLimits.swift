/// The documented range of every number the till accepts from a person, a file, the journal or
/// the clock (README, "Input and time"). Values outside are refused with `Refusal.valueOutOfRange`
/// or a configuration error naming the key; they never reach the arithmetic.
///
/// Why these bounds make the money arithmetic trap-free (Int64.max ≈ 9.2 × 10^18):
/// - a unit price, tender, discount, float or limit is at most `maximumAmountMinor` (< 10^11) and
///   a quantity at most `maximumQuantity` (< 10^8 thousandths), so a line's extended amount is at
///   most 10^11 × 10^8 / 10^3 = 10^16, and with tax (a rate at most 100 %) at most 2 × 10^16;
/// - after every action the core checks that each open sale or return totals at most
///   `maximumAmountMinor`, so the sum it computes holds at most one unchecked line:
///   10^11 + 2 × 10^16, far below Int64.max; a refund pays out at most what its sale took;
/// - shift totals add sales of at most 10^11 each: 9 × 10^7 sales in one shift before overflow,
///   and SQLite's SUM reports an overflow as an error rather than wrapping.
/// - times are seconds between `earliestTime` and `latestTime`, and configured durations (refund
///   window, lock-out, pricing days) at most ten years, so date arithmetic stays within ± 2^40.
public enum ValueLimits {
    /// 999,999,999.99 at two decimals (99,999,999,999 yen): any one amount, and any sale's total.
    public static let maximumAmountMinor: Int64 = 99_999_999_999
    /// 99,999.999: any quantity, counted or weighed.
    public static let maximumQuantity = Quantity(thousandths: 99_999_999)
    /// 100 %: the highest tax rate, in basis points.
    public static let maximumTaxRateBasisPoints: Int64 = 10_000
    /// 2000-01-01 00:00 UTC: no till entry is older.
    public static let earliestTime = Timestamp(seconds: 946_684_800)
    /// 2100-01-01 00:00 UTC.
    public static let latestTime = Timestamp(seconds: 4_102_444_800)
    /// Ten years, in days: refund windows and blind-return pricing look-backs.
    public static let maximumDays: Int64 = 3_650
    /// Ten years, in seconds: the PIN lock-out.
    public static let maximumSeconds: Int64 = 315_360_000

    public static func contains(amount: Money) -> Bool { amount.minor.magnitude <= UInt64(maximumAmountMinor) }
    public static func contains(quantity: Quantity) -> Bool { quantity.thousandths.magnitude <= UInt64(maximumQuantity.thousandths) }
    public static func contains(time: Timestamp) -> Bool { time >= earliestTime && time <= latestTime }

    /// "999999999.99" in the till's currency: the bound as a user types it.
    public static func maximumAmountText(_ currency: Currency) -> String {
        DecimalText.format(maximumAmountMinor, scale: currency.minorDigits)
    }
}

/// Which kind of value was out of range, for `Refusal.valueOutOfRange`.
public enum RangedValue: String, Hashable, Sendable, Codable {
    case quantity, amount, total, taxRate, time

    /// "a quantity is at most 99999.999" in both languages.
    public func rule(_ currency: Currency) -> LocalizedText {
        switch self {
        case .quantity:
            let max = ValueLimits.maximumQuantity.description
            return LocalizedText(en: "a quantity is at most \(max)", zh: "数量最多为 \(max)")
        case .amount:
            let max = ValueLimits.maximumAmountText(currency)
            return LocalizedText(en: "an amount is at most \(max)", zh: "金额最多为 \(max)")
        case .total:
            let max = ValueLimits.maximumAmountText(currency)
            return LocalizedText(en: "a sale or return totals at most \(max)", zh: "一笔销售或退货的合计最多为 \(max)")
        case .taxRate:
            return LocalizedText(en: "a tax rate is between 0 and 100 %", zh: "税率须在 0 至 100% 之间")
        case .time:
            return LocalizedText(en: "a time is between 2000-01-01 and 2100-01-01 (UTC)",
                                 zh: "时间须在 2000-01-01 至 2100-01-01（UTC）之间")
        }
    }
}
