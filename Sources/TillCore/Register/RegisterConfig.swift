/// What a till is set up with: fixed while it runs.
public struct RegisterConfig: Hashable, Sendable, Codable {
    /// Two digits, printed in document numbers and receipt codes ("01").
    public var till: String
    public var currency: Currency
    public var policy: StorePolicy
    public var cashRounding: CashRounding
    public var shop: ShopInfo
    public var receiptLanguage: Language
    /// The shop's offset from UTC, for local dates on slips and refund windows.
    public var utcOffsetSeconds: Int64
    /// Training mode: records are marked training (the runtime keeps them out of the real
    /// journal) and the drawer never opens.
    public var training: Bool
    /// The notes and coins a cash count may list, largest first, in minor units (`[cash]
    /// denominations`); nil: the currency's own (`Currency.denominationsMinor`).
    public var cashDenominationsMinor: [Int64]? = nil
    /// `[shop] code`: the shop's code in receipt codes and cross-till keys (`ShopCode`).
    public var shopCode: ShopCode = .standard
    /// Whether a central journal is configured, and what may happen while it cannot be reached.
    public var central: CentralPolicy = CentralPolicy()

    public init(till: String = "01", currency: Currency = .cny, policy: StorePolicy = StorePolicy(),
                cashRounding: CashRounding = .none, shop: ShopInfo = ShopInfo(name: "Till"),
                receiptLanguage: Language = .en, utcOffsetSeconds: Int64 = 0, training: Bool = false) {
        self.till = till
        self.currency = currency
        self.policy = policy
        self.cashRounding = cashRounding
        self.shop = shop
        self.receiptLanguage = receiptLanguage
        self.utcOffsetSeconds = utcOffsetSeconds
        self.training = training
    }

    public var templates: SlipTemplates {
        SlipTemplates(shop: shop, language: receiptLanguage, utcOffsetSeconds: utcOffsetSeconds)
    }

    public func money(_ minor: Int64) -> Money { Money(minor: minor, currency: currency) }

    /// The denominations a cash count at this till may list, largest first.
    public var denominations: [Int64] { cashDenominationsMinor ?? currency.denominationsMinor }
}
