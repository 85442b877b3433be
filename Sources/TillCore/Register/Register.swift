/// The till's rules: `reduce(state, action, now)` changes the state and returns the effects to
/// perform. No I/O, no clock, no randomness: a test, a drill and the screen drive the same code
/// and get the same answers.
public enum Register {
    public static func reduce(_ state: inout RegisterState, _ action: RegisterAction, now: Timestamp) -> [RegisterEffect] {
        // Out-of-range or control-character input never reaches the rules; a change that would take
        // an open sale or return past its documented total is undone (see `ValueLimits`).
        if let refusal = action.inputRefusal(state.config) { return [.emit(.refused(refusal))] }
        let before = state
        var step = Step(now: now)
        state.apply(action, &step)
        if let refusal = state.totalRefusal() {
            state = before
            return [.emit(.refused(refusal))]
        }
        state.enforceApprovalBinding(&step)
        // A completed sale or refund is shown only until the till does something else: no stale
        // "change due" or "give back" figure over a new sale, a cancel or a park.
        if state.activity != .idle || step.cancelledSomething { state.lastCompleted = nil }
        return step.effects
    }
}

/// The effects collected while one action is handled.
struct Step {
    let now: Timestamp
    var effects: [RegisterEffect] = []

    mutating func emit(_ event: RegisterEvent) { effects.append(.emit(event)) }
    mutating func refuse(_ refusal: Refusal) { effects.append(.emit(.refused(refusal))) }
    mutating func run(_ effect: RegisterEffect) { effects.append(effect) }

    /// True when this action cancelled, parked or dismissed something (the ready screen starts clean).
    var cancelledSomething: Bool {
        effects.contains {
            switch $0 {
            case .emit(.cancelled), .emit(.saleParked), .emit(.confirmationNeeded): return true
            default: return false
            }
        }
    }
}

extension RegisterState {
    mutating func apply(_ action: RegisterAction, _ step: inout Step) {
        // A question asked first is answered (or dropped) before anything else happens.
        if answerConfirmation(action, &step) { return }
        if holdWhileCentralAnswers(action, &step) { return }
        closeSearchUnlessPicking(action)
        // The one permission table, checked before the action's own code (see PermissionRule).
        if case .holds(let permission) = action.permissionRule(during: activity) {
            guard checkPermission(permission, &step) else { return }
        }
        switch action {
        case .started(let shift, let sequences):
            self.shift = shift
            self.sequences = sequences
        case .signInRequested(let code, let pin):
            // Another person may take over the till only when nothing is half done.
            guard checkIdle(&step) else { return }
            step.run(.verifyCredentials(code: code, pin: pin, purpose: .signIn))
        case .signedIn(let user, let refunded):
            signIn(user, refunded: refunded, &step)
        case .signInRefused(let refusal, let code):
            step.run(.record(.event(AuditEvent(pinRefused: refusal, code: code, purpose: .signIn, at: step.now,
                                               training: config.training))))
            step.refuse(refusal)
        case .signOutRequested:
            signOut(&step)
        case .shiftOpenRequested(let float):
            openShift(float: float, &step)
        case .reportRequested(let kind):
            requestReport(kind, &step)
        case .shiftTotalsLoaded(let totals, let kind):
            printReport(totals, kind, &step)
        case .codeEntered(let code, let quantity):
            enterCode(code, quantity: quantity, &step)
        case .itemFound(let item, let taxClass, let code, let quantity, let lowest):
            itemFound(item, taxClass, code: code, quantity: quantity, lowestRecentPrice: lowest, &step)
        case .itemNotFound(let code):
            step.refuse(Self.diagnoseUnknown(code))
        case .itemWithdrawn(let withdrawal, let code):
            step.refuse(.itemNoLongerSold(code: code, withdrawal: withdrawal))
        case .quantityChanged(let line, let quantity):
            changeQuantity(line: line, quantity, &step)
        case .priceOverridden(let line, let price):
            overridePrice(line: line, price, resume: action, &step)
        case .lineDiscounted(let line, let discount):
            discountLine(line: line, discount, resume: action, &step)
        case .lineVoided(let line):
            voidLine(line, &step)
        case .tendered(let kind, let amount, let reference):
            tender(kind, amount: amount, reference: reference, &step)
        case .noReceiptToggled:
            toggleNoReceipt(&step)
        case .creditNoteLooked(let number, let note, let amount):
            redeemCreditNote(number, note, amount: amount, &step)
        case .refundStarted:
            startLookup(.refund, permission: .refundWithReceipt, &step)
        case .postVoidStarted:
            startLookup(.postVoid, permission: .postVoid, &step)
        case .blindReturnStarted:
            startBlindReturn(&step)
        case .receiptEntered(let text):
            enterReceipt(text, &step)
        case .saleLoaded(let sale):
            ownSaleLoaded(sale, &step)
        case .saleNotFound(let reference):
            saleNotFoundLocally(reference, &step)
        case .centralAnswered(let request, let outcome):
            centralAnswered(request: request, outcome, &step)
        case .unverifiedRefundsCounted(let shift, let total):
            countUnverified(shift: shift, total, &step)
        case .refundReconciled(let refund, let conflict):
            refundReconciled(refund, conflict, &step)
        case .conflictsLoaded(let notice):
            conflictsLoaded(notice, &step)
        case .awaitingSaleLoaded(let notice):
            awaitingSaleLoaded(notice, &step)
        case .refundQuantitySet(let line, let quantity):
            setRefundQuantity(line: line, quantity, &step)
        case .reasonChosen(let code):
            chooseReason(code, &step)
        case .refundTenderChosen(let kind, let reference):
            chooseRefundTender(kind, reference: reference, &step)
        case .customerReferenceEntered(let text):
            enterCustomerReference(text, &step)
        case .cashCounted(let count):
            countCash(count, &step)
        case .confirmed where closingShift != nil:
            confirmShiftClose(&step)
        case .cancelled where closingShift != nil && pendingApproval == nil:
            closingShift = nil
            step.emit(.cancelled(.zReport))
        case .confirmed:
            confirm(resume: action, &step)
        case .approverPINEntered(let code, let pin):
            guard pendingApproval != nil else { return step.refuse(.nothingInProgress) }
            step.run(.verifyCredentials(code: code, pin: pin, purpose: .approval))
        case .approverVerified(let approver):
            approverVerified(approver, &step)
        case .approverRefused(let refusal, let code):
            step.run(.record(.event(AuditEvent(pinRefused: refusal, code: code, purpose: .approval, at: step.now,
                                               training: config.training))))
            step.refuse(refusal)
        case .worldRefused(let refusal):
            step.refuse(refusal)
        case .scanRefused(let refusal):
            step.run(.record(.event(AuditEvent(kind: .refusal, at: step.now, user: user?.code, detail: "scan: " + refusal.code,
                                               training: config.training))))
            step.refuse(refusal)
        case .reprintRequested(let reference):
            requestReprint(reference, &step)
        case .slipLoaded(let stored, let asked):
            reprint(stored, asked: asked, &step)
        case .drawerOpenRequested:
            openDrawer(&step)
        case .refundDrawerOpenRequested(let refund):
            openDrawerForRefund(refund, resume: action, &step)
        case .slipPrinted(let reference):
            unprintedSlips[reference] = nil
            firstPrintOutcome(reference, printed: true)
            if lastCompleted?.reference == reference { lastCompleted?.slipPrinted = true }
            step.emit(.slipPrinted(reference: reference))
        case .slipFailed(let reference, let cause):
            unprintedSlips[reference] = cause
            firstPrintOutcome(reference, printed: false)
            if lastCompleted?.reference == reference { lastCompleted?.slipPrinted = false }
            step.emit(.slipNotPrinted(reference: reference, cause: cause))
        case .cancelled:
            cancel(&step)
        case .quitRequested:
            requestQuit(&step)
        case .parkRequested:
            park(&step)
        case .recallRequested(let reference):
            recall(reference, &step)
        case .parkedSalesRequested:
            step.run(.loadParkedSales)
        case .parkedSalesLoaded(let list, let next):
            parkedSalesLoaded(list, nextNumber: next, &step)
        case .tenderRemoved(let number):
            removeTender(number, &step)
        case .searchRequested(let query):
            requestSearch(query, &step)
        case .itemsFound(let query, let items):
            itemsFound(query, items, &step)
        }
    }

