import TillCore

/// "X-12" names shift 12's X report (`SlipTemplates.shiftReport`).
public enum ShiftReportReference {
    public static func shift(_ reference: String) -> Int64? {
        reference.hasPrefix("X-") ? Int64(reference.dropFirst(2)) : nil
    }
}

/// Who may print an X or Z report, in the write transaction: someone whose role (as the store's
/// user table has it) holds the report's permission under the permission table last recorded with
/// the money settings; or someone with an approver who may approve it and whose approval of
/// exactly this report (its kind and shift, `PendingApproval.reportDetail`) is already in the chain.
extension AppendRules {
    static func checkZReportAuthority(_ z: ZReportRecord, _ facts: some AppendFacts) throws {
        var named = [z.by.code: z.by.role]
        if let approver = z.approver { named[approver.code] = approver.role }
        try checkReportAuthority(.z, signer: z.by.code, approver: z.approver?.code, shift: z.totals.shift.number, namedRoles: named, facts)
    }

    static func checkXReportAuthority(_ event: AuditEvent, _ facts: some AppendFacts) throws {
        guard event.kind == .xReportPrinted else { return }
        // A training X names no roles; its signer is checked when the journal knows them.
        if event.training, try event.user.flatMap({ try facts.role(of: $0) }) == nil { return }
        try checkReportAuthority(.x, signer: event.user, approver: event.approver,
                                 shift: event.reference.flatMap(ShiftReportReference.shift), facts)
    }

    /// A person the store's user table does not list (in a training journal the shop's own people
    /// sign in) is taken at the role the entry names (`namedRoles`); with none named, refused.
    static func checkReportAuthority(_ kind: ReportKind, signer: String?, approver: String?, shift: Int64?,
                                     namedRoles: [String: Role] = [:], _ facts: some AppendFacts) throws {
        let name = kind.rawValue.uppercased()
        func role(_ code: String) throws -> Role? { try facts.role(of: code) ?? namedRoles[code] }
        guard let signer, let signerRole = try role(signer) else {
            throw AppendRefusal.reportNotAuthorised(report: name, signer: signer ?? "?", why: .unknownSigner)
        }
        let permissions = try facts.moneySettings()?.permissionTable ?? .standard
        if permissions.allows(signerRole, kind.permission) { return }
        guard let approver, approver != signer else {
            throw AppendRefusal.reportNotAuthorised(report: name, signer: signer,
                                                    why: .signerLacksPermission(role: signerRole.rawValue, permission: kind.permission.rawValue))
        }
        guard let approverRole = try role(approver), permissions.mayApprove(approverRole, kind.permission) else {
            throw AppendRefusal.reportNotAuthorised(report: name, signer: signer, why: .approverNotPermitted(approver: approver))
        }
        guard try approvalRecorded(kind, clerk: signer, approver: approver, shift: shift, facts) else {
            throw AppendRefusal.reportNotAuthorised(report: name, signer: signer, why: .noApprovalEntry(approver: approver))
        }
    }

    /// Whether the latest approval `approver` granted `clerk` is one of this report of this shift.
    private static func approvalRecorded(_ kind: ReportKind, clerk: String, approver: String, shift: Int64?,
                                         _ facts: some AppendFacts) throws -> Bool {
        guard let event = try facts.latestEvent(user: clerk, approver: approver),
              event.kind == .approvalGranted, let detail = event.detail else { return false }
        let words = detail.split(separator: " ").map(String.init)
        let kinds = words.first?.split(separator: ",").map(String.init) ?? []
        guard kinds.contains(ApprovalReason.lackingPermission(kind.permission).kind),
              words.contains("report=\(kind.rawValue)") else { return false }
        return shift.map { words.contains("shift=\($0)") } ?? true
    }
}

/// Why a store refused an X or Z report's entry.
public enum ReportAuthorityProblem: Hashable, Sendable {
    case unknownSigner
    case signerLacksPermission(role: String, permission: String)
    case approverNotPermitted(approver: String)
    case noApprovalEntry(approver: String)

    public var text: LocalizedText {
        switch self {
        case .unknownSigner:
            return LocalizedText(en: "no such user is in the journal", zh: "日志中没有该用户")
        case .signerLacksPermission(let role, let permission):
            return LocalizedText(en: "the role \(role) does not hold \(permission) and no supervisor approved it",
                                 zh: "角色 \(role) 没有 \(permission) 权限，且无主管批准")
        case .approverNotPermitted(let approver):
            return LocalizedText(en: "the approver \(approver) may not approve it", zh: "批准人 \(approver) 无权批准")
        case .noApprovalEntry(let approver):
            return LocalizedText(en: "the journal holds no approval of it by \(approver)", zh: "日志中没有 \(approver) 对此的批准记录")
        }
    }
}
