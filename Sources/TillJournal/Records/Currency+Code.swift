import TillCore

extension Currency {
    /// The currency for a code stored in a money column. Unknown codes (a shop configured one the
    /// core does not list) keep their code, with two minor digits.
    static func stored(_ code: String) -> Currency {
        Currency.named(code) ?? Currency(code: code, minorDigits: 2, symbol: code + " ")
    }
}
