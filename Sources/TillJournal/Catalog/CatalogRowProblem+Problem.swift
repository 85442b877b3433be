import TillCore

/// A refused catalog row is a `Problem`: its code is the case's name, its message the cause
/// above, its remedy what to change in the file.
extension CatalogRowProblem: Problem {
    public var code: String { "catalog_row_" + ProblemCode.caseName(of: self) }

    public var remedy: LocalizedText {
        switch self {
        case .barcodeTaken:
            return LocalizedText(en: "Remove the barcode from the other item, or import with --reassign-barcodes.",
                                 zh: "请从另一商品删除该条码，或用 --reassign-barcodes 导入。")
        case .codeAmbiguous(let clash):
            return clash.remedy
        case .unknownTaxClass:
            return LocalizedText(en: "Define the tax class under [tax] in the configuration, or use one that is defined, and import again.",
                                 zh: "请在配置的 [tax] 中定义该税类，或改用已定义的税类，然后重新导入。")
        default:
            return LocalizedText(en: "Correct the row in the CSV file and import it again; the other rows were imported.",
                                 zh: "请在 CSV 文件中改正该行后重新导入；其他行已导入。")
        }
    }
}
