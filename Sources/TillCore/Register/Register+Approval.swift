extension RegisterState {
    /// Returns who approves `reason`, or nil after asking for a supervisor. Someone who holds
    /// `permission` (or may approve) approves their own action; the record names them either way.
    mutating func requireApproval(_ reason: ApprovalReason, unless permission: Permission?, resume: RegisterAction,
                                  _ step: inout Step) -> User? {
        requireApprovals([reason], unless: permission, resume: resume, &step)
    }

    /// One supervisor PIN covers every reason an action needs (a refund over two limits is
    /// approved once, not twice). Returns the approver, or nil after asking.
    mutating func requireApprovals(_ reasons: [ApprovalReason], unless permission: Permission?, resume: RegisterAction,
                                   _ step: inout Step) -> User? {
        guard let user else { step.refuse(.notSignedIn); return nil }
        guard let first = reasons.first else { return nil }
        let permissions = config.policy.permissions
        if let permission, permissions.allows(user.role, permission) { return user }
        if permissions.allows(user.role, .approve) { return user }
        let missing = reasons.filter { !(approval?.kinds.contains($0.kind) ?? false) }
        if missing.isEmpty, let approval { return approval.approver }
        let shown = missing.first ?? first
        pendingApproval = PendingApproval(reason: shown, kinds: Set(missing.map(\.kind)), resume: resume)
        step.refuse(.supervisorRequired(reason: shown))
        step.emit(.approvalNeeded(shown))
        return nil
    }

    mutating func approverVerified(_ approver: User, _ step: inout Step) {
        guard let pending = pendingApproval else { return step.refuse(.nothingInProgress) }
        guard config.policy.permissions.allows(approver.role, .approve) else {
            step.run(.record(.event(AuditEvent(kind: .approvalRefused, at: step.now, user: user?.code,
                                               approver: approver.code, detail: pending.reason.kind,
                                               training: config.training))))
            return step.refuse(.approverNotPermitted(user: approver.name, role: approver.role))
        }
        var granted = approval ?? GrantedApproval(approver: approver, kinds: [])
        granted.approver = approver
        granted.kinds.formUnion(pending.kinds)
        approval = granted
        pendingApproval = nil
        step.run(.record(.event(AuditEvent(kind: .approvalGranted, at: step.now, user: user?.code,
                                           approver: approver.code, detail: pending.kinds.sorted().joined(separator: ","),
                                           training: config.training))))
        step.emit(.approvalGranted(by: approver.code, reason: pending.reason))
        apply(pending.resume, &step)
    }
}
