/// Refunds of sales made at another till or shop, and the central check of every refund when a
/// central journal is configured. The core never waits: it asks (an effect carrying a request
/// id), shows that it is asking, and goes on when the answer comes back as `centralAnswered`;
/// Esc stops waiting, and an answer to a request no longer open is dropped.
extension RegisterState {
    /// A receipt typed or scanned on the refund (or post-void) screen.
    mutating func lookUpSale(_ key: DocumentKey, _ step: inout Step) {
        // A new look-up starts clean: no sale from before, no offline permission from before.
        crossTill.loadedSale = nil
        crossTill.offlineFor = nil
        crossTill.ownLedger = nil
        crossTill.ownSaleCentrally = nil
        crossTill.ownRefundsElsewhere = []
        if key.shop == config.shopCode && key.till == config.till { return step.run(.lookUpSale(key.number)) }
        guard config.central.configured else {
            return step.refuse(.central(.notConfigured(sale: key, ownShop: config.shopCode)))
        }
        ask(.lookUp, about: key, &step)
    }

    /// This till's own sale, from its journal. With a central journal, the refunds of it given at
    /// other tills are asked for before it reaches the refund screen: planned without them, the
    /// last unit would not be seen as the last. Unheard (offline), the own journal's ledger is used
    /// and the refund's central check (or its reconciliation) decides.
    mutating func ownSaleLoaded(_ source: ReturnableSale, _ step: inout Step) {
        guard case .findingSale = activity, config.central.configured, !config.training, !source.sale.training,
              !source.voided, !source.fullyRefunded, let number = DocumentNumber(parsing: source.sale.receipt) else {
            return saleLoaded(source, &step)
        }
        crossTill.ownLedger = source
        ask(.lookUp, about: DocumentKey(shop: config.shopCode, number: number), &step)
    }

    /// The central answer about this till's own sale: its ledger with every refund anywhere.
    private mutating func ownSaleAnswered(_ own: ReturnableSale, _ outcome: CentralOutcome, request: CentralRequest, _ step: inout Step) {
        crossTill.ownLedger = nil
        guard case .saleFound(let found) = outcome, found.key == request.sale, found.sale.receipt == own.sale.receipt else {
            return saleLoaded(own, &step)
        }
        let merged = ReturnableSale(own: own, central: found, ownShop: config.shopCode)
        crossTill.ownSaleCentrally = found.snapshot
        crossTill.ownRefundsElsewhere = found.refunds(notIn: own, ownShop: config.shopCode)
        if merged.fullyRefunded, !merged.voided,
           let conflict = found.conflict(line: nil, asked: .zero, remaining: .zero, elsewhere: crossTill.ownRefundsElsewhere) {
            return step.refuse(.central(.lookUp(sale: request.sale, ownShop: config.shopCode, .alreadyReturned(conflict),
                                                utcOffsetSeconds: config.utcOffsetSeconds)))
        }
        saleLoaded(merged, &step)
    }

    /// More of an own sale's line asked for than is left because of refunds given elsewhere: the
    /// refusal names who took it, where and when (as the central check would), or nil.
    func returnedElsewhere(line: Int, asked: Quantity, remaining: Quantity) -> Refusal? {
        guard let central = crossTill.ownSaleCentrally, let key = central.key,
              let conflict = central.conflict(line: line, asked: asked, remaining: remaining, elsewhere: crossTill.ownRefundsElsewhere)
        else { return nil }
        return .central(.reservation(sale: key, ownShop: config.shopCode, .alreadyReturned(conflict), utcOffsetSeconds: config.utcOffsetSeconds))
    }

    /// The till's own journal has no such sale: the central journal may (a replaced journal, or
    /// a sale made under this till's number elsewhere); without one, "no such sale" it is.
    mutating func saleNotFoundLocally(_ reference: String, _ step: inout Step) {
        guard case .findingSale = activity, config.central.configured,
              let number = DocumentNumber(parsing: reference) else {
            return step.refuse(.receiptNotFound(reference: reference))
        }
        ask(.lookUp, about: DocumentKey(shop: config.shopCode, number: number), &step)
    }

