extension RegisterState {
    /// A scan or typed code: an item for the sale or blind return, a line pick during a refund.
    mutating func enterCode(_ raw: String, quantity: Quantity?, _ step: inout Step) {
        let code = raw.trimmingSpaces
        guard !code.isEmpty else { return step.refuse(.unknownItem(code: raw)) }
        if let quantity, !quantity.isPositive { return step.refuse(.quantityInvalid(text: quantity.description)) }
        switch activity {
        case .idle, .selling:
            guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
            guard checkPermission(.sell, &step), checkShift(&step) else { return }
            // A credit note scanned during a sale pays with it (what is due, up to its balance).
            if case .selling(let draft) = activity, draft.due.isPositive, quantity == nil,
               CreditNoteNumber.parse(code) != .notANote {
                return askForCreditNote(code, amount: nil, &step)
            }
            if case .selling(let draft) = activity, !draft.tenders.isEmpty { return step.refuse(.busy(current: .payment)) }
            step.run(.lookUpItem(code: code, quantity: quantity, lowestPriceDays: nil))
        case .refunding(let draft):
            pickRefundLine(code: code, quantity: quantity, draft, &step)
        case .blindReturn:
            var days: Int64? = nil
            if case .lowestInDays(let n) = config.policy.blindReturn.pricing { days = n }
            step.run(.lookUpItem(code: code, quantity: quantity, lowestPriceDays: days))
        case .findingSale:
            // A scanned receipt code while looking for a sale is the receipt, not an item.
            enterReceipt(code, &step)
        case .voiding:
            step.refuse(.busy(current: .postVoid))
        }
    }

    mutating func itemFound(_ item: CatalogItem, _ taxClass: TaxClass, code: String, quantity: Quantity?,
                            lowestRecentPrice: Money?, _ step: inout Step) {
        if item.weighed, quantity == nil { return step.refuse(.weightRequired(item: item.name)) }
        let qty = quantity ?? .one
        if !item.weighed, !qty.isWhole { return step.refuse(.fractionalQuantityNotAllowed(item: item.name)) }
        switch activity {
        case .idle, .selling:
            var draft: SaleDraft
            if case .selling(let existing) = activity { draft = existing } else {
                draft = SaleDraft(startedAt: step.now, currency: config.currency)
            }
            let barcode = item.barcodes.contains(code) ? code : nil
            // Scanning the same piece item again adds to its line rather than a new line.
            if !item.weighed, let i = draft.lines.lastIndex(where: {
                !$0.voided && $0.sku == item.sku && $0.originalUnitPrice == nil && $0.discount.isZero && !$0.weighed
            }), i == draft.lines.count - 1 {
                draft.lines[i].quantity = draft.lines[i].quantity + qty
                activity = .selling(draft)
                return step.emit(.lineChanged(draft.lines[i]))
            }
            let line = SaleLine(lineNo: draft.nextLineNo, item: item, quantity: qty, taxClass: taxClass, barcode: barcode)
            draft.lines.append(line)
            activity = .selling(draft)
            step.emit(.lineAdded(line))
        case .blindReturn(var draft):
            addBlindLine(item, taxClass, quantity: qty, lowestRecentPrice: lowestRecentPrice, &draft, &step)
            activity = .blindReturn(draft)
        default:
            step.refuse(.busy(current: activity.kind ?? .sale))
        }
    }

    /// The open sale's draft, if lines may still change; refuses otherwise.
    private func editableDraft(_ step: inout Step) -> SaleDraft? {
        guard case .selling(let draft) = activity else { step.refuse(.nothingInProgress); return nil }
        guard draft.tenders.isEmpty else { step.refuse(.busy(current: .payment)); return nil }
        return draft
    }

    mutating func changeQuantity(line: Int, _ quantity: Quantity, _ step: inout Step) {
        if case .refunding = activity { return setRefundQuantity(line: line, quantity, &step) }
        guard checkPermission(.changeQuantity, &step), var draft = editableDraft(&step) else { return }
        guard let i = draft.lineIndex(line) else { return step.refuse(.lineNotFound(line: line)) }
        guard quantity.isPositive else { return step.refuse(.quantityInvalid(text: quantity.description)) }
        if !draft.lines[i].weighed, !quantity.isWhole {
            return step.refuse(.fractionalQuantityNotAllowed(item: draft.lines[i].name))
        }
        guard checkPriceChangeHolds(&draft.lines[i], newQuantity: quantity, resume: .quantityChanged(line: line, quantity), &step)
        else { return }
        draft.lines[i].quantity = quantity
        activity = .selling(draft)
        step.emit(.lineChanged(draft.lines[i]))
    }

    mutating func overridePrice(line: Int, _ price: Money, resume: RegisterAction, _ step: inout Step) {
        guard var draft = editableDraft(&step) else { return }
        guard let i = draft.lineIndex(line) else { return step.refuse(.lineNotFound(line: line)) }
        guard price.minor >= 0 else { return step.refuse(.amountInvalid(text: price.plain)) }
        let line = draft.lines[i]
        let moved = Self.overrideMoves(line, price: price, quantity: line.quantity)
        guard line.discount <= price.scaled(by: line.quantity.thousandths, over: 1000) else {
            return step.refuse(.discountTooLarge(line: line.lineNo, discount: line.discount,
                                                 amount: price.scaled(by: line.quantity.thousandths, over: 1000)))
        }
        guard let approver = requirePriceOverrideApproval(moved, resume: resume, &step) else { return }
        if draft.lines[i].originalUnitPrice == nil { draft.lines[i].originalUnitPrice = draft.lines[i].unitPrice }
        draft.lines[i].unitPrice = price
        // Kept once set: a later change the clerk may make alone does not erase who approved an earlier one.
        if approver.code != user?.code { draft.lines[i].approvedBy = approver.code }
        activity = .selling(draft)
        step.emit(.lineChanged(draft.lines[i]))
    }

