import TillCore

/// `[shop] tax_id_label`: the words printed before the shop's tax ID on receipts and refund slips.
/// Default "Tax ID", or "税号" when slips are printed in Chinese.
enum TaxIDLabel {
    static let length = 1...32

    static func resolve(_ text: String?, receiptLanguage: Language) throws -> String {
        guard let text else { return LocalizedText(en: "Tax ID", zh: "税号").text(receiptLanguage) }
        // Control characters are refused with the other shop texts; here the length.
        guard length.contains(text.count), !text.trimmingSpaces.isEmpty else {
            throw CLIError.badSetting("shop.tax_id_label", value: text,
                                      expected: "1 to \(length.upperBound) characters, such as \"Tax ID\" or \"税号\"")
        }
        return text
    }
}
