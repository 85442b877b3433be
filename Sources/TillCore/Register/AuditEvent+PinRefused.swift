extension AuditEvent {
    /// Every refused PIN leaves one entry: a lock-out as `lockedOut`, anything else as
    /// `signInRefused`; `purpose` says what the PIN was for (the till's sign-in, a supervisor's
    /// approval, a trainer starting training).
    public init(pinRefused refusal: Refusal, code: String, purpose: RegisterEffect.CredentialPurpose, at: Timestamp,
                training: Bool) {
        let kind: Kind = if case .lockedOut = refusal { .lockedOut } else { .signInRefused }
        self.init(kind: kind, at: at, user: code, detail: purpose.rawValue, training: training)
    }
}
