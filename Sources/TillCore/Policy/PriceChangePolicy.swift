/// How far a person who holds `overridePrice` or `discountLine` (but may not approve) goes
/// alone: a price change or discount worth more than this on one line needs a supervisor's
/// code and PIN, approving exactly that change. Minor units; configuration `[sale]`.
public struct PriceChangePolicy: Hashable, Sendable, Codable {
    /// A price override that moves the line's amount by more than this needs a supervisor.
    public var overrideApprovalAboveMinor: Int64
    /// A line discount larger than this needs a supervisor.
    public var discountApprovalAboveMinor: Int64

    public init(overrideApprovalAboveMinor: Int64 = 2_000, discountApprovalAboveMinor: Int64 = 2_000) {
        self.overrideApprovalAboveMinor = overrideApprovalAboveMinor
        self.discountApprovalAboveMinor = discountApprovalAboveMinor
    }
}
