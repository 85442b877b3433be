/// GS1 check digits for EAN-13, EAN-8, UPC-A and ITF-14 (all "GTIN" family codes).
public enum GTIN {
    /// Lengths that carry a GS1 mod-10 check digit as their last digit.
    public static let checkedLengths: Set<Int> = [8, 12, 13, 14]

    /// The check digit for `body` (the digits without the check digit).
    public static func checkDigit(forBody body: [Int]) -> Int {
        // From the right, weights alternate 3, 1, 3, …
        var sum = 0
        for (offset, digit) in body.reversed().enumerated() {
            sum += digit * (offset % 2 == 0 ? 3 : 1)
        }
        return (10 - sum % 10) % 10
    }

    public enum Verdict: Equatable, Sendable {
        /// Not an all-digit code of a checked length: no GS1 check applies (SKU, Code 128 text).
        case notGTIN
        case valid
        case wrongCheckDigit(expected: Int, found: Int)
    }

    public static func verify(_ code: String) -> Verdict {
        guard checkedLengths.contains(code.count), code.allSatisfy(\.isASCIIDigit) else { return .notGTIN }
        let digits = code.map(\.asciiDigitValue)
        guard let found = digits.last else { return .notGTIN }
        let expected = checkDigit(forBody: Array(digits.dropLast()))
        return expected == found ? .valid : .wrongCheckDigit(expected: expected, found: found)
    }

    /// `body` followed by its check digit: "590123412345" -> "5901234123457".
    public static func appendingCheckDigit(_ body: String) -> String {
        body + String(checkDigit(forBody: body.map(\.asciiDigitValue)))
    }
}
