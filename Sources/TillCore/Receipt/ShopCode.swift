/// Which shop of a chain a document belongs to: one to four digits, always written with four
/// ("0001"), so the receipt code has a fixed layout and "1" and "0001" are the same shop.
/// `[shop] code` in the configuration; "0001" when missing (a shop that is not part of a chain).
public struct ShopCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let digits = 4
    public static let standard = ShopCode(number: 1)

    /// 1...9999. Zero is no shop: a receipt code with shop 0000 is a damaged one.
    public let number: Int

    private init(number: Int) { self.number = number }

    /// "7", "0007" and " 0007 " are shop 0007; anything but one to four digits (not all zero) is nil.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        guard (1...Self.digits).contains(trimmed.count), trimmed.allSatisfy(\.isASCIIDigit),
              let value = Int(trimmed), value > 0 else { return nil }
        number = value
    }

    public var description: String {
        var text = String(number)
        while text.count < Self.digits { text = "0" + text }
        return text
    }
}

/// A sale's (or refund's) key across the chain: the shop and the printed document number, whose
/// till and sequence are the till's own. "S01-000006" alone is only unique inside one shop.
public struct DocumentKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public var shop: ShopCode
    public var number: DocumentNumber

    public init(shop: ShopCode, number: DocumentNumber) {
        self.shop = shop
        self.number = number
    }

    public var till: String { number.till }

    /// "0002-S01-000006": the shop first, so it reads apart from a bare receipt number.
    public var description: String { shop.description + "-" + number.description }

    /// Parses "0002-S01-000006" (the form `description` writes); a bare "S01-000006" is not a key.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        guard let dash = trimmed.firstIndex(of: "-"), let shop = ShopCode(parsing: String(trimmed[..<dash])),
              let number = DocumentNumber(parsing: String(trimmed[trimmed.index(after: dash)...])) else { return nil }
        self.init(shop: shop, number: number)
    }
}
