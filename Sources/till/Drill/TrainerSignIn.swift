import TillCore
import TillJournal

/// Training is started by a trainer for a trainee: the trainer signs in (code and PIN, checked
/// against the shop's users with the usual lock-out) and must hold `runTraining`; the core's
/// `TrainerAuthorization` says what the journal keeps.
enum TrainerSignIn {
    static func authorize(_ env: TillEnvironment, trainer: String?, trainee: String, what: String) throws -> User {
        guard let trainer else {
            throw CLIError(code: "trainer_missing", en: "Training is started by a trainer: --trainer CODE is missing.",
                           zh: "培训须由培训员开始：缺少 --trainer 工号。",
                           remedyEn: "Add --trainer with a trainer's code; the PIN comes from $TILL_PIN or is asked for.",
                           remedyZh: "请加上 --trainer 培训员工号；密码取自 $TILL_PIN 或在提示时输入。")
        }
        let pin = try PinInput.read(prompt: "Trainer PIN for \(trainer): ")
        let now = TillClock().now
        let policy = env.config.register.policy
        let verdict = try env.journal.authenticate(code: trainer, pin: pin, now: now, policy: policy.lockout)
        // The core decides what the journal keeps (a refused PIN, the start); this only writes it.
        let decision = TrainerAuthorization.decide(verdict, code: trainer, trainee: trainee, what: what,
                                                   permissions: policy.permissions, at: now)
        for record in decision.records { _ = try env.journal.append(record) }
        switch decision.outcome {
        case .failure(let refusal): throw refusal
        case .success(let user): return user
        }
    }
}
