extension RegisterState {
    mutating func signIn(_ user: User, refunded: Money, _ step: inout Step) {
        self.user = user
        clerkRefundedThisShift = refunded
        step.run(.record(.event(AuditEvent(kind: .signedIn, at: step.now, user: user.code, training: config.training))))
        step.emit(.signedIn(user))
        // A supervisor hears of refund conflicts waiting for review as they sign in.
        askConflicts(for: user, &step)
    }

    mutating func signOut(_ step: inout Step) {
        guard let user else { return step.refuse(.notSignedIn) }
        guard checkIdle(&step) else { return }
        step.run(.record(.event(AuditEvent(kind: .signedOut, at: step.now, user: user.code, training: config.training))))
        self.user = nil
        crossTill.conflictsAskedFor = nil
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
}
