/// An ISO 4217 currency and how many minor units (cents, fen) make one major unit.
public struct Currency: Hashable, Sendable, Codable {
    public let code: String
    public let minorDigits: Int
    public let symbol: String

    public init(code: String, minorDigits: Int, symbol: String) {
        self.code = code
        self.minorDigits = minorDigits
        self.symbol = symbol
    }

    public static let cny = Currency(code: "CNY", minorDigits: 2, symbol: "¥")
    public static let eur = Currency(code: "EUR", minorDigits: 2, symbol: "€")
    public static let usd = Currency(code: "USD", minorDigits: 2, symbol: "$")
    public static let gbp = Currency(code: "GBP", minorDigits: 2, symbol: "£")
    public static let jpy = Currency(code: "JPY", minorDigits: 0, symbol: "¥")
    public static let chf = Currency(code: "CHF", minorDigits: 2, symbol: "CHF ")

    public static let known: [Currency] = [.cny, .eur, .usd, .gbp, .jpy, .chf]

    public static func named(_ code: String) -> Currency? {
        known.first { $0.code == code.uppercased() }
    }

    /// 10^minorDigits: the number of minor units in one major unit.
    public var minorPerMajor: Int64 {
        var value: Int64 = 1
        for _ in 0..<minorDigits { value *= 10 }
        return value
    }
}
