/// The code printed on a sale receipt as a barcode/QR, which a refund scans. Twenty digits, an
/// even count, so it packs entirely in Code 128 set C: "9", till (2), sequence (9), sale date
/// yymmdd (6), and two ISO 7064 mod 97-10 check digits, which catch a misread or mistyped digit.
public enum ReceiptCode {
    public static let length = 20

    public static func make(till: String, sequence: Int64, date: CivilDate) -> String {
        var seq = String(sequence)
        while seq.count < 9 { seq = "0" + seq }
        var tillDigits = till
        while tillDigits.count < 2 { tillDigits = "0" + tillDigits }
        let body = "9" + tillDigits + seq + date.compactText
        let check = 98 - mod97(body + "00")
        return body + twoDigits(Int64(check))
    }

    public enum Parsed: Equatable, Sendable {
        case receipt(till: String, sequence: Int64)
        /// Looks like a receipt code but its check digits are wrong (damaged or mistyped).
        case damaged
        /// Not a receipt code at all.
        case notACode
    }

    public static func parse(_ text: String) -> Parsed {
        let code = text.trimmingSpaces
        guard code.count == length, code.first == "9", code.allSatisfy(\.isASCIIDigit) else { return .notACode }
        guard mod97(code) == 1 else { return .damaged }
        let digits = Array(code)
        let till = String(digits[1..<3])
        guard let seq = Int64(String(digits[3..<12])) else { return .damaged }
        return .receipt(till: till, sequence: seq)
    }

    private static func mod97(_ digits: String) -> Int {
        var remainder = 0
        for c in digits { remainder = (remainder * 10 + c.asciiDigitValue) % 97 }
        return remainder
    }
}

/// What a clerk typed or scanned to find a sale: a receipt number, a receipt code, or just the
/// sequence number of a sale on this till.
public enum ReceiptReference: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(DocumentNumber)

    public static func parse(_ text: String, defaultTill: String) -> Result<ReceiptReference, Refusal> {
        let trimmed = text.trimmingSpaces
        switch ReceiptCode.parse(trimmed) {
        case .receipt(let till, let seq): return .success(.number(DocumentNumber(kind: .sale, till: till, sequence: seq)))
        case .damaged: return .failure(.receiptCodeUnreadable(code: trimmed))
        case .notACode: break
        }
        if let number = DocumentNumber(parsing: trimmed), number.kind == .sale {
            return .success(.number(number))
        }
        if !trimmed.isEmpty, trimmed.count <= 8, trimmed.allSatisfy(\.isASCIIDigit), let seq = Int64(trimmed), seq > 0 {
            return .success(.number(DocumentNumber(kind: .sale, till: defaultTill, sequence: seq)))
        }
        // Only digits, too long for a sequence number: a receipt barcode read short or long, or
        // with a digit misread. Saying "no such sale" would send the clerk looking for the wrong thing.
        if trimmed.count > 8, trimmed.allSatisfy(\.isASCIIDigit) {
            return .failure(.receiptCodeUnreadable(code: trimmed))
        }
        return .failure(.receiptNotFound(reference: trimmed))
    }

    public var number: DocumentNumber { switch self { case .number(let n): return n } }
    public var description: String { number.description }
}