    mutating func discountLine(line: Int, _ discount: Money, resume: RegisterAction, _ step: inout Step) {
        guard var draft = editableDraft(&step) else { return }
        guard let i = draft.lineIndex(line) else { return step.refuse(.lineNotFound(line: line)) }
        guard discount.minor >= 0 else { return step.refuse(.amountInvalid(text: discount.plain)) }
        let extended = draft.lines[i].extendedAmount
        guard discount <= extended else {
            return step.refuse(.discountTooLarge(line: line, discount: discount, amount: extended))
        }
        let limit = money(config.policy.priceChange.discountApprovalAboveMinor)
        guard let approver = requireApproval(discount > limit ? .overLimit(limit: .lineDiscount, limitAmount: limit, amount: discount)
                                                              : .lineDiscount,
                                             for: .discountLine, selfService: discount <= limit,
                                             amount: discount, resume: resume, &step) else { return }
        draft.lines[i].discount = discount
        // Kept once set: a later change the clerk may make alone does not erase who approved an earlier one.
        if approver.code != user?.code { draft.lines[i].approvedBy = approver.code }
        activity = .selling(draft)
        step.emit(.lineChanged(draft.lines[i]))
    }

    mutating func voidLine(_ line: Int, _ step: inout Step) {
        guard checkPermission(.voidLine, &step), var draft = editableDraft(&step) else { return }
        guard let i = draft.lineIndex(line) else { return step.refuse(.lineNotFound(line: line)) }
        draft.lines[i].voided = true
        activity = .selling(draft)
        step.emit(.lineChanged(draft.lines[i]))
    }

    mutating func tender(_ kind: TenderKind, amount: Money?, reference: String?, _ step: inout Step) {
        guard case .selling(var draft) = activity, draft.totals.itemCount.isPositive || !draft.tenders.isEmpty else {
            return step.refuse(.nothingInProgress)
        }
        guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
        let due = draft.due
        // Cash settling the balance is rounded to the smallest coin; other tenders pay exactly.
        let cashDue = config.cashRounding.round(due)
        if let amount, amount.minor <= 0 { return step.refuse(.amountInvalid(text: amount.plain)) }
        var tender: Tender
        switch kind {
        case .cash:
            let received = amount ?? cashDue
            tender = Tender(kind: .cash, amount: Money.min(received, due), received: received)
            if received >= cashDue { tender.amount = cashDue }
        case .storeCredit:
            // Store credit is a credit note: its balance is looked up first (Register+StoreCredit).
            return askForCreditNote(reference, amount: amount, &step)
        case .card:
            let value = amount ?? due
            guard value <= due else { return step.refuse(.tenderExceedsDue(tender: kind, amount: value, due: due)) }
            let ref = reference?.trimmingSpaces ?? ""
            if kind == .card, ref.isEmpty { return step.refuse(.cardReferenceRequired) }
            tender = Tender(kind: kind, amount: value, received: nil, reference: ref.isEmpty ? nil : ref)
        }
        accept(tender, into: draft, &step)
    }

    /// Adds a checked tender to the open sale; the sale completes once nothing is due.
    mutating func accept(_ tender: Tender, into open: SaleDraft, _ step: inout Step) {
        var draft = open
        let due = draft.due
        let cashDue = config.cashRounding.round(due)
        let kind = tender.kind
        draft.tenders.append(tender)
        let settled = kind == .cash && tender.amount == cashDue
        if settled || draft.due.isZero {
            completeSale(draft, rounding: settled ? cashDue - due : .zero(config.currency), &step)
        } else {
            activity = .selling(draft)
            step.emit(.tenderAccepted(tender, due: draft.due))
        }
    }

    private mutating func completeSale(_ draft: SaleDraft, rounding: Money, _ step: inout Step) {
        guard let user, let shift else { return step.refuse(.noOpenShift) }
        let sequence = sequences.nextSale
        let number = DocumentNumber(kind: .sale, till: config.till, sequence: sequence).description
        let code = ReceiptCode.make(shop: config.shopCode, till: config.till, sequence: sequence,
                                    date: step.now.civilDate(utcOffsetSeconds: config.utcOffsetSeconds))
        let change = draft.tenders.map(\.change).sum(config.currency)
        let record = SaleRecord(receipt: number, receiptCode: code, till: config.till, shift: shift.number, at: step.now,
                                clerk: user, lines: draft.lines, tenders: draft.tenders, totals: draft.totals,
                                rounding: rounding, change: change, training: config.training)
        sequences.nextSale += 1
        let slip = config.templates.sale(record)
        complete(.sale(record, slip), slip: slip, tenders: record.tenders,
                 Completion(kind: .sale, reference: number, total: record.total, change: change),
                 .saleCompleted(receipt: number, total: record.total, change: change), printSlip: !draft.noReceipt, &step)
    }

    /// NO RECEIPT: only a sale in progress may skip its slip. A refund, blind return or post-void
    /// always prints (the customer's proof, and the shop's), so it is refused there with why.
    mutating func toggleNoReceipt(_ step: inout Step) {
        switch activity {
        case .selling(var draft) where draft.totals.itemCount.isPositive || !draft.tenders.isEmpty:
            guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
            draft.noReceipt.toggle()
            activity = .selling(draft)
            step.emit(.noReceiptChosen(on: draft.noReceipt))
        case .findingSale, .refunding, .blindReturn, .voiding:
            step.refuse(.slipRequired)
        case .idle, .selling:
            step.refuse(.nothingInProgress)
        }
    }
}
