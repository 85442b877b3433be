/// The cash counted in the drawer at the end of a shift: a total, or pieces per denomination.
public enum CashCount: Hashable, Sendable, Codable {
    case total(Money)
    /// Count of pieces per denomination (minor units), e.g. [10000: 3, 50: 4].
    case denominations([Int64: Int64], Currency)

    /// The counted amount when every piece is one of `allowed` and the count and its sum stay
    /// inside `ValueLimits`; otherwise why not. Checked arithmetic only: a count anyone can type
    /// is refused, never trapped.
    public func amount(allowed: [Int64], currency expected: Currency) -> Result<Money, CashCountProblem> {
        switch self {
        case .total(let money):
            guard money.currency == expected else { return .failure(.wrongCurrency(found: money.currency.code)) }
            guard !money.isNegative else { return .failure(.negative(money.plain)) }
            guard ValueLimits.contains(amount: money) else { return .failure(.totalTooLarge) }
            return .success(money)
        case .denominations(let pieces, let currency):
            guard currency == expected else { return .failure(.wrongCurrency(found: currency.code)) }
            var sum: Int64 = 0
            for (value, count) in pieces.sorted(by: { $0.key > $1.key }) {
                guard allowed.contains(value) else {
                    return .failure(.notADenomination(value: Money(minor: value, currency: currency).plain,
                                                      allowed: allowed.map { Money(minor: $0, currency: currency).plain }))
                }
                guard count >= 0, count <= CashCount.maximumPieces else { return .failure(.pieceCountOutOfRange(count)) }
                let (part, o1) = value.multipliedReportingOverflow(by: count)
                let (next, o2) = sum.addingReportingOverflow(part)
                if o1 || o2 { return .failure(.totalTooLarge) }
                sum = next
            }
            let money = Money(minor: sum, currency: currency)
            return ValueLimits.contains(amount: money) ? .success(money) : .failure(.totalTooLarge)
        }
    }

    /// The most pieces of one denomination a count may list (a drawer holds far fewer).
    public static let maximumPieces: Int64 = 999_999

    /// The pieces listed, largest denomination first, without the denominations counted as none.
    public var pieces: [(value: Int64, count: Int64)] {
        guard case .denominations(let pieces, _) = self else { return [] }
        return pieces.filter { $0.value > 0 }.sorted { $0.key > $1.key }.map { (value: $0.key, count: $0.value) }
    }
}

/// Why a cash count was not taken: each names what to type instead (`Refusal.cashCountInvalid`).
public enum CashCountProblem: Error, Hashable, Sendable, Codable {
    case notADenomination(value: String, allowed: [String])
    case pieceCountOutOfRange(Int64)
    case totalTooLarge
    case negative(String)
    case wrongCurrency(found: String)
}

extension Currency {
    /// Notes and coins in circulation, largest first, in minor units: what a cash count lists
    /// unless `[cash] denominations` says otherwise.
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
