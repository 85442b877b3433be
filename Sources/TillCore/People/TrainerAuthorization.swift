/// Training is started by a trainer for a trainee (`till drill`, `till run --training`): the
/// trainer's PIN is checked by the command against the shop's users, and this decides what
/// follows and what the journal keeps, as the till's core does for a sign-in. A refused PIN is
/// kept like any refused PIN; a trainer without `runTraining` is refused; a start is kept with
/// both names.
public enum TrainerAuthorization {
    public struct Decision: Hashable, Sendable {
        /// What the journal keeps, in order.
        public var records: [JournalRecord]
        /// The trainer, or why training does not start.
        public var outcome: Result<User, Refusal>
    }

    public static func decide(_ verdict: Result<User, Refusal>, code: String, trainee: String, what: String,
                              permissions: RolePermissions, at now: Timestamp) -> Decision {
        switch verdict {
        case .failure(let refusal):
            let refused = AuditEvent(pinRefused: refusal, code: code, purpose: .training, at: now, training: false)
            return Decision(records: [.event(refused)], outcome: .failure(refusal))
        case .success(let user):
            guard permissions.allows(user.role, .runTraining) else {
                return Decision(records: [], outcome: .failure(.notPermitted(role: user.role, permission: .runTraining)))
            }
            let started = AuditEvent(kind: .trainingStarted, at: now, user: user.code, detail: "\(what) for \(trainee)",
                                     training: false)
            return Decision(records: [.event(started)], outcome: .success(user))
        }
    }
}
