import TillCore
import TillJournal
import TillPorts

/// What the store must hold after a history, kept the simplest way: the reference the store's
/// answers are compared with.
struct ContractModel {
    var sales: [String: SaleRecord] = [:]
    var refundsOf: [String: [String]] = [:]
    var refundedEach: [String: Int64] = [:]  // "receipt#line" -> thousandths refunded
    var voided: Set<String> = []
    var refunds: [RefundRecord] = []
    var openShift: [String: Int64] = [:]
    var highest: [String: Int64] = [:]       // "kind till" -> highest sequence used
    var slips: [String: PrintState] = [:]
    var slipOrder: [(reference: String, till: String)] = []
    var lowestPrice: [String: Int64] = [:]
    /// The store's people and their roles (never what a record claims).
    var roles: [String: Role] = [:]
    var notes: [String: (issued: Int64, redeemed: Int64)] = [:]
    var zReported: Set<String> = []           // "till#shift"
    var eventReferences: Set<String> = []
    var waiting: [String: [String]] = [:]     // till -> parked references waiting, oldest first
    var parkHighest: [String: Int64] = [:]
    var cashRefundClerk: [String: String] = [:]
    var owedOpenUsed: Set<String> = []
    var latestEvent: [String: AuditEvent] = [:] // "user#approver" -> their latest event

    /// The permission table and price-change thresholds the store applies before any are recorded.
    static let permissions = RolePermissions.standard
    static let limits = PriceChangePolicy()

    /// Whether the rules that protect money let `record` in.
    func accepts(_ record: JournalRecord) -> Bool {
        // An event stores no document (its reference names another one, or a parked sale).
        if case .event = record {} else if let reference = record.reference, let number = DocumentNumber(parsing: reference),
           (highest["\(number.kind) \(number.till)"] ?? 0) >= number.sequence,
           sales[reference] != nil || slips[reference] != nil || number.kind == .shift { return false }
        switch record {
        case .sale(let sale, _): return redeems(sale) && sale.lines.allSatisfy { priceChangeAllowed($0, clerk: sale.clerk.code) }
        case .refund(let refund, _):
            guard let receipt = refund.originalReceipt, let sale = sales[receipt], !voided.contains(receipt) else { return false }
            return issues(refund, sale) && refund.lines.allSatisfy { line in
                guard let sold = sale.lines.first(where: { $0.lineNo == line.originalLineNo }) else { return false }
                return refundedEach["\(receipt)#\(line.originalLineNo)", default: 0] + line.quantity.thousandths <= sold.quantity.thousandths
            }
        case .postVoid(let void, _):
            return sales[void.originalReceipt] != nil && !voided.contains(void.originalReceipt)
                && refundsOf[void.originalReceipt, default: []].isEmpty
        case .shiftOpened(let shift): return openShift[shift.till] == nil
        case .zReport(let z, _):
            let shift = z.totals.shift
            return !zReported.contains("\(shift.till)#\(shift.number)")
                && reportAllowed(.z, signer: z.by.code, approver: z.approver?.code, shift: shift.number,
                                 named: [z.by.code: z.by.role].merging(z.approver.map { [$0.code: $0.role] } ?? [:]) { first, _ in first })
        case .event(let event): return accepts(event)
        }
    }

    /// Every note the sale tenders was issued, and what it asks of each (all its tenders on it
    /// together) is at most what is left.
    func redeems(_ sale: SaleRecord) -> Bool {
        var asked: [String: Int64] = [:]
        for tender in sale.tenders where tender.kind == .storeCredit { asked[tender.reference ?? "", default: 0] += tender.amount.minor }
        return asked.allSatisfy { number, amount in notes[number].map { amount <= $0.issued - $0.redeemed } ?? false }
    }

    /// A refund to store credit goes on the till's next new note (or back on one that paid the sale).
    func issues(_ refund: RefundRecord, _ sale: SaleRecord) -> Bool {
        refund.tenders.filter { $0.kind == .storeCredit }.allSatisfy { tender in
            let number = tender.reference ?? ""
            if notes[number] != nil { return sale.tenders.contains { $0.kind == .storeCredit && $0.reference == number } }
            return number == CreditNoteNumber(till: refund.till, sequence: highestNote(refund.till) + 1).description
        }
    }

