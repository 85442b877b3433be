extension RegisterState {
    /// Returns who approves `reasons` for an action done under `permission`, or nil after asking
    /// for a supervisor. One PIN covers every reason the action needs (a refund over two limits is
    /// approved once). Someone who may approve `permission` approves their own action; with
    /// `selfService` a person who simply holds `permission` needs nobody (a supervisor's own
    /// price override). The approval is bound to exactly what is shown (`ApprovalSubject`): the
    /// activity with its lines, quantities, reason and tender, the action resumed and the amount.
    mutating func requireApprovals(_ reasons: [ApprovalReason], for permission: Permission, selfService: Bool = false,
                                   amount: Money?, resume: RegisterAction, _ step: inout Step) -> User? {
        guard let user else { step.refuse(.notSignedIn); return nil }
        guard let first = reasons.first else { return nil }
        let permissions = config.policy.permissions
        if selfService, permissions.allows(user.role, permission) { return user }
        if permissions.mayApprove(user.role, permission) { return user }
        let subject = ApprovalSubject(clerk: user, activity: activity, resume: resume, permission: permission, amount: amount,
                                     closing: closingShift)
        let covered = approval.map { $0.subject == subject } ?? false
        let missing = reasons.filter { !(covered && approval?.kinds.contains($0.kind) == true) }
        if missing.isEmpty, let approval { return approval.approver }
        let shown = missing.first ?? first
        pendingApproval = PendingApproval(reason: shown, kinds: Set(missing.map(\.kind)), subject: subject)
        step.refuse(.supervisorRequired(reason: shown))
        step.emit(.approvalNeeded(shown, amount: amount))
        return nil
    }

    mutating func requireApproval(_ reason: ApprovalReason, for permission: Permission, selfService: Bool = false,
                                  amount: Money?, resume: RegisterAction, _ step: inout Step) -> User? {
        requireApprovals([reason], for: permission, selfService: selfService, amount: amount, resume: resume, &step)
    }

    mutating func approverVerified(_ approver: User, _ step: inout Step) {
        guard let pending = pendingApproval else { return step.refuse(.nothingInProgress) }
        // Checked here as well as after every action: a PIN never grants what is no longer shown.
        guard pending.subject.shows(self) else { return cancelStaleApproval(&step) }
        let permissions = config.policy.permissions
        guard permissions.mayApprove(approver.role, pending.subject.permission) else {
            step.run(.record(.event(AuditEvent(kind: .approvalRefused, at: step.now, user: user?.code,
                                               approver: approver.code, detail: pending.reason.kind,
                                               training: config.training))))
            if permissions.allows(approver.role, .approve) {
                return step.refuse(.approverLacksPermission(user: approver.name, role: approver.role,
                                                            permission: pending.subject.permission))
            }
            return step.refuse(.approverNotPermitted(user: approver.name, role: approver.role))
        }
        var kinds = pending.kinds
        if let approval, approval.subject == pending.subject { kinds.formUnion(approval.kinds) }
        approval = GrantedApproval(approver: approver, kinds: kinds, subject: pending.subject)
        pendingApproval = nil
        step.run(.record(.event(AuditEvent(kind: .approvalGranted, at: step.now, user: user?.code,
                                           approver: approver.code, detail: pending.auditDetail,
                                           training: config.training))))
        step.emit(.approvalGranted(by: approver.code, reason: pending.reason))
        apply(pending.subject.resume, &step)
        // The supervisor at the till hears of refund conflicts waiting for review, as at sign-in.
        askConflicts(for: approver, &step)
    }

    /// After every action: a pending or granted approval whose subject is no longer what the
    /// till shows is cancelled (a quantity changed while the supervisor was being asked).
    mutating func enforceApprovalBinding(_ step: inout Step) {
        if let pending = pendingApproval, !pending.subject.shows(self) { cancelStaleApproval(&step) }
        if let granted = approval, !granted.subject.shows(self) { approval = nil }
    }

    private mutating func cancelStaleApproval(_ step: inout Step) {
        pendingApproval = nil
        approval = nil
        step.emit(.cancelled(.approval))
    }
}

extension ApprovalSubject {
    /// True while the till still shows this subject: the same person, the same activity and the
    /// same Z report being closed (its totals and count).
    func shows(_ state: RegisterState) -> Bool {
        state.user == clerk && state.activity == activity && state.closingShift == closing
    }
}