    mutating func ask(_ kind: CentralRequest.Kind, about sale: DocumentKey, _ step: inout Step) {
        crossTill.requestsMade += 1
        let request = CentralRequest(id: crossTill.requestsMade, sale: sale, kind: kind)
        crossTill.request = request
        switch kind {
        case .lookUp:
            step.run(.lookUpCentrally(request: request.id, sale))
            step.emit(.centralLookupStarted(sale))
        case .reservation(let reservation):
            step.run(.reserveRefund(request: request.id, reservation))
            step.emit(.centralCheckStarted(refund: reservation.refund.number, sale: sale))
        }
    }

    /// While the central journal has not answered, only Esc (and the world's answers) get
    /// through: the screen stays responsive, and nothing is half changed under the question.
    mutating func holdWhileCentralAnswers(_ action: RegisterAction, _ step: inout Step) -> Bool {
        guard let request = crossTill.request else { return false }
        switch action {
        case .centralAnswered, .unverifiedRefundsCounted, .refundReconciled, .conflictsLoaded, .awaitingSaleLoaded, .started, .slipPrinted, .slipFailed, .parkedSalesLoaded, .worldRefused, .quitRequested:
            return false
        case .cancelled:
            // Stop waiting; a reservation that may have landed is dropped again centrally.
            crossTill.request = nil
            crossTill.pendingVoid = nil
            if case .reservation(let reservation) = request.kind { step.run(.releaseReservation(reservation)) }
            return false
        default:
            step.refuse(.central(.stillWaiting(sale: request.sale, ownShop: config.shopCode)))
            return true
        }
    }

    mutating func centralAnswered(request id: Int64, _ outcome: CentralOutcome, _ step: inout Step) {
        // Late (after Esc or a timeout) or unasked: nothing to do, and nothing is said.
        guard let request = crossTill.request, request.id == id else { return }
        crossTill.request = nil
        let own = config.shopCode, offset = config.utcOffsetSeconds
        if case .lookUp = request.kind, let ownLedger = crossTill.ownLedger {
            return ownSaleAnswered(ownLedger, outcome, request: request, &step)
        }
        switch (request.kind, outcome) {
        case (.lookUp, .saleFound(let found)):
            // Another sale, another currency, amounts beyond counting, negative quantities…: refused
            // before the ledger's arithmetic or the screen sees it.
            if let damage = found.damage(expecting: request.sale, currency: config.currency) {
                return step.refuse(.central(.lookUp(sale: request.sale, ownShop: own, .damaged(damage), utcOffsetSeconds: offset)))
            }
            crossTill.loadedSale = found.snapshot
            saleLoaded(found.ledger(), &step)
        case (.lookUp, .failed(let failure)):
            step.refuse(.central(.lookUp(sale: request.sale, ownShop: own, failure, utcOffsetSeconds: offset)))
        case (.reservation(let reservation), .reserved) where crossTill.pendingVoid?.number == reservation.refund.number:
            let void = crossTill.pendingVoid
            crossTill.pendingVoid = nil
            guard let void, case .voiding(let draft) = activity, draft.source.sale.receipt == void.originalReceipt, user == void.clerk else {
                return step.run(.releaseReservation(reservation))
            }
            completePostVoid(void, &step)
        case (.reservation(let reservation), .reserved):
            // The refund screen must still be the one that asked (same clerk, same sale).
            guard case .refunding(let draft) = activity, draft.source.sale.receipt == reservation.refund.originalReceipt,
                  user == reservation.refund.clerk else {
                return step.run(.releaseReservation(reservation))
            }
            crossTill.offlineFor = nil
            recordRefund(reservation.refund, &step)
        case (.reservation(let reservation), .failed(let failure)):
            crossTill.pendingVoid = nil
            if case .timedOut = failure { step.run(.releaseReservation(reservation)) }
            step.refuse(.central(.reservation(sale: request.sale, ownShop: own, failure, utcOffsetSeconds: offset)))
            // Not heard at all, and the shop allows it: the next confirm asks a supervisor and
            // records the refund as unverified.
            if failure.isOffline && config.central.offlineRefunds.enabled, case .refunding(let draft) = activity {
                crossTill.offlineFor = request.sale
                confirmRefund(draft, resume: .confirmed, &step)
            }
        case (.lookUp, .reserved), (.reservation, .saleFound):
            step.refuse(.central(.lookUp(sale: request.sale, ownShop: own, .refused(detail: "answered another question"),
                                         utcOffsetSeconds: offset)))
        }
    }

