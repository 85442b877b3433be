/// The rules every tax class meets, wherever it comes from (`[[tax.class]]` in the configuration
/// or `till catalog import --tax-classes`): one check, so the two cannot disagree.
public enum TaxClassField: String, Hashable, Sendable { case id, name, rate, inclusive }

public struct TaxClassProblem: Error, Hashable, Sendable {
    public var field: TaxClassField
    public var value: String
    /// What the field must be, in both languages.
    public var expected: LocalizedText
}

extension TaxClass {
    public static let idLength = 1...16
    public static let nameLength = 1...64

    /// A class from its texts: `id` 1–16 letters, digits, - or _; `name` 1–64 characters without
    /// control characters; `rate` a percentage from 0 to 100 with at most two decimals ("13",
    /// "9.5", "13%"); `inclusive` nil for the default (true).
    public static func checked(id: String?, name: String?, rate: String?, inclusive: Bool?) -> Result<TaxClass, TaxClassProblem> {
        guard let id, idLength.contains(id.count), id.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0)
            || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            return .failure(TaxClassProblem(field: .id, value: id ?? "", expected: LocalizedText(
                en: "1 to 16 letters, digits, - or _, such as \"VAT13\" (the catalog's tax_class)",
                zh: "1 到 16 个字母、数字、- 或 _，如 “VAT13”（商品目录的 tax_class）")))
        }
        guard let name, nameLength.contains(name.count), InputText.firstForbidden(in: name) == nil else {
            return .failure(TaxClassProblem(field: .name, value: name ?? "", expected: LocalizedText(
                en: "1 to 64 characters without control characters, such as \"VAT 13%\"", zh: "1 到 64 个字符，不含控制字符，如 “VAT 13%”")))
        }
        guard let rate, let basisPoints = rateBasisPoints(rate) else {
            return .failure(TaxClassProblem(field: .rate, value: rate ?? "", expected: LocalizedText(
                en: "a percentage from 0 to 100 with at most two decimals, such as \"13\" or \"9.5\"",
                zh: "0 到 100 的百分比，最多两位小数，如 “13” 或 “9.5”")))
        }
        return .success(TaxClass(id: id, name: name, rateBasisPoints: basisPoints, inclusive: inclusive ?? true))
    }

    /// "13", "13%", "9.50" -> basis points (1300, 1300, 950); nil outside 0–100 %.
    public static func rateBasisPoints(_ text: String) -> Int64? {
        var trimmed = text.trimmingSpaces
        if trimmed.hasSuffix("%") { trimmed.removeLast() }
        guard case .success(let basisPoints) = DecimalText.check(trimmed, scale: 2),
              (0...ValueLimits.maximumTaxRateBasisPoints).contains(basisPoints) else { return nil }
        return basisPoints
    }
}
