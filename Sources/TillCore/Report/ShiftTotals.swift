/// A shift as opened on a till.
public struct ShiftRecord: Hashable, Sendable, Codable {
    public var number: Int64
    public var till: String
    public var openedAt: Timestamp
    public var openedBy: User
    public var openingFloat: Money

    public init(number: Int64, till: String, openedAt: Timestamp, openedBy: User, openingFloat: Money) {
        self.number = number
        self.till = till
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.openingFloat = openingFloat
    }
}

/// Count and amount of one kind of document.
public struct CountedAmount: Hashable, Sendable, Codable {
    public var count: Int64
    public var amount: Money

    public init(count: Int64, amount: Money) {
        self.count = count
        self.amount = amount
    }

    public static func zero(_ currency: Currency) -> CountedAmount { CountedAmount(count: 0, amount: .zero(currency)) }
}

/// Per-tender money: taken by sales, given back by refunds and post-voids.
public struct TenderTotals: Hashable, Sendable, Codable {
    public var kind: TenderKind
    public var taken: Money
    /// Refunds and post-voids together.
    public var givenBack: Money
    /// The post-voids' part of `givenBack`, shown on its own line (nil only in Z reports
    /// journalled before it was kept apart).
    public var voided: Money?
    public var net: Money { taken - givenBack }
    /// The refunds' part of `givenBack`.
    public var refunded: Money { givenBack - (voided ?? .zero(givenBack.currency)) }

    public init(kind: TenderKind, taken: Money, givenBack: Money) {
        self.kind = kind
        self.taken = taken
        self.givenBack = givenBack
    }

    public init(kind: TenderKind, taken: Money, refunded: Money, voided: Money) {
        self.init(kind: kind, taken: taken, givenBack: refunded + voided)
        self.voided = voided
    }
}

/// One clerk's part of a shift.
public struct ClerkTotals: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var sales: CountedAmount
    public var refunds: CountedAmount
    public var voids: CountedAmount

    public init(code: String, name: String, sales: CountedAmount, refunds: CountedAmount, voids: CountedAmount) {
        self.code = code
        self.name = name
        self.sales = sales
        self.refunds = refunds
        self.voids = voids
    }
}

/// Everything an X or Z report shows. The journal aggregates it (training never counts).
public struct ShiftTotals: Hashable, Sendable, Codable {
    public var shift: ShiftRecord
    public var sales: CountedAmount
    public var salesTax: Money
    public var refunds: CountedAmount
    public var voids: CountedAmount
    public var tenders: [TenderTotals]
    public var clerks: [ClerkTotals]
    /// The journal's chain as the report was made (the entries before it), printed on the report
    /// so the paper anchors the journal; nil when the journal did not give it.
    public var journalHead: JournalAnchor?

    public init(shift: ShiftRecord, sales: CountedAmount, salesTax: Money, refunds: CountedAmount,
                voids: CountedAmount, tenders: [TenderTotals], clerks: [ClerkTotals], journalHead: JournalAnchor? = nil) {
        self.shift = shift
        self.sales = sales
        self.salesTax = salesTax
        self.refunds = refunds
        self.voids = voids
        self.tenders = tenders
        self.clerks = clerks
        self.journalHead = journalHead
    }

    /// Sales less refunds and post-voids.
    public var net: Money { sales.amount - refunds.amount - voids.amount }

    /// Float plus cash taken less cash given back.
    public var cashExpected: Money {
        shift.openingFloat + (tenders.first { $0.kind == .cash }?.net ?? .zero(sales.amount.currency))
    }
}

/// A Z report as written to the journal: it closes the shift.
public struct ZReportRecord: Hashable, Sendable, Codable {
    public var number: String
    public var at: Timestamp
    public var by: User
    public var totals: ShiftTotals
    /// The drawer as counted before closing (nil only in Z reports journalled before counts were asked).
    public var count: CashCount?
    public var counted: Money?
    /// The supervisor who approved a Z closed by someone whose role lacks `zReport` (nil: `by` holds it).
    public var approver: User?

    public init(number: String, at: Timestamp, by: User, totals: ShiftTotals, count: CashCount? = nil, counted: Money? = nil,
                approver: User? = nil) {
        self.approver = approver
        self.number = number
        self.at = at
        self.by = by
        self.totals = totals
        self.count = count
        self.counted = counted
    }

    /// Counted less expected: positive over, negative short.
    public var overShort: Money? { counted.map { $0 - totals.cashExpected } }
}
