/// One refund, return without receipt or post-void as the refund report reads it: the same row
/// whichever journal it comes from (a till's SQLite journal or the central database), so the
/// figures are one computation (`RefundReport`) over rows each engine fetches with a few queries.
public struct RefundFact: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case withReceipt, withoutReceipt, postVoid
    }

    public var kind: Kind
    public var number: String
    public var shop: String
    public var till: String
    public var clerk: String
    public var clerkName: String
    /// The supervisor who approved it, if anyone did.
    public var approver: String?
    public var approverName: String?
    public var at: Timestamp
    /// What was paid back, in minor units of the journal's currency.
    public var amountMinor: Int64
    /// Who made the original sale and when (nil without receipt, or when the sale is unknown here).
    public var saleClerk: String?
    public var soldAt: Timestamp?
    /// Made while the central journal could not be reached, not yet verified against it.
    public var offline: Bool
    /// Found, on reconciliation, to refund goods another refund had already taken back.
    public var conflict: Bool

    public init(kind: Kind, number: String, shop: String, till: String, clerk: String, clerkName: String,
                approver: String?, approverName: String?, at: Timestamp, amountMinor: Int64, saleClerk: String?,
                soldAt: Timestamp?, offline: Bool = false, conflict: Bool = false) {
        self.kind = kind
        self.number = number
        self.shop = shop
        self.till = till
        self.clerk = clerk
        self.clerkName = clerkName
        self.approver = approver
        self.approverName = approverName
        self.at = at
        self.amountMinor = amountMinor
        self.saleClerk = saleClerk
        self.soldAt = soldAt
        self.offline = offline
        self.conflict = conflict
    }

    /// A refund or post-void of a sale the same person rang up.
    public var ofOwnSale: Bool { saleClerk != nil && saleClerk == clerk }
}

/// Sales of one clerk at one till on one local day, summed by the query layer (the report
/// needs them only as the denominator of the refund rate).
public struct SalesFact: Hashable, Sendable {
    public var shop: String
    public var till: String
    public var clerk: String
    public var clerkName: String
    public var day: CivilDate
    public var count: Int64
    public var amountMinor: Int64

    public init(shop: String, till: String, clerk: String, clerkName: String, day: CivilDate, count: Int64, amountMinor: Int64) {
        self.shop = shop
        self.till = till
        self.clerk = clerk
        self.clerkName = clerkName
        self.day = day
        self.count = count
        self.amountMinor = amountMinor
    }
}
