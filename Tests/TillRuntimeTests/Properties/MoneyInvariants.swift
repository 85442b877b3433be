import TillCore

/// The invariants of issue 9 over everything committed so far, checked as records arrive (each
/// record once, each sale it touches again). Each problem is a sentence naming the record and
/// what it broke.
struct MoneyInvariants {
    let config: RegisterConfig
    let permissions: RolePermissions
    var sales: [String: SaleRecord] = [:]
    var refundsBySale: [String: [RefundRecord]] = [:]
    var voided: Set<String> = []
    var refundedByClerk: [String: Money] = [:]
    var checked = 0
    /// Each credit note's balance, record by record.
    var noteBalances: [String: Money] = [:]

    init(config: RegisterConfig) {
        self.config = config
        permissions = config.policy.permissions
    }

    mutating func check(_ records: [JournalRecord], shown: [String: Money?]) -> String? {
        var touched: Set<String> = []
        for record in records.dropFirst(checked) {
            checked += 1
            if let problem = creditNoteProblem(record) { return problem }
            switch record {
            case .sale(let sale, _):
                sales[sale.receipt] = sale
                if !permissions.allows(sale.clerk.role, .sell) { return "\(sale.receipt) sold by a \(sale.clerk.role)" }
                if sale.tenders.map(\.amount).sum(.cny) != sale.total { return "\(sale.receipt): tenders do not add up to the total" }
            case .refund(let refund, _):
                let permission: Permission = refund.isBlind ? .blindReturn : .refundWithReceipt
                if let problem = approvalProblem(refund.number, clerk: refund.clerk, approver: refund.approver, permission) {
                    return problem
                }
                if refund.approver != nil, refund.approvedAmount != refund.total {
                    return "\(refund.number) approved \(String(describing: refund.approvedAmount)) but paid \(refund.total)"
                }
                if let shownAmount = shown[refund.number], shownAmount != refund.total {
                    return "\(refund.number): the prompt showed \(String(describing: shownAmount)) but \(refund.total) was paid"
                }
                let clerkTotal = refundedByClerk[refund.clerk.code, default: .zero(.cny)] + refund.total
                refundedByClerk[refund.clerk.code] = clerkTotal
                if clerkTotal.minor > config.policy.refund.clerkShiftLimitMinor, refund.approver == nil {
                    return "\(refund.number) took \(refund.clerk.code) to \(clerkTotal) past the shift limit without approval"
                }
                if let problem = refund.isBlind ? blindProblem(refund)
                    : receiptedProblem(refund, sales: sales, prior: refundsBySale[refund.originalReceipt ?? ""] ?? [], voided: voided) {
                    return problem
                }
                if let receipt = refund.originalReceipt { refundsBySale[receipt, default: []].append(refund); touched.insert(receipt) }
            case .postVoid(let void, _):
                if let problem = approvalProblem(void.number, clerk: void.clerk, approver: void.approver, .postVoid) { return problem }
                if void.approver == nil { return "\(void.number) post-voided without a supervisor" }
                guard let sale = sales[void.originalReceipt] else { return "\(void.number) voids an unknown sale" }
                if !(refundsBySale[sale.receipt] ?? []).isEmpty { return "\(void.number) voids a sale with refunds" }
                if voided.contains(sale.receipt) { return "\(void.number) voids \(sale.receipt) twice" }
                if void.total != sale.total || void.tenders.map(\.amount) != sale.tenders.map(\.amount) {
                    return "\(void.number) gives back \(void.tenders) for a sale paid \(sale.tenders)"
                }
                voided.insert(sale.receipt)
            default:
                break
            }
        }
        for receipt in touched {
            guard let sale = sales[receipt], let refunds = refundsBySale[receipt] else { continue }
            if let problem = independentProblem(sale, refunds) { return problem }
            let ledger = ReturnableSale(sale: sale, priorRefunds: refunds, voided: false)
            if ledger.accounts.contains(where: { $0.remaining.isNegative }) { return "\(receipt): a tender gave back more than it paid" }
            if ledger.fullyRefunded, refunds.map(\.total).sum(.cny) != sale.total {
                return "\(receipt) fully refunded with \(refunds.map(\.total).sum(.cny)) for \(sale.total) paid"
            }
        }
        return nil
    }

