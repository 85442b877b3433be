/// The shop's rules, loaded from the configuration file (see README "Configuration"). All money
/// limits are in minor units of the till's currency.
public struct StorePolicy: Hashable, Sendable, Codable {
    public var refund: RefundPolicy
    public var blindReturn: BlindReturnPolicy
    public var lockout: PinLockoutPolicy
    public var permissions: RolePermissions
    public var refundReasons: [ReasonCode]
    public var voidReasons: [ReasonCode]
    public var priceChange: PriceChangePolicy = PriceChangePolicy()

    public init(refund: RefundPolicy = RefundPolicy(), blindReturn: BlindReturnPolicy = BlindReturnPolicy(),
                lockout: PinLockoutPolicy = PinLockoutPolicy(), permissions: RolePermissions = .standard,
                refundReasons: [ReasonCode] = ReasonCode.refundDefaults,
                voidReasons: [ReasonCode] = ReasonCode.voidDefaults) {
        self.refund = refund
        self.blindReturn = blindReturn
        self.lockout = lockout
        self.permissions = permissions
        self.refundReasons = refundReasons
        self.voidReasons = voidReasons
    }
}

/// Rules for refunds against a receipt.
public struct RefundPolicy: Hashable, Sendable, Codable {
    /// Days after the sale in which a refund is accepted (a sale on day D is refundable through D + windowDays).
    public var windowDays: Int64
    /// One refund above this needs a supervisor.
    public var perRefundLimitMinor: Int64
    /// A clerk's refunds in one shift above this (this refund included) need a supervisor.
    public var clerkShiftLimitMinor: Int64
    /// Which tender a payment may be refunded to instead of its own.
    public var substitution: TenderSubstitutionPolicy

    public init(windowDays: Int64 = 30, perRefundLimitMinor: Int64 = 50_000, clerkShiftLimitMinor: Int64 = 100_000,
                substitution: TenderSubstitutionPolicy = TenderSubstitutionPolicy()) {
        self.windowDays = windowDays
        self.perRefundLimitMinor = perRefundLimitMinor
        self.clerkShiftLimitMinor = clerkShiftLimitMinor
        self.substitution = substitution
    }
}

/// Rules for returns without a receipt.
public struct BlindReturnPolicy: Hashable, Sendable, Codable {
    public enum Pricing: Hashable, Sendable, Codable {
        /// Today's catalog price.
        case currentPrice
        /// The lowest unit price the item sold for in the last N days (or today's price if lower).
        case lowestInDays(Int64)
    }

    public var enabled: Bool
    public var pricing: Pricing
    /// Above this total a supervisor must approve; 0 means every blind return needs one.
    public var supervisorAboveMinor: Int64
    /// Above this total a blind return is refused outright.
    public var maximumMinor: Int64
    /// Tenders allowed; the first is the default.
    public var tenders: [TenderKind]
    public var requireCustomerReference: Bool

    public init(enabled: Bool = true, pricing: Pricing = .lowestInDays(90), supervisorAboveMinor: Int64 = 0,
                maximumMinor: Int64 = 20_000, tenders: [TenderKind] = [.storeCredit, .cash],
                requireCustomerReference: Bool = false) {
        self.enabled = enabled
        self.pricing = pricing
        self.supervisorAboveMinor = supervisorAboveMinor
        self.maximumMinor = maximumMinor
        self.tenders = tenders
        self.requireCustomerReference = requireCustomerReference
    }
}
