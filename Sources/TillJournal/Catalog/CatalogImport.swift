import TillCore

/// What a catalog import did.
public struct CatalogImportSummary: Hashable, Sendable {
    public var rowsRead: Int
    public var imported: Int
    /// Rows not imported, by the line of the file they start on, with the reason.
    public var rejected: [CatalogRowRejection]
    /// Barcodes moved from another item, by line (only with `reassignBarcodes`).
    public var reassigned: [CatalogBarcodeMove]

    public init(rowsRead: Int, imported: Int, rejected: [CatalogRowRejection], reassigned: [CatalogBarcodeMove] = []) {
        self.rowsRead = rowsRead
        self.imported = imported
        self.rejected = rejected
        self.reassigned = reassigned
    }

    /// "Imported 1 item, rejected 2 rows (of 3 rows read)." in the user's language.
    public func text(_ language: Language) -> String {
        if language == .zh {
            return "导入 \(imported) 个商品，拒绝 \(rejected.count) 行（共读取 \(rowsRead) 行）。"
        }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return "Imported \(count(imported, "item", "items")), rejected \(count(rejected.count, "row", "rows")) "
            + "(of \(count(rowsRead, "row", "rows")) read)."
    }
}

/// A barcode an imported row took from another item, as the import was told to allow.
public struct CatalogBarcodeMove: Hashable, Sendable {
    public var line: Int
    public var code: String
    public var from: String
    public var to: String

    public init(line: Int, code: String, from: String, to: String) {
        self.line = line
        self.code = code
        self.from = from
        self.to = to
    }

    public func text(_ language: Language) -> String {
        language == .zh ? "第 \(line) 行：条码 \(code) 已从 \(from) 改归 \(to)"
                        : "line \(line): barcode \(code) moved from \(from) to \(to)"
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
    /// The record could not be read as CSV (quoting, encoding).
    case unreadable(CSVProblem)
    /// The barcode belongs to another item already in the catalog.
    case barcodeTaken(code: String, ownerSKU: String)
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
    /// A quoted field ran from this line to `lastLine`: the lines it ran over are read again as
    /// rows, never swallowed into one item's name.
    case quotedAcrossLines(lastLine: Int)
    /// A code of the row would be one item's barcode and another's SKU (in the catalog or an
    /// earlier row): a scan could find either.
    case codeAmbiguous(ItemCodeClash)

    public var message: LocalizedText {
        switch self {
        case .wrongColumnCount(let found, let expected):
            return t("the row has \(found) columns but the header has \(expected) (quote a field that contains a comma)",
                     "该行有 \(found) 列，但表头有 \(expected) 列（含逗号的字段需加引号）")
        case .unreadable(let problem):
            return problem.message
        case .codeAmbiguous(let clash):
            return clash.message
        case .barcodeTaken(let code, let owner):
            return t("barcode \(code) belongs to item \(owner) already (remove it there first, or import with --reassign-barcodes to move it)",
                     "条码 \(code) 已属于商品 \(owner)（请先从该商品删除，或用 --reassign-barcodes 导入以改归）")
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
        case .quotedAcrossLines(let last):
            return t("a quote opened on this line closes only on line \(last) (a field cannot hold a line break: close the quote on its own line); the lines in between are read as rows of their own",
                     "本行开始的引号直到第 \(last) 行才结束（字段不能包含换行：请在本行内闭合引号）；其间各行按单独的行读取")
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
    /// Rows committed to the journal so far: what the progress line calls imported is there.
    public var imported: Int
    public var rejected: Int
}

private func t(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }
