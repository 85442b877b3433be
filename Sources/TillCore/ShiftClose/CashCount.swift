/// The cash counted in the drawer at the end of a shift: a total, or pieces per denomination.
public enum CashCount: Hashable, Sendable, Codable {
    case total(Money)
    /// Count of pieces per denomination (minor units), e.g. [10000: 3, 50: 4].
    case denominations([Int64: Int64], Currency)

    /// The counted amount; nil when a count or the sum is outside `ValueLimits` (refused, never trapped).
    public var amount: Money? {
        switch self {
        case .total(let money): return money
        case .denominations(let pieces, let currency):
            var sum: Int64 = 0
            for (value, count) in pieces {
                guard value > 0, count >= 0, currency.denominationsMinor.contains(value) else { return nil }
                let (part, o1) = value.multipliedReportingOverflow(by: count)
                let (next, o2) = sum.addingReportingOverflow(part)
                if o1 || o2 { return nil }
                sum = next
            }
            let money = Money(minor: sum, currency: currency)
            return ValueLimits.contains(amount: money) ? money : nil
        }
    }
}

extension Currency {
    /// Notes and coins in circulation, largest first, in minor units: what a cash count lists.
    public var denominationsMinor: [Int64] {
        switch code {
        case "CNY": return [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10]
        case "EUR": return [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
        case "USD": return [10_000, 5_000, 2_000, 1_000, 500, 100, 25, 10, 5, 1]
        case "GBP": return [5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
        case "JPY": return [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10, 5, 1]
        case "CHF": return [100_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5]
        default: return []
        }
    }
}

/// A Z report being closed: the totals it will print, and the count once given. Nothing closes
/// the shift until the clerk has counted and confirmed.
public struct ShiftClose: Hashable, Sendable, Codable {
    public var totals: ShiftTotals
    public var count: CashCount?
    public var counted: Money?

    /// Counted less expected: positive over, negative short.
    public var overShort: Money? { counted.map { $0 - totals.cashExpected } }
}
