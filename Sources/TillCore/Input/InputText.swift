/// The one rule for text the till stores or signs: no control characters.
///
/// SQLite keeps a TEXT value only up to a NUL while the journal hashes the whole string, so a NUL
/// in a user code or card reference would make `journal verify` call the till's own entry
/// tampered; other controls (C0, DEL, C1), invisible format characters (bidi overrides and
/// isolates, the BOM, soft hyphen, word joiners) and line/paragraph separators let a slip or a
/// report show something other than what is stored. The core refuses them in every action
/// (`RegisterAction.inputRefusal`) and the journal refuses to store them (`InputGuards` there).
/// Zero-width joiner and non-joiner stay allowed: emoji and some scripts need them.
public enum InputText {
    /// The first character the till does not accept in `text`, if any.
    public static func firstForbidden(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isForbidden)
    }

    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C, 0x200D: return false // ZWNJ, ZWJ
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return true
        default: return scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
    }

    /// "U+0000" for a forbidden character's report.
    public static func name(_ scalar: Unicode.Scalar) -> String { "U+" + hex4(scalar.value) }
}

/// Where a piece of text came from, for the refusal that names it.
public enum TextField: String, Hashable, Sendable, Codable, CaseIterable {
    case userCode, pin, itemCode, receipt, cardReference, tenderReference, reasonCode, customerReference, slipReference,
         itemName, sku, barcode, taxClass, userName, text

    public var label: LocalizedText {
        switch self {
        case .userCode: return LocalizedText(en: "user code", zh: "工号")
        case .pin: return LocalizedText(en: "PIN", zh: "密码")
        case .itemCode: return LocalizedText(en: "item code", zh: "商品编码")
        case .receipt: return LocalizedText(en: "receipt number", zh: "收据号")
        case .cardReference: return LocalizedText(en: "card reference", zh: "刷卡授权号")
        case .tenderReference: return LocalizedText(en: "tender reference", zh: "支付参考号")
        case .reasonCode: return LocalizedText(en: "reason code", zh: "原因代码")
        case .customerReference: return LocalizedText(en: "customer reference", zh: "顾客信息")
        case .slipReference: return LocalizedText(en: "slip number", zh: "小票号")
        case .itemName: return LocalizedText(en: "item name", zh: "商品名称")
        case .sku: return LocalizedText(en: "SKU", zh: "货号")
        case .barcode: return LocalizedText(en: "barcode", zh: "条码")
        case .taxClass: return LocalizedText(en: "tax class", zh: "税类")
        case .userName: return LocalizedText(en: "user name", zh: "用户名")
        case .text: return LocalizedText(en: "text", zh: "文本")
        }
    }
}
