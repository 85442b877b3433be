/// The drawer after a cash refund whose slip did not print. Such a refund is recorded but not
/// confirmed on screen (no refund without a slip): the clerk fixes the printer, reprints, and
/// then needs the drawer again to pay the cash out. The clerk who gave the refund may open it
/// once for that refund without a supervisor; the open is journaled naming the refund (and the
/// journal refuses a second free open for it). Every other drawer open keeps its rule.
public struct OwedDrawerOpen: Hashable, Sendable, Codable {
    /// The refund (R01-000123) whose cash is still to be paid out.
    public var refund: String
    /// The clerk who gave it: only they get the free open.
    public var clerk: String

    public init(refund: String, clerk: String) {
        self.refund = refund
        self.clerk = clerk
    }
}

extension OwedDrawerOpen {
    /// `AuditEvent.detail` of a free open: the journal checks these (`AppendGuards`).
    public static let auditDetail = "unprintedCashRefund"
}

extension RegisterState {
    /// The free open the signed-in clerk may still use, most recent first.
    public var owedDrawerOpen: OwedDrawerOpen? {
        guard let user else { return nil }
        return drawerOpensOwed.last { $0.clerk == user.code }
    }

    /// A cash refund was recorded: its first print outcome decides whether a free open is owed.
    mutating func awaitFirstPrint(_ record: RefundRecord) {
        guard !config.training, record.tenders.contains(where: { $0.kind == .cash }) else { return }
        cashRefundsAwaitingSlip.append(OwedDrawerOpen(refund: record.number, clerk: record.clerk.code))
    }

    /// The first outcome of a refund's slip: printed, nothing owed; not printed, one free open.
    /// Later outcomes (reprints) change nothing, so a free open is never owed twice.
    mutating func firstPrintOutcome(_ reference: String, printed: Bool) {
        guard let i = cashRefundsAwaitingSlip.firstIndex(where: { $0.refund == reference }) else { return }
        let refund = cashRefundsAwaitingSlip.remove(at: i)
        if !printed { drawerOpensOwed.append(refund) }
    }

    /// The drawer opened to pay out refund `reference`: free once for its clerk after its slip
    /// did not print; otherwise by the person's own `openDrawer` permission or a supervisor's.
    mutating func openDrawerForRefund(_ reference: String, resume: RegisterAction, _ step: inout Step) {
        guard let user else { return step.refuse(.notSignedIn) }
        let number = DocumentNumber(parsing: reference)?.description ?? reference
        var approver: User? = nil
        var detail = "refund"
        if let i = drawerOpensOwed.firstIndex(where: { $0.refund == number && $0.clerk == user.code }) {
            drawerOpensOwed.remove(at: i)
            detail = OwedDrawerOpen.auditDetail
        } else {
            guard let granted = requireApproval(.lackingPermission(.openDrawer), for: .openDrawer, selfService: true,
                                                amount: nil, resume: resume, &step) else { return }
            if granted.code != user.code { approver = granted }
            approval = nil
        }
        step.run(.record(.event(AuditEvent(kind: .drawerOpened, at: step.now, user: user.code, approver: approver?.code,
                                           reference: number, detail: detail, training: config.training))))
        if !config.training { step.run(.openDrawer) }
        step.emit(.drawerOpened)
    }
}
