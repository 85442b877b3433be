/// Refunds alike in everything the refund report reads, counted together: what a query layer
/// can sum where the rows are (the central database sums 100,000 refunds into a few hundred of
/// these) without losing a figure, a flag or a name of the report. `RefundReport` computes from
/// these alone; its rows-of-facts initialiser groups the facts first, so both are one computation.
public struct RefundFactGroup: Hashable, Sendable {
    public var kind: RefundFact.Kind
    public var shop: String
    public var till: String
    public var clerk: String
    public var clerkName: String
    public var approver: String?
    public var approverName: String?
    /// The local day of the refunds (at the report's UTC offset).
    public var day: CivilDate
    public var ofOwnSale: Bool
    public var offline: Bool
    public var conflict: Bool
    /// Made soon after the sale (`RefundThresholds.soonAfterSaleMinutes`).
    public var soonAfterSale: Bool
    /// Paid out just under the per-refund limit (`RefundFlag.justUnderLimitAmounts`).
    public var justUnderLimit: Bool
    public var tally: RefundTally
    /// The place of the group's last refund in the report's order of refunds: names are "as last
    /// journalled", so the report applies groups in this order (each a different number).
    public var lastRank: Int64

    public init(kind: RefundFact.Kind, shop: String, till: String, clerk: String, clerkName: String, approver: String?,
                approverName: String?, day: CivilDate, ofOwnSale: Bool, offline: Bool, conflict: Bool, soonAfterSale: Bool,
                justUnderLimit: Bool, tally: RefundTally, lastRank: Int64) {
        self.kind = kind
        self.shop = shop
        self.till = till
        self.clerk = clerk
        self.clerkName = clerkName
        self.approver = approver
        self.approverName = approverName
        self.day = day
        self.ofOwnSale = ofOwnSale
        self.offline = offline
        self.conflict = conflict
        self.soonAfterSale = soonAfterSale
        self.justUnderLimit = justUnderLimit
        self.tally = tally
        self.lastRank = lastRank
    }

    /// `facts` (in the report's order) grouped: the straightforward computation a query layer's
    /// sums must equal.
    public static func grouped(_ facts: [RefundFact], utcOffsetSeconds: Int64, perRefundLimitMinor: Int64,
                               thresholds: RefundThresholds) -> [RefundFactGroup] {
        var groups: [RefundFactGroup] = []
        var index: [RefundFactGroup: Int] = [:]
        for (rank, fact) in facts.enumerated() {
            var key = RefundFactGroup(
                kind: fact.kind, shop: fact.shop, till: fact.till, clerk: fact.clerk, clerkName: fact.clerkName,
                approver: fact.approver, approverName: fact.approverName, day: fact.at.civilDate(utcOffsetSeconds: utcOffsetSeconds),
                ofOwnSale: fact.ofOwnSale, offline: fact.offline, conflict: fact.conflict,
                soonAfterSale: fact.soldAt.map { RefundFlag.isSoonAfter($0, fact.at, minutes: thresholds.soonAfterSaleMinutes) } ?? false,
                justUnderLimit: RefundFlag.isJustUnderLimit(fact.amountMinor, limit: perRefundLimitMinor, percent: thresholds.underLimitPercent),
                tally: RefundTally(), lastRank: 0)
            if let at = index[key] {
                groups[at].tally.add(amountMinor: fact.amountMinor)
                groups[at].lastRank = Int64(rank)
            } else {
                index[key] = groups.count
                key.tally = RefundTally(count: 1, amountMinor: fact.amountMinor)
                key.lastRank = Int64(rank)
                groups.append(key)
            }
        }
        return groups
    }
}

extension RefundFlag {
    /// The amounts `isJustUnderLimit` flags, as one range a query can test (nil: none): the test
    /// is monotone in the amount up to the limit, so the range's start is found by bisection of
    /// the test itself, and a query that uses it cannot disagree with the core.
    public static func justUnderLimitAmounts(limit: Int64, percent: Int64) -> ClosedRange<Int64>? {
        guard limit >= 1, isJustUnderLimit(limit, limit: limit, percent: percent) else { return nil }
        var low: Int64 = 1, high = limit   // the first flagged amount is in low...high
        while low < high {
            let middle = low + (high - low) / 2
            if isJustUnderLimit(middle, limit: limit, percent: percent) { high = middle } else { low = middle + 1 }
        }
        return low...limit
    }

    /// The longest gap, in seconds, from sale to refund that `isSoonAfter` counts as soon.
    public static func soonAfterSaleSeconds(minutes: Int64) -> Int64 { product(minutes, 60) }
}
