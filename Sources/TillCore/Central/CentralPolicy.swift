/// What the till does about the central journal (`[central]` in the configuration). The core
/// only needs to know whether one is configured (then every refund with receipt is reserved
/// there before it is kept) and what the offline policy allows while it cannot be reached.
public struct CentralPolicy: Hashable, Sendable, Codable {
    /// `[central] url` is set.
    public var configured: Bool
    public var offlineRefunds: OfflineRefundPolicy

    public init(configured: Bool = false, offlineRefunds: OfflineRefundPolicy = OfflineRefundPolicy()) {
        self.configured = configured
        self.offlineRefunds = offlineRefunds
    }
}

/// `[central] offline_refunds`: whether a refund the central journal cannot check may be given
/// anyway, with a supervisor, up to these amounts. Such a refund is kept marked unverified and
/// checked (reconciled) when the link returns; off by default.
public struct OfflineRefundPolicy: Hashable, Sendable, Codable {
    public var enabled: Bool
    /// One unverified refund may pay out at most this.
    public var perRefundLimitMinor: Int64
    /// All unverified refunds of one shift together at most this.
    public var perShiftLimitMinor: Int64

    public init(enabled: Bool = false, perRefundLimitMinor: Int64 = 10_000, perShiftLimitMinor: Int64 = 30_000) {
        self.enabled = enabled
        self.perRefundLimitMinor = perRefundLimitMinor
        self.perShiftLimitMinor = perShiftLimitMinor
    }
}
