/// Why goods came back or a sale was voided. A refund without one is refused.
public struct ReasonCode: Hashable, Sendable, Codable {
    public var code: String
    public var label: LocalizedText
    /// A coarse grouping used by reports and drill scoring: damaged, wrongItem, unwanted, pricing, other.
    public var category: String

    public init(code: String, label: LocalizedText, category: String) {
        self.code = code
        self.label = label
        self.category = category
    }

    public static let refundDefaults: [ReasonCode] = [
        ReasonCode(code: "DAMAGED", label: LocalizedText(en: "Damaged or faulty", zh: "损坏或故障"), category: "damaged"),
        ReasonCode(code: "WRONG", label: LocalizedText(en: "Wrong item", zh: "商品错误"), category: "wrongItem"),
        ReasonCode(code: "UNWANTED", label: LocalizedText(en: "Changed mind", zh: "不想要了"), category: "unwanted"),
        ReasonCode(code: "NOTDESC", label: LocalizedText(en: "Not as described", zh: "与描述不符"), category: "wrongItem"),
        ReasonCode(code: "PRICE", label: LocalizedText(en: "Pricing error", zh: "价格错误"), category: "pricing"),
        ReasonCode(code: "OTHER", label: LocalizedText(en: "Other", zh: "其他"), category: "other"),
    ]

    public static let voidDefaults: [ReasonCode] = [
        ReasonCode(code: "MISTAKE", label: LocalizedText(en: "Operator mistake", zh: "操作失误"), category: "mistake"),
        ReasonCode(code: "CANCELLED", label: LocalizedText(en: "Customer cancelled", zh: "顾客取消"), category: "cancelled"),
        ReasonCode(code: "PAYMENT", label: LocalizedText(en: "Payment problem", zh: "付款问题"), category: "payment"),
        ReasonCode(code: "OTHER", label: LocalizedText(en: "Other", zh: "其他"), category: "other"),
    ]
}
