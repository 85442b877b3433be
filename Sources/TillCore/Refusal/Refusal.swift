/// Why the till said no. Every case has a message (what is wrong) and a remedy (what to do) in
/// English and Chinese (`Refusal+Text.swift`), and a stable `code` for the JSON driver and tests.
/// There is no "invalid": each refusal names its cause.
public enum Refusal: Hashable, Sendable, Codable, Error {
    // Finding things
    case receiptNotFound(reference: String)
    case receiptCodeUnreadable(code: String)
    case unknownItem(code: String)
    /// The item is in the till's catalog but a central revision dropped it (`ItemWithdrawal`).
    case itemNoLongerSold(code: String, withdrawal: ItemWithdrawal)
    case barcodeCheckDigitWrong(code: String, expected: Int, found: Int)
    case lineNotFound(line: Int)

    // Refund rules
    case itemNotOnReceipt(item: String, receipt: String)
    case quantityExceedsReturnable(item: String, asked: Quantity, remaining: Quantity)
    case alreadyFullyRefunded(receipt: String)
    case windowExpired(soldOn: CivilDate, daysAgo: Int64, windowDays: Int64)
    case itemNotReturnable(item: String)
    case saleWasVoided(receipt: String)
    case nothingSelected
    case reasonRequired
    /// A reason code that is not in the list for this activity (`known`: the codes that are).
    case unknownReason(code: String, known: [String])
    case customerReferenceRequired
    case blindReturnsDisabled

    // Money and limits
    case overLimit(limit: LimitKind, limitAmount: Money, amount: Money)
    case tenderNotAllowed(tender: TenderKind, rule: TenderRule)
    /// Part of the refund would go back to another tender than paid it, and the policy refuses that pair.
    case tenderSubstitutionRefused(paid: TenderKind, refunded: TenderKind, otherCard: Bool, amount: Money, available: Money)
    /// The refund would break the sale's ledger (a defect caught before anything was paid).
    case refundOutsideLedger(LedgerViolation)
    case tenderExceedsDue(tender: TenderKind, amount: Money, due: Money)
    case cardReferenceRequired
    case amountInvalid(text: String)
    case quantityInvalid(text: String)
    case fractionalQuantityNotAllowed(item: String)
    case weightRequired(item: String)
    case discountTooLarge(line: Int, discount: Money, amount: Money)
    /// A credit note that cannot be used or issued as asked (`CreditNoteProblem`).
    case creditNote(CreditNoteProblem)
    /// A sale made at another till or shop, or a refund checked centrally (`CentralProblem`).
    case central(CentralProblem)
    /// A Z report confirmed before the drawer was counted, or a count that does not add up.
    case cashCountRequired(expected: Money)
    /// A count the till cannot take: a piece that is not a configured denomination, a count out of range.
    case cashCountInvalid(CashCountProblem)
    /// A Z report while sales are parked on this till (texts in Refusal+ShiftClose.swift).
    case parkedSalesOpen([ParkedSaleSummary])

    // People
    case supervisorRequired(reason: ApprovalReason)
    case notPermitted(role: Role, permission: Permission)
    case approverNotPermitted(user: String, role: Role)
    /// The approver may approve, but not do what is approved: nobody approves what they could not do.
    case approverLacksPermission(user: String, role: Role, permission: Permission)
    case wrongPIN(attemptsLeft: Int)
    /// `utcOffsetSeconds`: the shop's time zone, in which `until` is told.
    case lockedOut(until: Timestamp, secondsLeft: Int64, utcOffsetSeconds: Int64 = 0)
    case notSignedIn

    // Flow
    case noOpenShift
    case shiftAlreadyOpen(number: Int64)
    case busy(current: ActivityKind)
    case nothingInProgress
    /// NO RECEIPT outside a sale: a refund, blind return or post-void always prints its slip.
    case slipRequired
    case postVoidNotAllowed(receipt: String, why: PostVoidBlock)
    case printerUnavailable(cause: PrintFailure)

    // Input outside its documented range (ValueLimits, InputText)
    case valueOutOfRange(value: RangedValue, text: String, currency: Currency)
    case textNotAllowed(field: TextField, character: String)
    case currencyMismatch(expected: String, found: String)

    // Nothing lost by a key; finding items (`SaleFlow`, in Refusal+SaleFlow.swift)
    case saleFlow(SaleFlow)
}

/// What the till is busy with, for "finish or cancel the current … first".
public enum ActivityKind: String, Hashable, Sendable, Codable {
    case sale, payment, refund, blindReturn, postVoid, approval, lookup, zReport

    public var label: LocalizedText {
        switch self {
        case .sale: return LocalizedText(en: "sale", zh: "销售")
        case .payment: return LocalizedText(en: "payment (tenders already taken)", zh: "付款（已收款）")
        case .refund: return LocalizedText(en: "refund", zh: "退款")
        case .blindReturn: return LocalizedText(en: "return without receipt", zh: "无收据退货")
        case .postVoid: return LocalizedText(en: "post-void", zh: "作废")
        case .approval: return LocalizedText(en: "supervisor approval", zh: "主管审批")
        case .lookup: return LocalizedText(en: "receipt look-up", zh: "收据查询")
        case .zReport: return LocalizedText(en: "Z report (cash count)", zh: "Z 报表（点钞）")
        }
    }
}

/// Which money limit a refund or return ran into.
public enum LimitKind: String, Hashable, Sendable, Codable {
    case perRefund, clerkPerShift, blindReturnSupervisor, blindReturnMaximum
    /// A price override or line discount bigger than the holder of the permission may give alone.
    case priceOverride, lineDiscount
}

/// Which tender rule refused a refund tender (refunds with receipt: `tenderSubstitutionRefused`).
public enum TenderRule: String, Hashable, Sendable, Codable {
    /// Blind returns allow only the policy's tenders.
    case blindReturnTenders
}

/// Why a post-void is not possible for a sale.
public enum PostVoidBlock: String, Hashable, Sendable, Codable {
    case otherShift, alreadyVoided, hasRefunds, training
}

/// What a supervisor is asked to approve.
public enum ApprovalReason: Hashable, Sendable, Codable {
    case overLimit(limit: LimitKind, limitAmount: Money, amount: Money)
    /// Money paid with one tender given back to another (or a card to another card).
    case tenderSubstitution(paid: TenderKind, refunded: TenderKind, otherCard: Bool)
    case blindReturn
    case postVoid
    case priceOverride
    case lineDiscount
    case lackingPermission(Permission)
    /// A refund the central journal cannot check now, given under the offline policy.
    case unverifiedRefund

    /// Approvals are granted per kind: approving one over-limit refund covers that refund's limit check.
    public var kind: String {
        switch self {
        case .overLimit(let limit, _, _): return "overLimit." + limit.rawValue
        // Card to cash keeps the name journals already hold for it.
        case .tenderSubstitution(.card, .cash, _): return "cashForCardSale"
        case .tenderSubstitution(let paid, let refunded, let otherCard):
            return "substitution." + TenderSubstitutionPolicy.Pair(paid: paid, refunded: refunded, otherCard: otherCard).key
        case .blindReturn: return "blindReturn"
        case .postVoid: return "postVoid"
        case .priceOverride: return "priceOverride"
        case .lineDiscount: return "lineDiscount"
        case .lackingPermission(let p): return "permission." + p.rawValue
        case .unverifiedRefund: return "unverifiedRefund"
        }
    }
}
