/// A credit note's number: "C", the till, a six-digit sequence and a check digit, e.g.
/// C01-000042-7. Unique per till (the till's own sequence, kept by the journal), short enough to
/// type, and printed as Code 128 on the slip. The check digit is Damm's: it catches every single
/// mistyped or misread digit and every swap of two neighbouring digits, so a misread number is
/// told apart from a note that does not exist.
public struct CreditNoteNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public var till: String
    public var sequence: Int64

    public init(till: String, sequence: Int64) {
        self.till = till
        self.sequence = sequence
    }

    public var description: String {
        var digits = String(sequence)
        while digits.count < 6 { digits = "0" + digits }
        return "C" + till + "-" + digits + "-" + String(Self.checkDigit(till + digits))
    }

    public enum Parsed: Hashable, Sendable {
        case note(CreditNoteNumber)
        /// Shaped like a credit note number, but its check digit is wrong.
        case misread
        /// Not a credit note number at all.
        case notANote
    }

    /// Parses "C01-000042-7" (any case, spaces ignored; the dashes may be left out when typed).
    public static func parse(_ text: String) -> Parsed {
        let compact = text.trimmingSpaces.uppercased().filter { $0 != "-" && $0 != " " }
        guard compact.first == "C" else { return .notANote }
        let digits = compact.dropFirst()
        // Two till digits, at least six sequence digits, one check digit.
        guard digits.count >= 9, digits.count <= 18, digits.allSatisfy(\.isASCIIDigit) else { return .notANote }
        let body = String(digits.dropLast())
        guard let last = digits.last, checkDigit(body) == last.asciiDigitValue else { return .misread }
        guard let sequence = Int64(body.dropFirst(2)), sequence > 0 else { return .misread }
        return .note(CreditNoteNumber(till: String(body.prefix(2)), sequence: sequence))
    }

    /// Damm's check digit over decimal digits (a totally anti-symmetric quasigroup of order 10).
    static func checkDigit(_ digits: String) -> Int {
        var interim = 0
        for c in digits where c.isASCIIDigit { interim = damm[interim][c.asciiDigitValue] }
        return interim
    }

    private static let damm: [[Int]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2], [7, 0, 9, 2, 1, 5, 4, 8, 6, 3], [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6], [6, 1, 2, 3, 0, 4, 5, 9, 7, 8], [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4], [8, 9, 4, 5, 3, 6, 2, 0, 1, 7], [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]
}
