import TillCore

/// The shop's (or chain's) central journal as a till's refund counter needs it: find a sale made
/// anywhere with every refund of it, and reserve a refund under the sale's lock before the till
/// commits it. Every answer is a value, never a throw: a failure says which (`CrossTillFailure`).
/// PostgreSQL implements it (`TillCentral`); the runtime calls it off the screen's thread and
/// feeds the answer back to the core as `centralAnswered`.
public protocol CentralJournal: Sendable {
    /// The sale with every refund recorded centrally (reserved or replicated).
    func sale(_ key: DocumentKey) async -> Result<CentralSale, CrossTillFailure>
    /// Checks the refund against every refund of the sale recorded centrally and records it as
    /// reserved, in one transaction holding the sale's row lock: of two tills refunding the same
    /// goods at once, exactly one is told `.success`. Reserving the same refund key again
    /// replaces the earlier reservation (a retry, or a refund the till never committed).
    func reserve(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure>
    /// The till will not commit this reservation (Esc, or no answer in time).
    func release(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure>
    /// The till committed the refund: its reservation is confirmed (idempotent).
    func confirm(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure>
    /// A refund given unverified while the central journal could not be reached: recorded
    /// whatever it conflicts with (the money is already paid); the conflict, if any, is kept
    /// for supervisors and returned. Idempotent.
    func reconcile(_ reservation: RefundReservation) async -> Result<ReturnConflict?, CrossTillFailure>
    /// Conflicts found when unverified refunds were reconciled, newest first.
    func conflicts() async -> Result<[RefundConflictReport], CrossTillFailure>
    /// A supervisor has looked at conflict `id`: recorded with who, once (a second review keeps
    /// the first). Answers the conflict as it stands now, nil when there is no such conflict.
    func review(conflict id: Int64, by supervisor: String) async -> Result<RefundConflictReport?, CrossTillFailure>
}

/// The same goods refunded twice while a till was cut off: the unverified refund, and the
/// earlier refund that had already taken them (who, what, where).
public struct RefundConflictReport: Hashable, Sendable, Codable {
    public var refund: RefundReservation
    public var conflict: ReturnConflict
    /// The earlier refund in full (clerk, approver, lines, amounts, tenders, till, time), when
    /// the central journal holds it.
    public var earlier: RefundReservation?
    /// Set by the central journal that stores it: its number, when it was found, who reviewed it.
    public var id: Int64?
    public var foundAt: Timestamp?
    public var reviewedBy: String?
    public var reviewedAt: Timestamp?

    public init(refund: RefundReservation, conflict: ReturnConflict, earlier: RefundReservation? = nil) {
        self.refund = refund
        self.conflict = conflict
        self.earlier = earlier
    }

    public var isReviewed: Bool { reviewedBy != nil }
}
