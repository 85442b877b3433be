import TillCore
import TillJournal

/// Training is started by a trainer for a trainee: the trainer signs in (code and PIN, checked
/// against the shop's users with the usual lock-out) and must hold `runTraining`. The start is
/// written to the journal with both names.
enum TrainerSignIn {
    static func authorize(_ env: TillEnvironment, trainer: String?, trainee: String, what: String) throws -> User {
        guard let trainer else {
            throw CLIError(en: "Training is started by a trainer: --trainer CODE is missing.",
                           zh: "培训须由培训员开始：缺少 --trainer 工号。",
                           remedyEn: "Add --trainer with a trainer's code; the PIN comes from $TILL_PIN or is asked for.",
                           remedyZh: "请加上 --trainer 培训员工号；密码取自 $TILL_PIN 或在提示时输入。")
        }
        let pin = try PinInput.read(prompt: "Trainer PIN for \(trainer): ")
        let now = TillClock().now
        let policy = env.config.register.policy
        switch try env.journal.authenticate(code: trainer, pin: pin, now: now, policy: policy.lockout) {
        case .failure(let refusal):
            throw refusal
        case .success(let user):
            guard policy.permissions.allows(user.role, .runTraining) else {
                throw CLIError(Refusal.notPermitted(role: user.role, permission: .runTraining))
            }
            _ = try env.journal.append(.event(AuditEvent(kind: .trainingStarted, at: now, user: user.code,
                                                      detail: "\(what) for \(trainee)", training: false)))
            return user
        }
    }
}
