import TillCore

/// The audit events a store decides on in the write transaction: parked sales, drawer opens and
/// reconciliation verdicts. Each reads only the store's own entries, so a second session, a
/// till retrying after a crash or `till central sync` beside a running till gains nothing by
/// sending the same event again.
extension AppendRules {
    static func checkEvent(_ event: AuditEvent, _ facts: some AppendFacts) throws {
        try checkParkEvent(event, facts)
        try checkDrawerEvent(event, facts)
        try checkReconciliationEvent(event, facts)
        try checkXReportAuthority(event, facts)
    }

    /// A parked sale's number is used once; it is recalled once, and only while it waits (so two
    /// sessions recalling the same sale cannot both win).
    static func checkParkEvent(_ event: AuditEvent, _ facts: some AppendFacts) throws {
        guard event.kind == .saleParked || event.kind == .saleRecalled, let reference = event.reference else { return }
        let earlier = try facts.events(referring: reference)
        if event.kind == .saleParked {
            if !earlier.isEmpty { throw AppendRefusal.parkNumberReused(reference: reference) }
            return
        }
        let history = earlier.filter { $0.kind == .saleParked || $0.kind == .saleRecalled }
        guard history.last?.kind == .saleParked else { throw AppendRefusal.parkedSaleNotWaiting(reference: reference) }
    }

    /// A drawer open is by someone whose role holds `openDrawer`, or approved by someone who may
    /// approve it; or it is the one free open owed after an unprinted cash refund
    /// (`OwedDrawerOpen`): it names a refund of this journal that paid cash, by that refund's
    /// clerk, and there is at most one for each refund, whatever the till's memory says.
    static func checkDrawerEvent(_ event: AuditEvent, _ facts: some AppendFacts) throws {
        guard event.kind == .drawerOpened else { return }
        guard event.detail == OwedDrawerOpen.auditDetail else { return try checkDrawerPermission(event, facts) }
        let number = event.reference ?? ""
        guard let refund = try facts.refund(number), refund.tenders.contains(where: { $0.kind == .cash }) else {
            throw AppendRefusal.drawerOpenNotOwed(refund: number, because: .noCashRefund)
        }
        guard refund.clerk.code == event.user else { throw AppendRefusal.drawerOpenNotOwed(refund: number, because: .anotherClerk) }
        if try facts.events(referring: number).contains(where: { $0.kind == .drawerOpened && $0.detail == OwedDrawerOpen.auditDetail }) {
            throw AppendRefusal.drawerOpenNotOwed(refund: number, because: .usedAlready)
        }
    }

    private static func checkDrawerPermission(_ event: AuditEvent, _ facts: some AppendFacts) throws {
        // In training the drawer stays shut (the core opens nothing), and the trainer's people live in the shop's journal.
        guard !event.training else { return }
        let permissions = try facts.moneySettings()?.permissionTable ?? .standard
        if let user = event.user, let role = try facts.role(of: user), permissions.allows(role, .openDrawer) { return }
        if let approver = event.approver, approver != event.user, let role = try facts.role(of: approver),
           permissions.mayApprove(role, .openDrawer) { return }
        throw AppendRefusal.drawerOpenNotAuthorised(user: event.user ?? "?", approver: event.approver)
    }

    /// A reconciliation entry is kept once per refund, and only for an unverified refund of this journal.
    static func checkReconciliationEvent(_ event: AuditEvent, _ facts: some AppendFacts) throws {
        guard event.kind == .refundReconciled else { return }
        let number = event.reference ?? ""
        guard let refund = try facts.refund(number), refund.unverified == true, !refund.training else {
            throw AppendRefusal.reconciliationRefused(refund: number, alreadyReconciled: false)
        }
        if try facts.events(referring: number).contains(where: { $0.kind == .refundReconciled }) {
            throw AppendRefusal.reconciliationRefused(refund: number, alreadyReconciled: true)
        }
    }
}

/// Why a free drawer open was refused.
public enum DrawerOpenProblem: String, Hashable, Sendable {
    case noCashRefund, anotherClerk, usedAlready

    public var text: LocalizedText {
        switch self {
        case .noCashRefund: return LocalizedText(en: "no cash refund of that number is in the journal",
                                                 zh: "日志中没有该编号的现金退款")
        case .anotherClerk: return LocalizedText(en: "only the clerk who gave the refund gets it", zh: "只有办理该退款的收银员可以免批准开钱箱")
        case .usedAlready: return LocalizedText(en: "it was used already", zh: "该次机会已用过")
        }
    }
}
