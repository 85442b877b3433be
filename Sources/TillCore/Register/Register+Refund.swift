extension RegisterState {
    mutating func startLookup(_ purpose: LookupPurpose, permission: Permission?, _ step: inout Step) {
        if let permission { guard checkPermission(permission, &step) else { return } }
        guard user != nil else { return step.refuse(.notSignedIn) }
        // A look-up still open (its receipt refused, say) holds nothing: starting again replaces it
        // rather than answering "busy".
        if case .findingSale = activity, pendingApproval == nil { activity = .idle }
        guard checkShift(&step), checkIdle(&step) else { return }
        activity = .findingSale(purpose)
    }

    mutating func enterReceipt(_ text: String, _ step: inout Step) {
        guard case .findingSale = activity else { return step.refuse(.nothingInProgress) }
        switch ReceiptReference.parse(text, defaultTill: config.till) {
        case .success(let reference): lookUpSale(reference.key(ownShop: config.shopCode), &step)
        case .failure(let refusal): step.refuse(refusal)
        }
    }

    mutating func saleLoaded(_ source: ReturnableSale, _ step: inout Step) {
        guard case .findingSale(let purpose) = activity else { return step.refuse(.nothingInProgress) }
        let receipt = source.sale.receipt
        // Training sales live in the training journal only; a real refund of one would be fiction.
        if source.sale.training != config.training {
            return step.refuse(.receiptNotFound(reference: receipt))
        }
        switch purpose {
        case .refund:
            if source.voided { return step.refuse(.saleWasVoided(receipt: receipt)) }
            if source.fullyRefunded { return step.refuse(.alreadyFullyRefunded(receipt: receipt)) }
            if let expired = windowRefusal(source.sale, now: step.now) { return step.refuse(expired) }
            activity = .refunding(RefundDraft(source: source))
        case .postVoid:
            if let block = postVoidBlock(source) {
                return step.refuse(.postVoidNotAllowed(receipt: receipt, why: block))
            }
            activity = .voiding(PostVoidDraft(source: source))
        }
        step.emit(.saleFound(receipt: receipt, returnable: source.lines.map {
            ReturnableLineSummary(line: $0.line.lineNo, sku: $0.line.sku, name: $0.line.name, sold: $0.line.quantity,
                                  remaining: $0.remainingQuantity, paid: $0.paidAmount)
        }))
    }

    /// The refund window counts calendar days in the shop's time zone: a sale on day D can be
    /// refunded through day D + windowDays.
    func windowRefusal(_ sale: SaleRecord, now: Timestamp) -> Refusal? {
        let soldOn = sale.at.civilDate(utcOffsetSeconds: config.utcOffsetSeconds)
        let today = now.civilDate(utcOffsetSeconds: config.utcOffsetSeconds)
        let days = today.daysSinceEpoch - soldOn.daysSinceEpoch
        let window = config.policy.refund.windowDays
        return days > window ? .windowExpired(soldOn: soldOn, daysAgo: days, windowDays: window) : nil
    }

    /// A scanned item during a refund picks its line on the receipt, one more each scan.
    mutating func pickRefundLine(code: String, quantity: Quantity?, _ draft: RefundDraft, _ step: inout Step) {
        let matches = draft.source.lines.filter { $0.line.itemBarcodes.contains(code) || $0.line.sku == code }
        guard let first = matches.first else {
            if case .wrongCheckDigit(let expected, let found) = GTIN.verify(code) {
                return step.refuse(.barcodeCheckDigitWrong(code: code, expected: expected, found: found))
            }
            return step.refuse(.itemNotOnReceipt(item: code, receipt: draft.source.sale.receipt))
        }
        // The same item on several lines: fill the first line that still has room.
        let target = matches.first { (draft.quantities[$0.line.lineNo] ?? .zero) < $0.remainingQuantity } ?? first
        let current = draft.quantities[target.line.lineNo] ?? .zero
        setRefundQuantity(line: target.line.lineNo, current + (quantity ?? .one), &step)
    }

    mutating func setRefundQuantity(line: Int, _ quantity: Quantity, _ step: inout Step) {
        guard case .refunding(var draft) = activity else { return step.refuse(.nothingInProgress) }
        guard let returnable = draft.source.line(line) else {
            return step.refuse(.lineNotFound(line: line))
        }
        let item = returnable.line
        guard quantity.thousandths >= 0 else { return step.refuse(.quantityInvalid(text: quantity.description)) }
        if quantity.isPositive {
            guard item.returnable else { return step.refuse(.itemNotReturnable(item: item.name)) }
            guard item.weighed || quantity.isWhole else { return step.refuse(.fractionalQuantityNotAllowed(item: item.name)) }
            guard quantity <= returnable.remainingQuantity else {
                if let elsewhere = returnedElsewhere(line: line, asked: quantity, remaining: returnable.remainingQuantity) {
                    return step.refuse(elsewhere)
                }
                return step.refuse(.quantityExceedsReturnable(item: item.name, asked: quantity,
                                                              remaining: returnable.remainingQuantity))
            }
        }
        draft.quantities[line] = quantity.isPositive ? quantity : nil
        activity = .refunding(draft)
        step.emit(.refundQuantityChosen(line: line, quantity: quantity,
                                        amount: quantity.isPositive ? returnable.refundValue(for: quantity).amount : money(0)))
        emitRefundSplit(&step)
    }

    /// A code that is not on the list: "BOGUS is not a reason", with the list (an empty code is
    /// simply a missing reason).
    func refuseReason(_ code: String, _ list: [ReasonCode], _ step: inout Step) {
        let trimmed = code.trimmingSpaces
        step.refuse(trimmed.isEmpty ? .reasonRequired : .unknownReason(code: trimmed, known: list.map(\.code)))
    }

    mutating func chooseReason(_ code: String, _ step: inout Step) {
        switch activity {
        case .refunding(var draft):
            guard let reason = reason(code, in: config.policy.refundReasons) else { return refuseReason(code, config.policy.refundReasons, &step) }
            draft.reason = reason
            activity = .refunding(draft)
        case .blindReturn(var draft):
            guard let reason = reason(code, in: config.policy.refundReasons) else { return refuseReason(code, config.policy.refundReasons, &step) }
            draft.reason = reason
            activity = .blindReturn(draft)
        case .voiding(var draft):
            guard let reason = reason(code, in: config.policy.voidReasons) else { return refuseReason(code, config.policy.voidReasons, &step) }
            draft.reason = reason
            activity = .voiding(draft)
        default:
            step.refuse(.nothingInProgress)
        }
    }

    mutating func chooseRefundTender(_ kind: TenderKind?, reference: String?, _ step: inout Step) {
        switch activity {
        case .refunding(var draft):
            if kind == .storeCredit, let refusal = creditNoteRefusal(chosen: reference, source: draft.source) {
                return step.refuse(refusal)
            }
            draft.tender = kind
            // A credit note is named canonically (C01-000042-7), however it was typed.
            if kind == .storeCredit, let typed = reference, case .note(let number) = CreditNoteNumber.parse(typed) {
                draft.tenderReference = number.description
            } else {
                draft.tenderReference = kind == .storeCredit ? nil : reference
            }
            activity = .refunding(draft)
            emitRefundSplit(&step)
        case .blindReturn(var draft):
            draft.tender = kind
            activity = .blindReturn(draft)
        default:
            step.refuse(.nothingInProgress)
        }
    }

    /// The refund's lines, worked out from what was actually paid.
    func refundLines(_ draft: RefundDraft) -> [RefundLine] {
        draft.source.lines.compactMap { returnable in
            guard let qty = draft.quantities[returnable.line.lineNo], qty.isPositive else { return nil }
            let value = returnable.refundValue(for: qty)
            let line = returnable.line
            return RefundLine(originalLineNo: line.lineNo, sku: line.sku, name: line.name, quantity: qty,
                              unitPrice: line.unitPrice, amount: value.amount, tax: value.tax, weighed: line.weighed)
        }
    }

    /// The payout of `lines` inside the sale's ledger, and what the tender-substitution policy
    /// says of each part drawn from another tender than it pays back to.
    func plannedPayout(_ draft: RefundDraft, lines: [RefundLine]) -> Result<(RefundPayout, [ApprovalReason]), Refusal> {
        let source = draft.source
        let value = lines.map(\.amount).sum(config.currency)
        let final = source.isFinal(draft.quantities)
        let payout = source.payout(value: value, final: final, tender: draft.tender, reference: draft.tenderReference,
                                   cashRounding: config.cashRounding)
        var approvals: [ApprovalReason] = []
        let substitution = config.policy.refund.substitution
        for draw in payout.draws {
            let account = source.accounts[draw.account]
            guard let pair = TenderSubstitutionPolicy.pair(account: account, payout: draw.payout) else { continue }
            switch substitution.decision(account: account, payout: draw.payout) {
            case .allowed: continue
            case .supervisor:
                let reason = ApprovalReason.tenderSubstitution(paid: pair.paid, refunded: pair.refunded, otherCard: pair.otherCard)
                if !approvals.contains(reason) { approvals.append(reason) }
            case .refused:
                // Name the tender the money really came from, and what the chosen tender may take.
                let own = source.accounts.filter { $0.kind == draw.payout.kind && !pair.otherCard }
                return .failure(.tenderSubstitutionRefused(paid: pair.paid, refunded: pair.refunded, otherCard: pair.otherCard,
                                                           amount: payout.draws.filter { $0.account == draw.account }
                                                               .map(\.payout.amount).sum(config.currency),
                                                           available: own.map(\.remaining).sum(config.currency)))
            }
        }
        return .success((payout, approvals))
    }

    mutating func confirmRefund(_ draft: RefundDraft, resume: RegisterAction, _ step: inout Step) {
        guard checkPermission(.refundWithReceipt, &step), let user, let shift else { return }
        let source = draft.source
        if source.voided { return step.refuse(.saleWasVoided(receipt: source.sale.receipt)) }
        if source.fullyRefunded { return step.refuse(.alreadyFullyRefunded(receipt: source.sale.receipt)) }
        if let expired = windowRefusal(source.sale, now: step.now) { return step.refuse(expired) }
        let lines = refundLines(draft)
        guard !lines.isEmpty else { return step.refuse(.nothingSelected) }
        guard let reason = draft.reason else { return step.refuse(.reasonRequired) }
        let split: RefundSplit
        switch refundSplit(draft) {
        case .success(let planned)?: split = planned
        case .failure(let refusal)?: return step.refuse(refusal)
        case nil: return step.refuse(.nothingSelected)
        }
        let amount = split.total
        var checks = split.approvals
        switch offlineChecks(amount, sale: source.sale) {
        case .success(let offline): checks += offline
        case .failure(let refusal): return step.refuse(refusal)
        }
        var approver: User? = nil
        if !checks.isEmpty {
            guard let granted = requireApprovals(checks, for: .refundWithReceipt, amount: amount, resume: resume, &step) else { return }
            approver = granted
        }
        let record = RefundRecord(
            number: DocumentNumber(kind: .refund, till: config.till, sequence: sequences.nextRefund).description,
            till: config.till, shift: shift.number, at: step.now, clerk: user, approver: approver,
            approvals: checks.map(\.kind), originalReceipt: source.sale.receipt, originalSoldAt: source.sale.at,
            lines: lines, tenders: split.tenders, reason: reason, customerReference: nil, rounding: split.rounding,
            training: config.training, approvedAmount: approver == nil ? nil : amount)
        // The core's own plan is checked against the same ledger the journal checks it against.
        if let violation = source.violation(of: record) { return step.refuse(.refundOutsideLedger(violation)) }
        // With a central journal, the refund is reserved there first (`Register+CrossTill.swift`).
        guard let checked = checkCentrally(record, sale: source.sale, &step) else { return }
        recordRefund(checked, &step)
    }

    /// The money limits a refund or return of `amount` by this clerk runs into.
    func limitChecks(_ amount: Money) -> [ApprovalReason] {
        let limits = config.policy.refund
        var checks: [ApprovalReason] = []
        if amount.minor > limits.perRefundLimitMinor {
            checks.append(.overLimit(limit: .perRefund, limitAmount: money(limits.perRefundLimitMinor), amount: amount))
        }
        let shiftTotal = clerkRefundedThisShift + amount
        if shiftTotal.minor > limits.clerkShiftLimitMinor {
            checks.append(.overLimit(limit: .clerkPerShift, limitAmount: money(limits.clerkShiftLimitMinor), amount: shiftTotal))
        }
        return checks
    }

    /// Cash paid out on a return without receipt is rounded down to the coin: with no sale to
    /// draw from, the lines' value is the most it may pay.
    func settleCash(_ tenders: [Tender]) -> (tenders: [Tender], rounding: Money) {
        var out = tenders
        var rounding = money(0)
        if let i = out.firstIndex(where: { $0.kind == .cash }) {
            let rounded = config.cashRounding.roundDown(out[i].amount)
            rounding = rounded - out[i].amount
            out[i].amount = rounded
        }
        return (out, rounding)
    }

    /// Writes a refund (with or without receipt), prints its slip and pays out.
    mutating func recordRefund(_ record: RefundRecord, _ step: inout Step) {
        sequences.nextRefund += 1
        noteCreditNotesIssued(record.tenders)
        clerkRefundedThisShift += record.total
        awaitFirstPrint(record)
        let slip = config.templates.refund(record)
        complete(.refund(record, slip), slip: slip, tenders: record.tenders,
                 Completion(kind: .refund, reference: record.number, total: record.total, change: money(0)),
                 .refundCompleted(number: record.number, total: record.total, tenders: record.tenders), &step)
    }
}

extension Money {
    var isPositive: Bool { minor > 0 }
}
