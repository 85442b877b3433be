import TillCore
import TillRuntime

extension ScreenState {
    /// Takes in what the runtime reported for one action. `lastSlip` is the slip the printer was
    /// last given, so a report is shown exactly as it printed.
    public mutating func absorb(_ outputs: [RuntimeOutput], state: RegisterState, lastSlip: SlipDocument?) {
        for output in outputs {
            switch output {
            case .error(let error):
                message = .failure(error.report)
            case .event(let event):
                absorb(event, lastSlip: lastSlip)
            }
        }
        reconcile(with: state)
    }

    mutating func absorb(_ event: RegisterEvent, lastSlip: SlipDocument?) {
        switch event {
        case .refused(let refusal):
            message = .refusal(refusal)
        case .signedIn(let user):
            message = .info(ScreenText.welcome(user.name))
            lastRefund = nil
        case .signedOut:
            message = .info(ScreenText.signedOut)
            lastRefund = nil
        case .shiftOpened(let n):
            message = .info(ScreenText.shiftOpened(n))
        case .lineAdded, .lineChanged:
            selection = nil
        case .tenderAccepted(let tender, let due):
            message = .info(ScreenText.tenderTaken(tender.kind, tender.amount, due: due))
        case .saleCompleted:
            selection = nil
        case .noReceiptChosen(let on):
            message = .info(on ? ScreenText.noReceiptOn(reprintKey: keymap.keyName(.reprint)) : ScreenText.noReceiptOff)
        case .saleFound:
            step = .items
            selection = 0
            listChoice = 0
        case .refundQuantityChosen, .refundSplitShown, .approvalNeeded, .slipNotPrinted:
            break
        case .creditNoteRedeemed(let number, let amount, let left):
            message = .info(ScreenText.creditNoteRedeemed(number, amount: amount, left: left))
        case .approvalGranted(let by, _):
            message = .info(ScreenText.approved(by: by))
        case .refundCompleted(let number, let total, let tenders):
            lastRefund = RefundOutcome(number: number, total: total, tenders: tenders)
        case .postVoidCompleted(let number, let total):
            message = .info(ScreenText.voidDone(number, total))
        case .reportPrinted:
            if let lastSlip { report = PlainTextSlipRenderer.render(lastSlip, columns: 42); reportScroll = 0 }
        case .slipPrinted(let reference):
            message = .info(ScreenText.reprinted(reference))
        case .cancelled:
            message = .info(ScreenText.cancelled)
        case .drawerOpened:
            message = .info(ScreenText.drawerOpened)
        case .confirmationNeeded, .confirmationDismissed, .quitAllowed, .saleParked, .saleRecalled, .parkedSalesListed,
             .tenderRemoved, .itemsFound, .searchClosed:
            absorbSaleFlow(event)
        case .centralLookupStarted(let sale):
            message = .info(ScreenText.lookingUpCentrally(sale))
        case .centralCheckStarted(let refund, _):
            message = .info(ScreenText.checkingCentrally(refund))
        case .conflictsWaiting(let notice):
            message = .info(ScreenText.conflictsWaiting(notice))
        case .refundsAwaitingSale(let notice):
            message = .info(ScreenText.refundsAwaitingSale(notice))
        case .cashCountNeeded(let expected):
            message = .info(ScreenText.countTheDrawer(expected))
        case .cashCountTaken(let expected, let counted, let overShort):
            message = .info(ScreenText.cashCountTaken(expected: expected, counted: counted, overShort: overShort))
        }
    }

    /// Keeps the screen's steps in line with the core: a new activity starts at its first step,
    /// a step whose choice the core did not take goes back to it.
    public mutating func reconcile(with state: RegisterState) {
        let kind = state.activity.kind
        if kind != seenActivity {
            step = .items
            listChoice = 0
            if case .refunding = state.activity { selection = 0 } else { selection = nil }
            seenActivity = kind
            if kind != nil { lastRefund = nil }
        }
        switch state.activity {
        case .refunding(let draft) where draft.reason == nil && (step == .tender || step == .confirm):
            step = .reason
        case .blindReturn(let draft) where draft.reason == nil && (step == .tender || step == .confirm):
            step = .reason
        case .voiding(let draft) where draft.reason == nil && step == .confirm:
            step = .reason
        default:
            break
        }
        if state.pendingApproval == nil { approver = .code }
        if state.user == nil { cardTender = nil; pendingQuantity = nil }
    }
}