    // MARK: - Shared checks

    /// True when someone is signed in and may do `permission`; otherwise refuses and returns false.
    mutating func checkPermission(_ permission: Permission, _ step: inout Step) -> Bool {
        guard let user else { step.refuse(.notSignedIn); return false }
        guard config.policy.permissions.allows(user.role, permission) else {
            step.refuse(.notPermitted(role: user.role, permission: permission))
            return false
        }
        return true
    }

    /// True when a shift is open; otherwise refuses.
    func checkShift(_ step: inout Step) -> Bool {
        guard shift != nil else { step.refuse(.noOpenShift); return false }
        return true
    }

    /// True when nothing else is in progress; otherwise refuses with what is.
    func checkIdle(_ step: inout Step) -> Bool {
        if pendingApproval != nil { step.refuse(.busy(current: .approval)); return false }
        if let kind = activity.kind { step.refuse(.busy(current: kind)); return false }
        return true
    }

    func money(_ minor: Int64) -> Money { config.money(minor) }

    /// Ends a sale, refund or post-void the same way: the record first (the runtime writes it
    /// before anything else happens), then the slip, the drawer when cash moved (never in
    /// training), and the outcome for the screen.
    /// `printSlip` false only for a sale whose customer wanted no receipt: a refund or post-void
    /// always prints.
    mutating func complete(_ record: JournalRecord, slip: SlipDocument, tenders: [Tender], _ completion: Completion,
                           _ event: RegisterEvent, printSlip: Bool = true, _ step: inout Step) {
        step.run(.record(record))
        let print = printSlip || slip.kind != .sale
        step.run(print ? .print(slip) : .leaveUnprinted(reference: slip.reference))
        if !config.training, tenders.contains(where: { $0.kind == .cash }) { step.run(.openDrawer) }
        lastCompleted = completion
        lastCompleted?.receiptDeclined = !print
        lastDocument = completion.reference
        finishActivity()
        step.emit(event)
    }

    /// Ends the current activity: approvals granted for it lapse.
    mutating func finishActivity() {
        activity = .idle
        approval = nil
        pendingApproval = nil
    }

    static func diagnoseUnknown(_ code: String) -> Refusal {
        if case .wrongCheckDigit(let expected, let found) = GTIN.verify(code) {
            return .barcodeCheckDigitWrong(code: code, expected: expected, found: found)
        }
        return .unknownItem(code: code)
    }

    func reason(_ code: String, in list: [ReasonCode]) -> ReasonCode? {
        list.first { $0.code.uppercased() == code.uppercased() }
    }
}
