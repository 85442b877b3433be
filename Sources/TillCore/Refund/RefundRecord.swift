/// One returned line: which original line, how much, and the money it gives back.
public struct RefundLine: Hashable, Sendable, Codable {
    /// The line on the original receipt; 0 for a return without receipt.
    public var originalLineNo: Int
    public var sku: String
    public var name: String
    public var quantity: Quantity
    public var unitPrice: Money
    /// Gross amount given back for this line, tax included.
    public var amount: Money
    public var tax: Money
    public var weighed: Bool

    public init(originalLineNo: Int, sku: String, name: String, quantity: Quantity, unitPrice: Money,
                amount: Money, tax: Money, weighed: Bool) {
        self.originalLineNo = originalLineNo
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.tax = tax
        self.weighed = weighed
    }
}

/// A completed refund (with or without receipt) as written to the journal.
public struct RefundRecord: Hashable, Sendable, Codable {
    public var number: String
    public var till: String
    public var shift: Int64
    public var at: Timestamp
    public var clerk: User
    public var approver: User?
    /// What the approver approved (`ApprovalReason.kind`s), for the record.
    public var approvals: [String]
    /// nil for a return without receipt.
    public var originalReceipt: String?
    public var originalSoldAt: Timestamp?
    public var lines: [RefundLine]
    public var tenders: [Tender]
    public var reason: ReasonCode
    public var customerReference: String?
    /// Cash rounding of the payout (negative: the customer got a little less).
    public var rounding: Money
    public var training: Bool
    /// The amount the approver was shown and approved (nil: no approval); always the total paid.
    public var approvedAmount: Money?
    /// True: given while the central journal could not check it (the offline policy); checked
    /// when the link returns. nil for every refund checked centrally or made without one.
    public var unverified: Bool? = nil
    /// The sale as the central journal had it when this refund was reserved, for a sale this
    /// till's journal does not hold (made at another till or shop): the journal checks the
    /// refund against it in its append transaction, as it checks a refund of its own sales.
    public var foreignSale: CentralSale? = nil

    public init(number: String, till: String, shift: Int64, at: Timestamp, clerk: User, approver: User?,
                approvals: [String], originalReceipt: String?, originalSoldAt: Timestamp?, lines: [RefundLine],
                tenders: [Tender], reason: ReasonCode, customerReference: String?, rounding: Money, training: Bool,
                approvedAmount: Money? = nil) {
        self.number = number
        self.till = till
        self.shift = shift
        self.at = at
        self.clerk = clerk
        self.approver = approver
        self.approvals = approvals
        self.originalReceipt = originalReceipt
        self.originalSoldAt = originalSoldAt
        self.lines = lines
        self.tenders = tenders
        self.reason = reason
        self.customerReference = customerReference
        self.rounding = rounding
        self.training = training
        self.approvedAmount = approvedAmount
    }

    public var isBlind: Bool { originalReceipt == nil }

    /// The refund's value before cash rounding.
    public var amount: Money { lines.map(\.amount).sum(rounding.currency) }
    public var tax: Money { lines.map(\.tax).sum(rounding.currency) }
    /// What was paid out.
    public var total: Money { amount + rounding }
}

/// A post-void: a whole completed sale cancelled in its own shift, tenders reversed.
public struct VoidRecord: Hashable, Sendable, Codable {
    public var number: String
    public var till: String
    public var shift: Int64
    public var at: Timestamp
    public var clerk: User
    public var approver: User?
    public var originalReceipt: String
    public var reason: ReasonCode
    /// The sale's tenders, given back.
    public var tenders: [Tender]
    public var total: Money
    public var tax: Money
    public var training: Bool

    public init(number: String, till: String, shift: Int64, at: Timestamp, clerk: User, approver: User?,
                originalReceipt: String, reason: ReasonCode, tenders: [Tender], total: Money, tax: Money,
                training: Bool) {
        self.number = number
        self.till = till
        self.shift = shift
        self.at = at
        self.clerk = clerk
        self.approver = approver
        self.originalReceipt = originalReceipt
        self.reason = reason
        self.tenders = tenders
        self.total = total
        self.tax = tax
        self.training = training
    }
}
