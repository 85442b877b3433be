/// A count and an amount in minor units. Sums saturate: the rows come from a file, and a
/// doctored amount must not crash a report (verify names it).
public struct RefundTally: Hashable, Sendable {
    public var count: Int64 = 0
    public var amountMinor: Int64 = 0

    public init(count: Int64 = 0, amountMinor: Int64 = 0) {
        self.count = count
        self.amountMinor = amountMinor
    }

    public mutating func add(count more: Int64 = 1, amountMinor amount: Int64) {
        count = Self.saturating(count, more)
        amountMinor = Self.saturating(amountMinor, amount)
    }

    public static func + (a: RefundTally, b: RefundTally) -> RefundTally {
        var sum = a
        sum.add(count: b.count, amountMinor: b.amountMinor)
        return sum
    }

    static func saturating(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}

/// One row of the refund report: everything refunded in a group, and what was sold there.
public struct RefundFigures: Hashable, Sendable {
    public var withReceipt = RefundTally()
    public var withoutReceipt = RefundTally()
    public var postVoids = RefundTally()
    /// Refunds and post-voids of sales the same person rang up.
    public var ownSale = RefundTally()
    /// Refunds and post-voids a supervisor approved.
    public var approved = RefundTally()
    public var offline = RefundTally()
    public var conflicts = RefundTally()
    public var sales = RefundTally()

    public init() {}

    /// Refunds with and without receipt and post-voids together.
    public var refunded: RefundTally { withReceipt + withoutReceipt + postVoids }

    /// Refunded against sold, in percent (nil when nothing was sold).
    public var ratePercent: Double? {
        sales.amountMinor > 0 ? Double(refunded.amountMinor) / Double(sales.amountMinor) * 100 : nil
    }

    mutating func add(_ group: RefundFactGroup) {
        let (n, amount) = (group.tally.count, group.tally.amountMinor)
        switch group.kind {
        case .withReceipt: withReceipt.add(count: n, amountMinor: amount)
        case .withoutReceipt: withoutReceipt.add(count: n, amountMinor: amount)
        case .postVoid: postVoids.add(count: n, amountMinor: amount)
        }
        if group.ofOwnSale { ownSale.add(count: n, amountMinor: amount) }
        if group.approver != nil { approved.add(count: n, amountMinor: amount) }
        if group.offline { offline.add(count: n, amountMinor: amount) }
        if group.conflict { conflicts.add(count: n, amountMinor: amount) }
    }
}
