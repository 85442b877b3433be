extension RegisterState {
    /// Handles the answer to a question asked first (`Confirmation`); true when `action` was
    /// the answer. Any other action by the clerk drops the question: what was asked about
    /// is no longer what the clerk is doing. Answers from the world (a slip printed) leave it.
    mutating func answerConfirmation(_ action: RegisterAction, _ step: inout Step) -> Bool {
        guard let question = confirmation else { return false }
        switch action {
        case .confirmed:
            confirmation = nil
            switch question {
            case .cancelActivity: cancelConfirmed(&step)
            case .quit: quitConfirmed(&step)
            }
            return true
        case .cancelled:
            confirmation = nil
            step.emit(.confirmationDismissed)
            return true
        case .slipPrinted, .slipFailed, .parkedSalesLoaded, .itemFound, .itemNotFound, .itemWithdrawn, .itemsFound,
             .unverifiedRefundsCounted, .refundReconciled, .conflictsLoaded, .awaitingSaleLoaded:
            // The world's news in the background leaves the question open.
            return false
        default:
            confirmation = nil
            return false
        }
    }

    /// Cancel (Esc): an approval being asked for goes first; an open sale with lines is asked
    /// about first (its lines would be lost); other activities hold no money and go at once.
    mutating func cancel(_ step: inout Step) {
        if pendingApproval != nil {
            pendingApproval = nil
            step.emit(.cancelled(.approval))
            return
        }
        if search != nil {
            search = nil
            return step.emit(.searchClosed)
        }
        switch activity {
        case .idle:
            step.refuse(.nothingInProgress)
        case .selling(let draft) where !draft.tenders.isEmpty:
            // Money was already taken: it must be settled or its tenders removed, not silently dropped.
            step.refuse(.tendersTaken(count: draft.tenders.count))
        case .selling(let draft) where !draft.lines.isEmpty:
            // Even a sale whose lines were all voided is asked about and audited: items were rung up.
            confirmation = .cancelActivity(.sale)
            step.emit(.confirmationNeeded(.cancelActivity(.sale)))
        default:
            let kind = activity.kind ?? .sale
            finishActivity()
            step.emit(.cancelled(kind))
        }
    }

    /// The clerk said yes to cancelling the open sale: it goes, and the journal keeps who
    /// cancelled what, for how much.
    private mutating func cancelConfirmed(_ step: inout Step) {
        guard case .selling(let draft) = activity, draft.tenders.isEmpty else { return cancel(&step) }
        let total = draft.totals.gross
        step.run(.record(.event(AuditEvent(kind: .saleCancelled, at: step.now, user: user?.code,
                                           detail: Self.describe(draft), training: config.training,
                                           sale: draft, amount: total))))
        finishActivity()
        step.emit(.cancelled(.sale))
    }

    /// The quit key. Nothing open: quit. A payment half taken: refused (settle it or remove its
    /// tenders). Anything else open: asked first; yes parks an open sale and drops the rest.
    mutating func requestQuit(_ step: inout Step) {
        if case .selling(let draft) = activity, !draft.tenders.isEmpty {
            return step.refuse(.tendersTaken(count: draft.tenders.count))
        }
        guard activity != .idle || pendingApproval != nil else { return step.emit(.quitAllowed) }
        confirmation = .quit
        step.emit(.confirmationNeeded(.quit))
    }

    private mutating func quitConfirmed(_ step: inout Step) {
        pendingApproval = nil
        approval = nil
        if case .selling(let draft) = activity, draft.lines.contains(where: { !$0.voided }) {
            park(&step)
            guard activity == .idle else { return }  // the park was refused: say why, stay
        } else if activity != .idle {
            let kind = activity.kind ?? .sale
            finishActivity()
            step.emit(.cancelled(kind))
        }
        step.emit(.quitAllowed)
    }

    /// "2 lines: Jasmine tea ×2, Mug" — what a cancelled or parked sale held, for the audit entry.
    static func describe(_ draft: SaleDraft) -> String {
        let lines = draft.lines.filter { !$0.voided }
        let items = lines.map { $0.quantity == .one && !$0.weighed ? $0.sku : "\($0.sku) ×\($0.quantityText)" }
        return "\(lines.count) line\(lines.count == 1 ? "" : "s"): " + items.joined(separator: ", ")
    }
}