    /// The ledger rules recomputed from the records alone, without the core's ledger type.
    func independentProblem(_ sale: SaleRecord, _ refunds: [RefundRecord]) -> String? {
        let paidBack = refunds.map(\.total).sum(.cny)
        if paidBack > sale.total { return "\(sale.receipt): refunds paid \(paidBack) of \(sale.total) taken" }
        for line in sale.lines where !line.voided {
            let parts = refunds.flatMap(\.lines).filter { $0.originalLineNo == line.lineNo }
            let quantity = parts.reduce(Quantity.zero) { $0 + $1.quantity }
            if quantity > line.quantity { return "\(sale.receipt) line \(line.lineNo): \(quantity) returned of \(line.quantity)" }
            if parts.map(\.amount).sum(.cny) > line.tax.gross { return "\(sale.receipt) line \(line.lineNo): more back than paid" }
        }
        // With no tender allowed to become cash, the drawer never pays out more than it took for the sale.
        let decisions = config.policy.refund.substitution.decisions
        if decisions[.init(paid: .card, refunded: .cash)] ?? .refused == .refused,
           decisions[.init(paid: .storeCredit, refunded: .cash)] ?? .refused == .refused {
            let cashIn = sale.tenders.filter { $0.kind == .cash }.map(\.amount).sum(.cny)
            let cashOut = refunds.flatMap(\.tenders).filter { $0.kind == .cash }.map(\.amount).sum(.cny)
            if cashOut > cashIn { return "\(sale.receipt): \(cashOut) cash paid out of \(cashIn) taken" }
        }
        return nil
    }

    /// Who did it may do it; whoever approved may approve it.
    func approvalProblem(_ number: String, clerk: User, approver: User?, _ permission: Permission) -> String? {
        if !permissions.allows(clerk.role, permission) { return "\(number) done by a \(clerk.role) without \(permission)" }
        // Written out, not `mayApprove`: the oracle must not be the code under test.
        if let approver, !(permissions.allows(approver.role, .approve) && permissions.allows(approver.role, permission)) {
            return "\(number) approved by a \(approver.role) who may not approve \(permission)"
        }
        return nil
    }

    func receiptedProblem(_ refund: RefundRecord, sales: [String: SaleRecord], prior: [RefundRecord], voided: Set<String>) -> String? {
        guard let receipt = refund.originalReceipt, let sale = sales[receipt] else { return "\(refund.number): no such sale" }
        let ledger = ReturnableSale(sale: sale, priorRefunds: prior, voided: voided.contains(receipt))
        if let violation = ledger.violation(of: refund) { return "\(refund.number) breaks the ledger: \(violation.message.en)" }
        if refund.total.minor > config.policy.refund.perRefundLimitMinor, refund.approver == nil {
            return "\(refund.number) over the per-refund limit without approval"
        }
        for draw in ledger.draws(for: refund.tenders).draws {
            let account = ledger.accounts[draw.account]
            switch config.policy.refund.substitution.decision(account: account, payout: draw.payout) {
            case .allowed: continue
            case .supervisor where refund.approver != nil: continue
            case .supervisor: return "\(refund.number) paid \(account.kind) back as \(draw.payout.kind) without a supervisor"
            case .refused: return "\(refund.number) paid \(account.kind) back as \(draw.payout.kind), which the policy refuses"
            }
        }
        return nil
    }

    func blindProblem(_ refund: RefundRecord) -> String? {
        let policy = config.policy.blindReturn
        if let violation = refund.consistencyViolation { return "\(refund.number): \(violation.message.en)" }
        if refund.amount.minor > policy.maximumMinor { return "\(refund.number) is over the no-receipt maximum" }
        if refund.amount.minor > policy.supervisorAboveMinor, refund.approver == nil {
            return "\(refund.number) without receipt and without a supervisor"
        }
        if refund.total > refund.amount { return "\(refund.number) pays \(refund.total) for lines worth \(refund.amount)" }
        if let tender = refund.tenders.first, !policy.tenders.contains(tender.kind) { return "\(refund.number) paid in \(tender.kind)" }
        return nil
    }
}
