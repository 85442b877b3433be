/// Who may print an X or close a Z: the signed-in person when their role holds the report's
/// permission, else a supervisor who approves at this till with code and PIN, through the same
/// approval flow as refunds (`requireApprovals`). The approval is bound to exactly the report
/// shown: its resume action carries the shift's figures, and a Z's subject carries the count, so
/// a sale, a recount or another person signing in in between needs a new approval.
extension ReportKind {
    public var permission: Permission { self == .x ? .xReport : .zReport }
}

extension RegisterState {
    /// True when the report may go ahead now or after an approval: the person holds the
    /// permission, or some role may approve it. Otherwise refuses as before (nobody could approve).
    mutating func checkReportAuthority(_ kind: ReportKind, _ step: inout Step) -> Bool {
        guard let user else { step.refuse(.notSignedIn); return false }
        let permissions = config.policy.permissions
        if permissions.allows(user.role, kind.permission) { return true }
        if Role.allCases.contains(where: { permissions.mayApprove($0, kind.permission) }) { return true }
        step.refuse(.notPermitted(role: user.role, permission: kind.permission))
        return false
    }

    /// Who signs off the report with these `totals`: the clerk when permitted, the approving
    /// supervisor otherwise; nil after asking for one (the report goes on once approved).
    mutating func reportApprover(_ totals: ShiftTotals, _ kind: ReportKind, amount: Money, _ step: inout Step) -> User? {
        requireApproval(.lackingPermission(kind.permission), for: kind.permission, selfService: true, amount: amount,
                        resume: .shiftTotalsLoaded(totals, kind), &step)
    }

    /// The approver to record with a report: nil when the person printing it signs it alone.
    func reportApproval(by approver: User) -> User? { approver.code == user?.code ? nil : approver }
}

extension PendingApproval {
    /// For a report: which report, which shift and the figures approved, for the approval's audit entry.
    var reportDetail: String {
        guard case .shiftTotalsLoaded(let totals, let kind) = subject.resume else { return "" }
        var text = " report=\(kind.rawValue) shift=\(totals.shift.number) net=\(totals.net.plain) expected=\(totals.cashExpected.plain)"
        if let counted = subject.closing?.counted { text += " counted=\(counted.plain)" }
        return text
    }
}