    func highestNote(_ till: String) -> Int64 {
        notes.keys.compactMap { number -> Int64? in
            guard case .note(let note) = CreditNoteNumber.parse(number), note.till == till else { return nil }
            return note.sequence
        }.max() ?? 0
    }

    /// A changed line is the clerk's to make (holding the permission, within the threshold, or
    /// able to approve it), or its own approver may approve it.
    func priceChangeAllowed(_ line: SaleLine, clerk: String) -> Bool {
        func allowed(_ permission: Permission, moved: Int64, limit: Int64) -> Bool {
            let p = Self.permissions
            if let role = roles[clerk], p.allows(role, permission) && moved <= limit || p.mayApprove(role, permission) { return true }
            return line.approvedBy.flatMap { roles[$0] }.map { p.mayApprove($0, permission) } ?? false
        }
        guard !line.voided else { return true }
        if let original = line.originalUnitPrice {
            let moved = abs(original.minor - line.unitPrice.minor) * line.quantity.thousandths / 1000
            if !allowed(.overridePrice, moved: moved, limit: Self.limits.overrideApprovalAboveMinor) { return false }
        }
        if line.discount.minor != 0, !allowed(.discountLine, moved: line.discount.minor, limit: Self.limits.discountApprovalAboveMinor) {
            return false
        }
        return true
    }

    /// An X or Z is signed by someone whose role holds its permission, or approved by someone who
    /// may approve it whose latest entry for the signer is the approval of exactly this report.
    func reportAllowed(_ kind: ReportKind, signer: String?, approver: String?, shift: Int64?, named: [String: Role] = [:]) -> Bool {
        let p = Self.permissions
        guard let signer, let role = roles[signer] ?? named[signer] else { return false }
        if p.allows(role, kind.permission) { return true }
        guard let approver, approver != signer, let approverRole = roles[approver] ?? named[approver],
              p.mayApprove(approverRole, kind.permission), let shift,
              let latest = latestEvent["\(signer)#\(approver)"] else { return false }
        return latest.kind == .approvalGranted && latest.detail == ContractHistory.reportApprovalDetail(kind, shift: shift)
    }

    func accepts(_ event: AuditEvent) -> Bool {
        let reference = event.reference ?? ""
        switch event.kind {
        case .saleParked: return !eventReferences.contains(reference)
        case .saleRecalled: return waiting.values.contains { $0.contains(reference) }
        case .xReportPrinted:
            return reportAllowed(.x, signer: event.user, approver: event.approver, shift: ShiftReportReference.shift(reference))
        case .drawerOpened where event.detail == OwedDrawerOpen.auditDetail:
            return cashRefundClerk[reference] == event.user && !owedOpenUsed.contains(reference)
        case .drawerOpened:
            let p = Self.permissions
            if let role = event.user.flatMap({ roles[$0] }), p.allows(role, .openDrawer) { return true }
            guard let approver = event.approver, approver != event.user, let role = roles[approver] else { return false }
            return p.mayApprove(role, .openDrawer)
        default: return true
        }
    }

