/// Something that happened at the till that is not money changing hands, kept in the journal so
/// that every action has a name against it.
public struct AuditEvent: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case signedIn, signedOut, signInRefused, lockedOut, drawerOpened, reprinted, approvalGranted,
             approvalRefused, xReportPrinted, refusal, trainingStarted, trainingEnded,
             /// The first entry of a test journal, on which `till exec --clock-override` may set the clock.
             testJournalCreated
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

    public init(kind: Kind, at: Timestamp, user: String? = nil, approver: String? = nil, reference: String? = nil,
                detail: String? = nil, training: Bool = false) {
        self.kind = kind
        self.at = at
        self.user = user
        self.approver = approver
        self.reference = reference
        self.detail = detail
        self.training = training
    }
}
