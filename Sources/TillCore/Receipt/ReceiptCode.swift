/// The code printed on a sale receipt as a barcode/QR, which a refund scans. Twenty-four digits,
/// an even count, so it packs entirely in Code 128 set C: "8", shop (4), till (2), sequence (9),
/// sale date yymmdd (6), and two ISO 7064 mod 97-10 check digits over all of it (the shop
/// included), which catch any misread or mistyped digit and any swap of two neighbours.
/// Receipts printed before shops had codes carry the older twenty digits ("9", no shop); they
/// read as this shop's.
public enum ReceiptCode {
    public static let length = 24
    /// The code of receipts printed before the shop code (`legacyPrefix`, no shop).
    public static let legacyLength = 20
    static let prefix: Character = "8"
    static let legacyPrefix: Character = "9"

    public static func make(shop: ShopCode, till: String, sequence: Int64, date: CivilDate) -> String {
        withCheckDigits(String(prefix) + shop.description + body(till: till, sequence: sequence, date: date))
    }

    /// The older code without a shop (still read; new receipts carry `make(shop:…)`).
    public static func make(till: String, sequence: Int64, date: CivilDate) -> String {
        withCheckDigits(String(legacyPrefix) + body(till: till, sequence: sequence, date: date))
    }

    private static func body(till: String, sequence: Int64, date: CivilDate) -> String {
        var seq = String(sequence)
        while seq.count < 9 { seq = "0" + seq }
        var tillDigits = till
        while tillDigits.count < 2 { tillDigits = "0" + tillDigits }
        return tillDigits + seq + date.compactText
    }

    private static func withCheckDigits(_ body: String) -> String {
        body + twoDigits(Int64(98 - mod97(body + "00")))
    }

    public enum Parsed: Equatable, Sendable {
        /// `shop` nil: an older code, which names no shop (this shop's).
        case receipt(shop: ShopCode?, till: String, sequence: Int64)
        /// Looks like a receipt code but its check digits are wrong (damaged or mistyped).
        case damaged
        /// Not a receipt code at all.
        case notACode
    }

    public static func parse(_ text: String) -> Parsed {
        let code = text.trimmingSpaces
        guard code.allSatisfy(\.isASCIIDigit) else { return .notACode }
        let digits = Array(code)
        let shopDigits: Int
        switch (digits.count, digits.first) {
        case (length, prefix): shopDigits = ShopCode.digits
        case (legacyLength, legacyPrefix): shopDigits = 0
        default: return .notACode
        }
        guard mod97(code) == 1 else { return .damaged }
        var shop: ShopCode? = nil
        if shopDigits > 0 {
            // Shop 0000 never exists: a code naming it was misread into a valid-looking one.
            guard let parsed = ShopCode(parsing: String(digits[1...shopDigits])) else { return .damaged }
            shop = parsed
        }
        let tillStart = 1 + shopDigits
        let till = String(digits[tillStart..<(tillStart + 2)])
        guard let seq = Int64(String(digits[(tillStart + 2)..<(tillStart + 11)])) else { return .damaged }
        return .receipt(shop: shop, till: till, sequence: seq)
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
    /// `shop` nil: the reference names no shop (a typed number, an older code): this shop's.
    case number(DocumentNumber, shop: ShopCode? = nil)

    public static func parse(_ text: String, defaultTill: String) -> Result<ReceiptReference, Refusal> {
        let trimmed = text.trimmingSpaces
        switch ReceiptCode.parse(trimmed) {
        case .receipt(let shop, let till, let seq):
            return .success(.number(DocumentNumber(kind: .sale, till: till, sequence: seq), shop: shop))
        case .damaged: return .failure(.receiptCodeUnreadable(code: trimmed))
        case .notACode: break
        }
        if let number = DocumentNumber(parsing: trimmed), number.kind == .sale {
            return .success(.number(number))
        }
        // Another shop's receipt typed with its shop: "0002-S01-000006".
        if let key = DocumentKey(parsing: trimmed), key.number.kind == .sale {
            return .success(.number(key.number, shop: key.shop))
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

    public var number: DocumentNumber { switch self { case .number(let n, _): return n } }
    public var shop: ShopCode? { switch self { case .number(_, let shop): return shop } }
    /// The sale's key across the chain, a reference without a shop read as `ownShop`'s.
    public func key(ownShop: ShopCode) -> DocumentKey { DocumentKey(shop: shop ?? ownShop, number: number) }
    public var description: String { shop.map { DocumentKey(shop: $0, number: number).description } ?? number.description }
}