    mutating func apply(_ record: JournalRecord) {
        if let reference = AppendRules.documentReference(record), let number = DocumentNumber(parsing: reference) {
            highest["\(number.kind) \(number.till)"] = max(highest["\(number.kind) \(number.till)"] ?? 0, number.sequence)
        }
        if let slip = record.slip, let till = record.till {
            slips[slip.reference] = .pending
            slipOrder.append((slip.reference, till))
        }
        switch record {
        case .sale(let sale, _):
            sales[sale.receipt] = sale
            for line in sale.lines {
                lowestPrice[line.sku] = min(lowestPrice[line.sku] ?? .max, Self.net(line))
            }
            for tender in sale.tenders where tender.kind == .storeCredit {
                notes[tender.reference ?? "", default: (0, 0)].redeemed += tender.amount.minor
            }
        case .refund(let refund, _):
            refunds.append(refund)
            for tender in refund.tenders {
                if tender.kind == .storeCredit { notes[tender.reference ?? "", default: (0, 0)].issued += tender.amount.minor }
                if tender.kind == .cash { cashRefundClerk[refund.number] = refund.clerk.code }
            }
            guard let receipt = refund.originalReceipt else { return }
            refundsOf[receipt, default: []].append(refund.number)
            for line in refund.lines {
                refundedEach["\(receipt)#\(line.originalLineNo)", default: 0] += line.quantity.thousandths
            }
        case .postVoid(let void, _):
            voided.insert(void.originalReceipt)
            // A voided sale's prices no longer count as sold.
            lowestPrice = [:]
            for sale in sales.values where !voided.contains(sale.receipt) {
                for line in sale.lines { lowestPrice[line.sku] = min(lowestPrice[line.sku] ?? .max, Self.net(line)) }
            }
        case .shiftOpened(let shift): openShift[shift.till] = shift.number
        case .zReport(let z, _):
            zReported.insert("\(z.totals.shift.till)#\(z.totals.shift.number)")
            if openShift[z.totals.shift.till] == z.totals.shift.number { openShift[z.totals.shift.till] = nil }
        case .event(let event):
            if let user = event.user, let approver = event.approver { latestEvent["\(user)#\(approver)"] = event }
            guard let reference = event.reference else { return }
            eventReferences.insert(reference)
            switch event.kind {
            case .saleParked:
                let till = String(reference.dropFirst().prefix { $0 != "-" })
                waiting[till, default: []].append(reference)
                if let n = ParkedSale.sequence(of: reference, till: till) { parkHighest[till] = max(parkHighest[till] ?? 0, n) }
            case .saleRecalled:
                for till in waiting.keys { waiting[till]?.removeAll { $0 == reference } }
            case .drawerOpened where event.detail == OwedDrawerOpen.auditDetail: owedOpenUsed.insert(reference)
            default: break
            }
        }
    }

    /// The unit price a line sold at after its discount, as every engine's `lowestUnitPrice` counts it.
    static func net(_ line: SaleLine) -> Int64 {
        NetUnitPrice.minor(unit: line.unitPrice.minor, discount: line.discount.minor, thousandths: line.quantity.thousandths)
    }

    func sequences(_ till: String) -> DocumentSequences {
        func next(_ kind: DocumentKind) -> Int64 { (highest["\(kind) \(till)"] ?? 0) + 1 }
        var sequences = DocumentSequences(nextSale: next(.sale), nextRefund: next(.refund), nextVoid: next(.postVoid),
                                          nextZ: next(.zReport), nextShift: next(.shift))
        sequences.nextCreditNote = highestNote(till) + 1
        return sequences
    }

    func unprinted(_ till: String) -> [String] {
        slipOrder.filter { $0.till == till }.map(\.reference).filter { reference in
            switch slips[reference] {
            case .printed?, .notRequested?: false
            default: true
            }
        }
    }

    func refundedPairs(_ till: String) -> [(Int64, String)] {
        Array(Set(refunds.filter { $0.till == till }.map { "\($0.shift) \($0.clerk.code)" })).sorted().compactMap { key in
            let parts = key.split(separator: " ")
            guard parts.count == 2, let shift = Int64(parts[0]) else { return nil }
            return (shift, String(parts[1]))
        } + [(1, "0000")]
    }

    func refunded(clerk: String, shift: Int64, till: String) -> Int64 {
        refunds.filter { $0.till == till && $0.shift == shift && $0.clerk.code == clerk }.map(\.total.minor).reduce(0, +)
    }
}

extension JournalRecord {
    var till: String? {
        switch self {
        case .sale(let s, _): s.till
        case .refund(let r, _): r.till
        case .postVoid(let v, _): v.till
        case .shiftOpened(let s): s.till
        case .zReport(let z, _): z.totals.shift.till
        case .event: nil
        }
    }
}
