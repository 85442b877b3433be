extension RegisterState {
    mutating func startBlindReturn(_ step: inout Step) {
        guard checkPermission(.blindReturn, &step), checkShift(&step), checkIdle(&step) else { return }
        guard config.policy.blindReturn.enabled else { return step.refuse(.blindReturnsDisabled) }
        var draft = BlindReturnDraft()
        draft.tender = config.policy.blindReturn.tenders.first
        activity = .blindReturn(draft)
    }

    /// Adds an item at the policy's price: today's, or the lowest it sold for recently if lower
    /// (so an item bought on sale is not refunded at full price).
    mutating func addBlindLine(_ item: CatalogItem, _ taxClass: TaxClass, quantity: Quantity, lowestRecentPrice: Money?,
                               _ draft: inout BlindReturnDraft, _ step: inout Step) {
        guard item.returnable else { return step.refuse(.itemNotReturnable(item: item.name)) }
        var price = item.price
        if case .lowestInDays = config.policy.blindReturn.pricing, let lowest = lowestRecentPrice {
            price = Money.min(price, lowest)
        }
        let line = BlindReturnDraft.Line(item: item, taxClass: taxClass, quantity: quantity, unitPrice: price)
        draft.lines.append(line)
        step.emit(.refundQuantityChosen(line: draft.lines.count, quantity: quantity, amount: line.refundLine.amount))
    }

    mutating func enterCustomerReference(_ text: String, _ step: inout Step) {
        guard case .blindReturn(var draft) = activity else { return step.refuse(.nothingInProgress) }
        let trimmed = text.trimmingSpaces
        draft.customerReference = trimmed.isEmpty ? nil : trimmed
        activity = .blindReturn(draft)
    }

    mutating func confirmBlindReturn(_ draft: BlindReturnDraft, resume: RegisterAction, _ step: inout Step) {
        guard checkPermission(.blindReturn, &step), let user, let shift else { return }
        let policy = config.policy.blindReturn
        guard !draft.lines.isEmpty else { return step.refuse(.nothingSelected) }
        guard let reason = draft.reason else { return step.refuse(.reasonRequired) }
        if policy.requireCustomerReference, draft.customerReference == nil { return step.refuse(.customerReferenceRequired) }
        let quote = blindReturnQuote(draft)
        let (lines, amount, tenderKind) = (quote.lines, quote.amount, quote.tenderKind)
        if amount.minor > policy.maximumMinor {
            return step.refuse(.overLimit(limit: .blindReturnMaximum, limitAmount: money(policy.maximumMinor), amount: amount))
        }
        guard policy.tenders.contains(tenderKind) else {
            return step.refuse(.tenderNotAllowed(tender: tenderKind, rule: .blindReturnTenders))
        }
        let payout = (tenders: quote.tenders, rounding: quote.rounding)
        let paid = quote.paid
        // The clerk's per-shift limit counts returns without receipt like any refund.
        var checks = limitChecks(paid)
        if amount.minor > policy.supervisorAboveMinor {
            checks.insert(policy.supervisorAboveMinor == 0
                ? .blindReturn
                : .overLimit(limit: .blindReturnSupervisor, limitAmount: money(policy.supervisorAboveMinor), amount: amount),
                at: 0)
        }
        var approver: User? = nil
        if !checks.isEmpty {
            guard let granted = requireApprovals(checks, for: .blindReturn, amount: paid, resume: resume, &step) else { return }
            approver = granted
        }
        let record = RefundRecord(
            number: DocumentNumber(kind: .refund, till: config.till, sequence: sequences.nextRefund).description,
            till: config.till, shift: shift.number, at: step.now, clerk: user, approver: approver,
            approvals: approver == nil ? [] : checks.map(\.kind), originalReceipt: nil, originalSoldAt: nil, lines: lines,
            tenders: withCreditNotes(payout.tenders), reason: reason, customerReference: draft.customerReference,
            rounding: payout.rounding, training: config.training, approvedAmount: approver == nil ? nil : paid)
        if let violation = record.consistencyViolation { return step.refuse(.refundOutsideLedger(violation)) }
        recordRefund(record, &step)
    }
}
