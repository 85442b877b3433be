/// Everything the till knows right now. The screen draws it; only `Register.reduce` changes it.
public struct RegisterState: Hashable, Sendable, Codable {
    public var config: RegisterConfig
    public var user: User?
    public var shift: ShiftRecord?
    public var sequences: DocumentSequences
    /// Refunds the signed-in clerk already gave in this shift (for the per-shift limit).
    public var clerkRefundedThisShift: Money
    public var activity: Activity
    /// An action waiting for a supervisor's code and PIN.
    public var pendingApproval: PendingApproval?
    /// Approvals granted for the activity in progress.
    public var approval: GrantedApproval?
    /// The last completed document, for "change due" and "refund done" displays.
    public var lastCompleted: Completion?
    /// Slips that did not print, by reference, with the cause: shown until reprinted.
    public var unprintedSlips: [String: PrintFailure]
    /// The last document completed, for "reprint the last" (kept after `lastCompleted` is cleared).
    public var lastDocument: String?
    /// A question asked before cancelling a sale or quitting (see `Confirmation`).
    public var confirmation: Confirmation?
    /// Sales parked on this till, oldest first (loaded from the journal at start).
    public var parked: [ParkedSale]
    /// The number the next parked sale gets.
    public var nextParkNumber: Int64
    /// Items found by name for the clerk to pick from (see `ItemSearch`).
    public var search: ItemSearch?
    /// A Z report waiting for the cash count and confirmation (`ShiftClose`).
    public var closingShift: ShiftClose? = nil
    /// Cash refunds whose slip has not reported its first print yet (see `OwedDrawerOpen`).
    public var cashRefundsAwaitingSlip: [OwedDrawerOpen] = []
    /// Cash refunds whose slip did not print: their clerk may open the drawer once for each.
    public var drawerOpensOwed: [OwedDrawerOpen] = []
    /// Look-ups and refund checks at the central journal (`Register+CrossTill.swift`).
    public var crossTill = CrossTillState()

    public init(config: RegisterConfig) {
        self.config = config
        self.user = nil
        self.shift = nil
        self.sequences = DocumentSequences()
        self.clerkRefundedThisShift = .zero(config.currency)
        self.activity = .idle
        self.pendingApproval = nil
        self.approval = nil
        self.lastCompleted = nil
        self.unprintedSlips = [:]
        self.lastDocument = nil
        self.confirmation = nil
        self.parked = []
        self.nextParkNumber = 1
        self.search = nil
    }
}

/// What the till is doing.
public enum Activity: Hashable, Sendable, Codable {
    case idle
    case selling(SaleDraft)
    /// Waiting for a receipt number or code, for a refund or a post-void.
    case findingSale(LookupPurpose)
    case refunding(RefundDraft)
    case blindReturn(BlindReturnDraft)
    case voiding(PostVoidDraft)

    public var kind: ActivityKind? {
        switch self {
        case .idle: return nil
        case .selling(let draft): return draft.tenders.isEmpty ? .sale : .payment
        case .findingSale: return .lookup
        case .refunding: return .refund
        case .blindReturn: return .blindReturn
        case .voiding: return .postVoid
        }
    }
}

public enum LookupPurpose: String, Hashable, Sendable, Codable { case refund, postVoid }

/// A refund with receipt being prepared.
public struct RefundDraft: Hashable, Sendable, Codable {
    public var source: ReturnableSale
    /// Chosen quantity per original line number.
    public var quantities: [Int: Quantity]
    public var reason: ReasonCode?
    /// nil: the original tender(s), the policy default.
    public var tender: TenderKind?
    public var tenderReference: String?

    public init(source: ReturnableSale) {
        self.source = source
        self.quantities = [:]
    }
}

/// A return without receipt being prepared.
public struct BlindReturnDraft: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var item: CatalogItem
        public var taxClass: TaxClass
        public var quantity: Quantity
        /// The unit price the policy gives back (current or lowest recent).
        public var unitPrice: Money
    }

    public var lines: [Line]
    public var reason: ReasonCode?
    public var tender: TenderKind?
    public var customerReference: String?

    public init() {
        self.lines = []
    }
}

/// A post-void being prepared.
public struct PostVoidDraft: Hashable, Sendable, Codable {
    public var source: ReturnableSale
    public var reason: ReasonCode?

    public init(source: ReturnableSale) {
        self.source = source
    }
}

/// Exactly what a supervisor is asked to approve: who asked, the activity as shown (its lines, quantities,
/// reason and tender), the action that goes on once approved, the permission it is done under
/// and the amount on the prompt. Any difference is another approval.
public struct ApprovalSubject: Hashable, Sendable, Codable {
    /// Who asked: a PIN approves this person's action, not whoever signs in next.
    public var clerk: User
    public var activity: Activity
    /// Sent again once approved.
    public var resume: RegisterAction
    public var permission: Permission
    /// The amount the prompt shows (the refund's payout, the sale voided); nil when no money moves yet.
    public var amount: Money?
    /// The Z report being closed when it is the subject (its totals and count); nil otherwise.
    public var closing: ShiftClose? = nil
}

public struct PendingApproval: Hashable, Sendable, Codable {
    /// The reason shown; `kinds` lists every approval the one PIN entry grants.
    public var reason: ApprovalReason
    public var kinds: Set<String>
    public var subject: ApprovalSubject

    public var resume: RegisterAction { subject.resume }
    public var amount: Money? { subject.amount }

    /// What the journal's approval entry says was approved: kinds, then the amount.
    var auditDetail: String {
        kinds.sorted().joined(separator: ",") + (amount.map { " amount=" + $0.plain } ?? "") + reportDetail
    }
}

public struct GrantedApproval: Hashable, Sendable, Codable {
    public var approver: User
    public var kinds: Set<String>
    public var subject: ApprovalSubject
}

/// The outcome shown after a sale, refund or void completes.
public struct Completion: Hashable, Sendable, Codable {
    public var kind: SlipKind
    public var reference: String
    public var total: Money
    public var change: Money
    /// A sale whose customer wanted no receipt: its slip is stored, not printed.
    public var receiptDeclined: Bool = false
    /// The printer said its slip came out.
    public var slipPrinted: Bool = false

    /// Whether the clerk may be told it is done: a refund only once its slip is out (no refund
    /// without a slip); a sale or a void at once.
    public var confirmed: Bool { kind != .refund || slipPrinted }
}
