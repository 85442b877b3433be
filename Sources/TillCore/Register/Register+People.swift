extension RegisterState {
    mutating func signIn(_ user: User, refunded: Money, _ step: inout Step) {
        self.user = user
        clerkRefundedThisShift = refunded
        step.run(.record(.event(AuditEvent(kind: .signedIn, at: step.now, user: user.code, training: config.training))))
        step.emit(.signedIn(user))
    }

    mutating func signOut(_ step: inout Step) {
        guard let user else { return step.refuse(.notSignedIn) }
        guard checkIdle(&step) else { return }
        step.run(.record(.event(AuditEvent(kind: .signedOut, at: step.now, user: user.code, training: config.training))))
        self.user = nil
        clerkRefundedThisShift = .zero(config.currency)
        lastCompleted = nil
        step.emit(.signedOut)
    }

    mutating func openDrawer(_ step: inout Step) {
        guard checkPermission(.openDrawer, &step), let user else { return }
        step.run(.record(.event(AuditEvent(kind: .drawerOpened, at: step.now, user: user.code, training: config.training))))
        // In training the drawer stays shut: trainees handle no real cash.
        if !config.training { step.run(.openDrawer) }
        step.emit(.drawerOpened)
    }

    mutating func cancel(_ step: inout Step) {
        if pendingApproval != nil {
            pendingApproval = nil
            step.emit(.cancelled(.approval))
            return
        }
        switch activity {
        case .idle:
            step.refuse(.nothingInProgress)
        case .selling(let draft) where !draft.tenders.isEmpty:
            // Money was already taken: it must be settled, not silently dropped.
            step.refuse(.busy(current: .payment))
        default:
            let kind = activity.kind ?? .sale
            finishActivity()
            step.emit(.cancelled(kind))
        }
    }
}
