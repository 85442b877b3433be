extension RegisterState {
    /// Why a completed sale cannot be post-voided here, if it cannot.
    func postVoidBlock(_ source: ReturnableSale) -> PostVoidBlock? {
        if source.voided { return .alreadyVoided }
        guard let shift, source.sale.shift == shift.number, source.sale.till == config.till else { return .otherShift }
        if source.lines.contains(where: { $0.refundedQuantity.isPositive }) { return .hasRefunds }
        return nil
    }

    mutating func confirmPostVoid(_ draft: PostVoidDraft, resume: RegisterAction, _ step: inout Step) {
        guard checkPermission(.postVoid, &step) else { return }
        guard let user, let shift else { return step.refuse(.notSignedIn) }
        let sale = draft.source.sale
        if let block = postVoidBlock(draft.source) {
            return step.refuse(.postVoidNotAllowed(receipt: sale.receipt, why: block))
        }
        guard let reason = draft.reason else { return step.refuse(.reasonRequired) }
        guard let approver = requireApproval(.postVoid, for: .postVoid, amount: sale.total, resume: resume, &step) else { return }
        let record = VoidRecord(
            number: DocumentNumber(kind: .postVoid, till: config.till, sequence: sequences.nextVoid).description,
            till: config.till, shift: shift.number, at: step.now, clerk: user, approver: approver,
            originalReceipt: sale.receipt, reason: reason,
            tenders: sale.tenders.map { Tender(kind: $0.kind, amount: $0.amount, reference: $0.reference) },
            total: sale.total, tax: sale.totals.tax, training: config.training)
        // With a central journal, the void is reserved there first, as a refund of everything
        // left (under the sale's row lock): of a void here and a refund at another till at the
        // same moment exactly one goes through, and a sale refunded elsewhere is not voided.
        if config.central.configured, !config.training, let key = saleKey(sale) {
            crossTill.pendingVoid = record
            return ask(.reservation(RefundReservation(voiding: record, of: draft.source, key: key, ownSale: sale)), about: key, &step)
        }
        completePostVoid(record, &step)
    }

    /// Records the void (its central reservation, if any, was granted).
    mutating func completePostVoid(_ record: VoidRecord, _ step: inout Step) {
        sequences.nextVoid += 1
        let slip = config.templates.postVoid(record)
        complete(.postVoid(record, slip), slip: slip, tenders: record.tenders,
                 Completion(kind: .postVoid, reference: record.number, total: record.total, change: money(0)),
                 .postVoidCompleted(number: record.number, total: record.total), &step)
    }
}
