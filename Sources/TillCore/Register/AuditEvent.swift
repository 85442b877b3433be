/// Something that happened at the till that is not money changing hands, kept in the journal so
/// that every action has a name against it.
public struct AuditEvent: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case signedIn, signedOut, signInRefused, lockedOut, drawerOpened, reprinted, approvalGranted,
             approvalRefused, xReportPrinted, refusal, trainingStarted, trainingEnded,
             /// The first entry of a test journal, on which `till exec --clock-override` may set the clock.
             testJournalCreated,
             /// An open sale put aside (`sale` holds it) and taken back (`reference` names it): see `ParkedSale`.
             saleParked, saleRecalled,
             /// An open sale cancelled: who (`user`), what (`sale`, `detail`) and its total (`amount`).
             saleCancelled,
             /// A tender taken off a sale before it completed (`detail`: kind, amount, reference).
             tenderRemoved,
             /// An unverified (offline) refund checked by the central journal once the link
             /// returned (`reference`: the refund; `detail`: verified, or the conflict): once per refund.
             refundReconciled
    }

    public var kind: Kind
    public var at: Timestamp
    /// The user code acting (or attempting), if known.
    public var user: String?
    /// The approving supervisor, for approvals.
    public var approver: String?
    /// A document number this is about (a reprinted receipt, say).
    public var reference: String?
    /// Free detail: a refusal code, an approval kind.
    public var detail: String?
    public var training: Bool
    /// The sale a park or cancel is about, line for line (nil for every other kind).
    public var sale: SaleDraft?
    /// The money the entry is about (a cancelled sale's total, a removed tender), nil when none.
    public var amount: Money?

    public init(kind: Kind, at: Timestamp, user: String? = nil, approver: String? = nil, reference: String? = nil,
                detail: String? = nil, training: Bool = false, sale: SaleDraft? = nil, amount: Money? = nil) {
        self.kind = kind
        self.at = at
        self.user = user
        self.approver = approver
        self.reference = reference
        self.detail = detail
        self.training = training
        self.sale = sale
        self.amount = amount
    }
}
