/// How money changed hands.
public enum TenderKind: String, Hashable, Sendable, Codable, CaseIterable {
    case cash, card, storeCredit

    public var label: LocalizedText {
        switch self {
        case .cash: return LocalizedText(en: "cash", zh: "现金")
        case .card: return LocalizedText(en: "card", zh: "银行卡")
        case .storeCredit: return LocalizedText(en: "store credit", zh: "储值")
        }
    }
}

/// One payment toward a sale, or one payout of a refund. `amount` is what it settles; for cash
/// `received` may be more, and the difference is change.
public struct Tender: Hashable, Sendable, Codable {
    public var kind: TenderKind
    public var amount: Money
    public var received: Money?
    /// Card terminal approval code, or store-credit voucher number.
    public var reference: String?

    public init(kind: TenderKind, amount: Money, received: Money? = nil, reference: String? = nil) {
        self.kind = kind
        self.amount = amount
        self.received = received
        self.reference = reference
    }

    public var change: Money { (received ?? amount) - amount }
}
