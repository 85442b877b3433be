import TillCore

/// Why a scan cannot go to the catalog as it is. Each names its cause and remedy in English and
/// Chinese; `refusal` is the core's equivalent where one exists, so the screen shows the same
/// words whether the scanner layer or the register caught it.
public enum ScanProblem: Problem, Hashable, Sendable {
    /// EAN/UPC/ITF-14/GTIN check digit does not match the other digits: a misread or a bad label.
    case checkDigitWrong(code: String, expected: Int, found: Int)
    /// The check digit over an in-store barcode's weight or price is wrong.
    case valueCheckDigitWrong(code: String, expected: Int, found: Int)
    /// Code 39's mod-43 check character is wrong.
    case code39CheckWrong(code: String, expected: Character, found: Character)
    /// Data that cannot be this symbology (letters in an EAN, a 10-digit "EAN-13").
    case malformed(symbology: Symbology, data: String)
    /// A GS1 element string that does not parse: an AI the till does not know, a field cut short.
    case gs1Unreadable(data: String, failure: GS1Parser.Failure)
    /// A GS1 code without (01) GTIN: a pallet label (SSCC) or a document, not an item.
    case gs1WithoutGTIN(data: String)
    /// Nothing came before the suffix.
    case empty

    /// The core's refusal for the same situation, when it has one.
    public var refusal: Refusal? {
        switch self {
        case .checkDigitWrong(let code, let expected, let found), .valueCheckDigitWrong(let code, let expected, let found):
            return .barcodeCheckDigitWrong(code: code, expected: expected, found: found)
        default:
            return nil
        }
    }

    /// A stable identifier for logs and tests.
    public var code: String {
        switch self {
        case .checkDigitWrong: return "barcode_check_digit_wrong"
        case .valueCheckDigitWrong: return "barcode_value_check_digit_wrong"
        case .code39CheckWrong: return "code39_check_character_wrong"
        case .malformed: return "barcode_malformed"
        case .gs1Unreadable: return "gs1_unreadable"
        case .gs1WithoutGTIN: return "gs1_without_gtin"
        case .empty: return "scan_empty"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .checkDigitWrong(let code, let expected, let found):
            return Refusal.barcodeCheckDigitWrong(code: code, expected: expected, found: found).message
        case .valueCheckDigitWrong(let code, let expected, let found):
            return LocalizedText(en: "The weight or price in barcode \(code) is damaged: its check digit is \(found) but should be \(expected).",
                                 zh: "条码 \(code) 中的重量或价格已损坏：校验位为 \(found)，应为 \(expected)。")
        case .code39CheckWrong(let code, let expected, let found):
            return LocalizedText(en: "Code 39 barcode \(code) is damaged: its check character is \(found) but should be \(expected).",
                                 zh: "Code 39 条码 \(code) 已损坏：校验字符为 \(found)，应为 \(expected)。")
        case .malformed(let symbology, let data):
            return LocalizedText(en: "\"\(visible(data))\" is not a valid \(symbology.displayName) code.",
                                 zh: "“\(visible(data))” 不是有效的 \(symbology.displayName) 条码。")
        case .gs1Unreadable(let data, let failure):
            return LocalizedText(en: "The GS1 barcode \"\(visible(data))\" cannot be read: \(failure.text.en).",
                                 zh: "无法读取 GS1 条码 “\(visible(data))”：\(failure.text.zh)。")
        case .gs1WithoutGTIN(let data):
            return LocalizedText(en: "The GS1 barcode \"\(visible(data))\" has no item number (01): it labels a shipment or document, not an item.",
                                 zh: "GS1 条码 “\(visible(data))” 没有商品编号 (01)：它标识的是货运单元或单据，不是商品。")
        case .empty:
            return LocalizedText(en: "The scanner sent an empty code.", zh: "扫描枪发送了空条码。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .checkDigitWrong(let code, let expected, let found):
            return Refusal.barcodeCheckDigitWrong(code: code, expected: expected, found: found).remedy
        case .valueCheckDigitWrong:
            return LocalizedText(en: "Weigh the item again and print a new label, or type the item code and weight.",
                                 zh: "请重新称重并打印新标签，或输入商品编码和重量。")
        case .code39CheckWrong:
            return LocalizedText(en: "Scan a clean label, or type the code printed under the barcode.",
                                 zh: "请扫描完好的标签，或输入条码下方的编码。")
        case .malformed:
            return LocalizedText(en: "Scan again; if it repeats, type the number under the barcode and check the scanner's symbology settings.",
                                 zh: "请重新扫描；如仍出错，请输入条码下方的数字，并检查扫描枪的码制设置。")
        case .gs1Unreadable:
            return LocalizedText(en: "Scan the item's own EAN/UPC barcode instead, or type its number.",
                                 zh: "请改扫商品本身的 EAN/UPC 条码，或输入其编号。")
        case .gs1WithoutGTIN:
            return LocalizedText(en: "Scan the barcode on the item itself.", zh: "请扫描商品本身上的条码。")
        case .empty:
            return LocalizedText(en: "Scan again. If it keeps happening, check the scanner's prefix/suffix settings.",
                                 zh: "请重新扫描。如反复出现，请检查扫描枪的前缀/后缀设置。")
        }
    }
}

extension GS1Parser.Failure {
    public var text: LocalizedText {
        switch self {
        case .unknownAI(let at, let text):
            return LocalizedText(en: "no known application identifier at position \(at + 1) (\"\(visible(text))\")",
                                 zh: "第 \(at + 1) 位处没有已知的应用标识符（“\(visible(text))”）")
        case .tooShort(let ai):
            return LocalizedText(en: "the data of (\(ai)) is cut short", zh: "(\(ai)) 的数据不完整")
        case .notNumeric(let ai, let data):
            return LocalizedText(en: "(\(ai)) must be digits but is \"\(visible(data))\"", zh: "(\(ai)) 应为数字，实为 “\(visible(data))”")
        case .badDate(let ai, let data):
            return LocalizedText(en: "(\(ai)) \(data) is not a date YYMMDD", zh: "(\(ai)) \(data) 不是 YYMMDD 格式的日期")
        case .tooLong(let ai, let data):
            return LocalizedText(en: "(\(ai)) is too long (\(data.count) characters): a GS separator is probably missing",
                                 zh: "(\(ai)) 过长（\(data.count) 个字符）：可能缺少 GS 分隔符")
        case .empty:
            return LocalizedText(en: "it is empty", zh: "内容为空")
        }
    }
}
