import TillCore

/// What a catalog import did.
public struct CatalogImportSummary: Hashable, Sendable {
    public var rowsRead: Int
    public var imported: Int
    /// Rows not imported, by the line of the file they start on, with the reason.
    public var rejected: [CatalogRowRejection]

    public init(rowsRead: Int, imported: Int, rejected: [CatalogRowRejection]) {
        self.rowsRead = rowsRead
        self.imported = imported
        self.rejected = rejected
    }
}

public struct CatalogRowRejection: Hashable, Sendable {
    public var line: Int
    public var problem: CatalogRowProblem

    public init(line: Int, problem: CatalogRowProblem) {
        self.line = line
        self.problem = problem
    }

    /// "line 7: …" in the user's language.
    public func text(_ language: Language) -> String {
        (language == .zh ? "第 \(line) 行：" : "line \(line): ") + problem.message.text(language)
    }
}

/// Why one catalog row was not imported.
public enum CatalogRowProblem: Error, Hashable, Sendable {
    case wrongColumnCount(found: Int, expected: Int)
    case badQuoting(detail: String)
    case emptySKU
    case duplicateSKU(sku: String, firstLine: Int)
    case emptyName
    case priceNotANumber(text: String)
    case negativePrice(text: String)
    case unknownTaxClass(id: String)
    case barcodeCheckDigitWrong(code: String, expected: Int, found: Int)
    case duplicateBarcode(code: String, firstLine: Int)
    case notAYesNo(column: String, text: String)
    case controlCharacter(column: String, character: String)
    case priceOutOfRange(text: String, maximum: String)

    public var message: LocalizedText {
        switch self {
        case .wrongColumnCount(let found, let expected):
            return t("the row has \(found) columns but the header has \(expected) (quote a field that contains a comma)",
                     "该行有 \(found) 列，但表头有 \(expected) 列（含逗号的字段需加引号）")
        case .badQuoting(let detail):
            return t("the row's quoting is broken: \(detail)", "该行的引号有误：\(detail)")
        case .emptySKU:
            return t("the SKU is empty", "货号为空")
        case .duplicateSKU(let sku, let first):
            return t("SKU \(sku) was already on line \(first) of this file", "货号 \(sku) 已出现在本文件第 \(first) 行")
        case .emptyName:
            return t("the name is empty", "名称为空")
        case .priceNotANumber(let text):
            return t("the price \"\(text)\" is not a number like 12.50", "价格 \"\(text)\" 不是 12.50 这样的数字")
        case .controlCharacter(let column, let character):
            return t("\(column) contains the control character \(character), which the till does not store",
                     "\(column) 含有控制字符 \(character)，收银机不予保存")
        case .priceOutOfRange(let text, let maximum):
            return t("the price \(text) is over the maximum \(maximum)", "价格 \(text) 超过上限 \(maximum)")
        case .negativePrice(let text):
            return t("the price \(text) is negative", "价格 \(text) 为负数")
        case .unknownTaxClass(let id):
            return t("tax class \(id) is not defined (define it in the configuration first)", "税类 \(id) 未定义（请先在配置中定义）")
        case .barcodeCheckDigitWrong(let code, let expected, let found):
            return t("barcode \(code) has check digit \(found) but it should be \(expected)",
                     "条码 \(code) 的校验位为 \(found)，应为 \(expected)")
        case .duplicateBarcode(let code, let first):
            return t("barcode \(code) was already on line \(first) of this file", "条码 \(code) 已出现在本文件第 \(first) 行")
        case .notAYesNo(let column, let text):
            return t("\(column) is \"\(text)\" but must be yes, no, true, false, 1 or 0",
                     "\(column) 为 \"\(text)\"，必须是 yes、no、true、false、1 或 0")
        }
    }
}

/// Where a running import is, for a progress line.
public struct CatalogImportProgress: Hashable, Sendable {
    public var rowsRead: Int
    public var imported: Int
    public var rejected: Int
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
