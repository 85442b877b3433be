/// A quantity in integer thousandths: 1 each is 1000, 0.5 kg is 500. Typed refund quantities
/// are parsed exactly, so 0.5 never becomes 1.
public struct Quantity: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }

    public static func each(_ count: Int64) -> Quantity { Quantity(thousandths: count * 1000) }
    public static let zero = Quantity(thousandths: 0)
    public static let one = Quantity.each(1)

    /// Parses "2", "0.5" or "1.250" exactly; nil for anything else (including more than three decimals).
    public init?(parsing text: String) {
        guard let value = DecimalText.parse(text, scale: 3) else { return nil }
        self.init(thousandths: value)
    }

    public var isWhole: Bool { thousandths % 1000 == 0 }
    public var isPositive: Bool { thousandths > 0 }

    public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(thousandths: a.thousandths + b.thousandths) }
    public static func - (a: Quantity, b: Quantity) -> Quantity { Quantity(thousandths: a.thousandths - b.thousandths) }
    public static func < (a: Quantity, b: Quantity) -> Bool { a.thousandths < b.thousandths }

    /// "2", "0.5", "1.25": trailing zeros dropped.
    public var description: String {
        var text = DecimalText.format(thousandths, scale: 3)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
