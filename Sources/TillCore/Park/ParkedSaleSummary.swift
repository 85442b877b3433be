/// A parked sale as a refusal or a report names it: its number, lines and total.
public struct ParkedSaleSummary: Hashable, Sendable, Codable {
    public var reference: String
    public var lines: Int
    public var total: Money

    public init(_ sale: ParkedSale) {
        reference = sale.reference
        lines = sale.lineCount
        total = sale.total
    }

    /// "P01-000002 (2 lines, ¥65.00)".
    public var label: LocalizedText {
        LocalizedText(en: "\(reference) (\(lines) line\(lines == 1 ? "" : "s"), \(total.formatted))",
                      zh: "\(reference)（\(lines) 行，\(total.formatted)）")
    }
}
