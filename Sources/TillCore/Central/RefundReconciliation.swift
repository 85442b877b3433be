/// Unverified (offline) refunds after the fact: the per-shift offline limit counts what this
/// till's journal holds (told by the runtime at start and before every offline decision, so a
/// restart or a crash cannot reset it), and the central journal's verdict on each unverified
/// refund is kept in the till's own journal, once per refund (the journal refuses a second).
extension RegisterState {
    /// The journal's count of unverified refunds in `shift` replaces whatever this process counted.
    mutating func countUnverified(shift: Int64, _ total: Money, _ step: inout Step) {
        guard shift == self.shift?.number, total.minor >= 0 else { return }
        crossTill.unverifiedShift = shift
        crossTill.unverifiedThisShiftMinor = total.minor
    }

    /// The central journal reconciled `refund`: the verdict becomes an entry of this journal.
    mutating func refundReconciled(_ refund: RefundRecord, _ conflict: ReturnConflict?, _ step: inout Step) {
        guard refund.unverified == true, !refund.training, !config.training else { return }
        step.run(.record(.event(AuditEvent(reconciled: refund, conflict: conflict, at: step.now))))
    }
}

extension AuditEvent {
    /// The verdict on an unverified refund: `detail` says "verified", or names the refund that
    /// had already taken the goods (who, where, when); `approver` is who allowed it offline.
    public init(reconciled refund: RefundRecord, conflict: ReturnConflict?, at: Timestamp) {
        let detail: String
        if let c = conflict {
            detail = "conflict: \(c.item) asked \(c.asked), \(c.remaining) left; already returned by refund \(c.shop)-\(c.refund) at till \(c.till) by clerk \(c.clerk) at \(c.at.seconds)"
        } else {
            detail = Self.reconciledVerified
        }
        self.init(kind: .refundReconciled, at: at, user: refund.clerk.code, approver: refund.approver?.code,
                  reference: refund.number, detail: detail, training: false, amount: refund.total)
    }

    public static let reconciledVerified = "verified"

    /// True for a reconciliation that found the goods already refunded elsewhere.
    public var isReconciledConflict: Bool { kind == .refundReconciled && detail != Self.reconciledVerified }
}

extension RefundReservation {
    /// What a committed refund with receipt stands for centrally (its confirmation, or the
    /// reconciliation of an unverified one); nil for a return without receipt or in training.
    public init?(committed refund: RefundRecord, shop: ShopCode) {
        guard let receipt = refund.originalReceipt, !refund.training else { return nil }
        guard let sale = refund.foreignSale?.key ?? DocumentNumber(parsing: receipt).map({ DocumentKey(shop: shop, number: $0) })
        else { return nil }
        self.init(sale: sale, shop: shop, refund: refund)
    }
}

/// What a supervisor is told on signing in: how many refund conflicts wait for review, and the
/// newest one's unverified refund (who, what, where) with the refund that had taken the goods.
public struct ConflictNotice: Hashable, Sendable, Codable {
    public var count: Int
    public var refund: RefundReservation
    public var earlier: ReturnConflict

    public init(count: Int, refund: RefundReservation, earlier: ReturnConflict) {
        self.count = count
        self.refund = refund
        self.earlier = earlier
    }
}

extension RegisterState {
    /// Asks for the unreviewed conflicts on behalf of `supervisor` (who may approve): as they
    /// sign in, or as they approve something at this till.
    mutating func askConflicts(for supervisor: User, _ step: inout Step) {
        guard config.central.configured, !config.training, config.policy.permissions.allows(supervisor.role, .approve) else { return }
        crossTill.conflictsAskedFor = supervisor.code
        step.run(.lookUpConflicts)
    }

    /// Told only when a supervisor asked for it in this session (signing in, or approving here)
    /// and it is still going when the answer comes; an answer nobody asked for is dropped.
    mutating func conflictsLoaded(_ notice: ConflictNotice?, _ step: inout Step) {
        guard crossTill.conflictsAskedFor != nil, user != nil, let notice, notice.count > 0 else { return }
        step.emit(.conflictsWaiting(notice))
    }
}
