/// The ways the refund report groups its rows.
public enum RefundGrouping: String, Hashable, Sendable, CaseIterable {
    case shop, till, clerk, supervisor, day

    public var title: LocalizedText {
        switch self {
        case .shop: return LocalizedText(en: "By shop", zh: "按门店")
        case .till: return LocalizedText(en: "By till", zh: "按收银台")
        case .clerk: return LocalizedText(en: "By clerk", zh: "按收银员")
        case .supervisor: return LocalizedText(en: "Approvals by supervisor", zh: "按主管（批准）")
        case .day: return LocalizedText(en: "By day", zh: "按日期")
        }
    }
}

/// What a row is about: its shop and, by grouping, the till, the person or the day.
public struct RefundGroupKey: Hashable, Sendable, Comparable {
    public var shop: String
    public var till: String?
    public var person: String?
    public var day: CivilDate?

    public init(shop: String, till: String? = nil, person: String? = nil, day: CivilDate? = nil) {
        self.shop = shop
        self.till = till
        self.person = person
        self.day = day
    }

    public static func < (a: RefundGroupKey, b: RefundGroupKey) -> Bool {
        (a.shop, a.till ?? "", a.person ?? "", a.day?.daysSinceEpoch ?? 0)
            < (b.shop, b.till ?? "", b.person ?? "", b.day?.daysSinceEpoch ?? 0)
    }
}

public struct RefundReportRow: Hashable, Sendable {
    public var key: RefundGroupKey
    /// The person's name (clerk or supervisor rows), as last journalled.
    public var name: String?
    public var figures: RefundFigures
}

/// The refund report: figures per shop, till, clerk, supervisor and day over a period, and the
/// flags its thresholds raise. Pure: the same rows give the same report on any engine.
public struct RefundReport: Hashable, Sendable {
    public var from: CivilDate?
    public var to: CivilDate?
    public var rows: [RefundGrouping: [RefundReportRow]]
    public var flags: [RefundFlag]

    /// `refunds` and `sales` may hold rows outside the period: only days from `from` to `to`
    /// (inclusive, in the shop's time zone at `utcOffsetSeconds`) count. `refunds` in the
    /// journal's order (names are as last journalled).
    public init(refunds: [RefundFact], sales: [SalesFact], utcOffsetSeconds: Int64, from: CivilDate?, to: CivilDate?,
                perRefundLimitMinor: Int64, thresholds: RefundThresholds) {
        self.init(refunds: RefundFactGroup.grouped(refunds, utcOffsetSeconds: utcOffsetSeconds, perRefundLimitMinor: perRefundLimitMinor,
                                                   thresholds: thresholds),
                  sales: sales, from: from, to: to, thresholds: thresholds)
    }

    /// The same report from refunds already grouped (`RefundFactGroup`; their flags decided
    /// with the same limit and thresholds), as a query layer sums them.
    public init(refunds: [RefundFactGroup], sales: [SalesFact], from: CivilDate?, to: CivilDate?, thresholds: RefundThresholds) {
        self.from = from
        self.to = to
        func inPeriod(_ day: CivilDate) -> Bool { (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true) }
        // In the order of each group's last refund, so each name written last is the one last journalled.
        let refunds = refunds.filter { inPeriod($0.day) }.sorted { $0.lastRank < $1.lastRank }
        let sales = sales.filter { inPeriod($0.day) }

        var groups: [RefundGrouping: [RefundGroupKey: RefundFigures]] = [:]
        var names: [RefundGroupKey: String] = [:]
        func update(_ grouping: RefundGrouping, _ key: RefundGroupKey, name: String? = nil, _ change: (inout RefundFigures) -> Void) {
            change(&groups[grouping, default: [:]][key, default: RefundFigures()])
            if let name { names[key] = name }
        }
        for group in refunds {
            update(.shop, RefundGroupKey(shop: group.shop)) { $0.add(group) }
            update(.till, RefundGroupKey(shop: group.shop, till: group.till)) { $0.add(group) }
            update(.clerk, RefundGroupKey(shop: group.shop, person: group.clerk), name: group.clerkName) { $0.add(group) }
            update(.day, RefundGroupKey(shop: group.shop, day: group.day)) { $0.add(group) }
            if let approver = group.approver {
                update(.supervisor, RefundGroupKey(shop: group.shop, person: approver), name: group.approverName) { $0.add(group) }
            }
        }
        for sale in sales {
            let tally = RefundTally(count: sale.count, amountMinor: sale.amountMinor)
            update(.shop, RefundGroupKey(shop: sale.shop)) { $0.sales = $0.sales + tally }
            update(.till, RefundGroupKey(shop: sale.shop, till: sale.till)) { $0.sales = $0.sales + tally }
            update(.day, RefundGroupKey(shop: sale.shop, day: sale.day)) { $0.sales = $0.sales + tally }
            let clerk = RefundGroupKey(shop: sale.shop, person: sale.clerk)
            update(.clerk, clerk, name: names[clerk] == nil ? sale.clerkName : nil) { $0.sales = $0.sales + tally }
        }
        rows = groups.mapValues { table in
            table.keys.sorted().map { RefundReportRow(key: $0, name: names[$0], figures: table[$0] ?? RefundFigures()) }
        }
        flags = RefundFlag.raised(groups: refunds, thresholds: thresholds)
    }

    public func rows(_ grouping: RefundGrouping) -> [RefundReportRow] { rows[grouping] ?? [] }
}