    /// The chain-wide key of the sale on the refund screen.
    func saleKey(_ sale: SaleRecord) -> DocumentKey? {
        if let loaded = crossTill.loadedSale?.key, loaded.number.description == sale.receipt { return loaded }
        return DocumentNumber(parsing: sale.receipt).map { DocumentKey(shop: config.shopCode, number: $0) }
    }

    /// The approval an unverified refund needs, or why the offline policy refuses it.
    func offlineChecks(_ amount: Money, sale: SaleRecord) -> Result<[ApprovalReason], Refusal> {
        guard config.central.configured, let key = saleKey(sale), crossTill.offlineFor == key else { return .success([]) }
        let policy = config.central.offlineRefunds
        if amount.minor > policy.perRefundLimitMinor {
            return .failure(.central(.offlineNotAllowed(sale: key, ownShop: config.shopCode, limit: .perRefund,
                                                        limitAmount: money(policy.perRefundLimitMinor), amount: amount)))
        }
        let shiftTotal = unverifiedThisShift(amount)
        if shiftTotal.minor > policy.perShiftLimitMinor {
            return .failure(.central(.offlineNotAllowed(sale: key, ownShop: config.shopCode, limit: .clerkPerShift,
                                                        limitAmount: money(policy.perShiftLimitMinor), amount: shiftTotal)))
        }
        return .success([.unverifiedRefund])
    }

    /// This shift's unverified refunds with `amount` added (nothing overflows: amounts are bounded by `ValueLimits`).
    private func unverifiedThisShift(_ amount: Money) -> Money {
        let earlier = crossTill.unverifiedShift == shift?.number ? crossTill.unverifiedThisShiftMinor : 0
        return money(earlier) + amount
    }

    /// With a central journal, a refund is reserved there before it is recorded here: returns
    /// nil when it asked (the answer records it), or the refund to record now (no central
    /// journal; or unverified, under the offline policy with the supervisor's approval).
    mutating func checkCentrally(_ record: RefundRecord, sale: SaleRecord, _ step: inout Step) -> RefundRecord? {
        guard config.central.configured, !config.training else { return record }
        guard let key = saleKey(sale) else {
            step.refuse(.receiptNotFound(reference: sale.receipt))
            return nil
        }
        if crossTill.offlineFor == key, record.approvals.contains(ApprovalReason.unverifiedRefund.kind) {
            var unverified = record
            unverified.unverified = true
            if let loaded = crossTill.loadedSale, loaded.key == key { unverified.foreignSale = loaded }
            if crossTill.unverifiedShift != shift?.number {
                crossTill.unverifiedShift = shift?.number ?? 0
                crossTill.unverifiedThisShiftMinor = 0
            }
            crossTill.unverifiedThisShiftMinor += record.total.minor
            crossTill.offlineFor = nil
            return unverified
        }
        var reserved = record
        if let loaded = crossTill.loadedSale, loaded.key == key { reserved.foreignSale = loaded }
        // This till's own sale travels with the reservation: it may not have been sent yet.
        let own = key.shop == config.shopCode && key.till == config.till ? sale : nil
        ask(.reservation(RefundReservation(sale: key, shop: config.shopCode, refund: reserved, ownSale: own)), about: key, &step)
        return nil
    }
}
