import TillCentral
import TillCore
import TillJournal

/// `till central sync`'s second half: every unverified refund of this till without a verdict is
/// reconciled with the central journal, and the verdict (verified, or the conflict) is appended
/// to this till's journal, once per refund (the journal refuses a second: a running till may
/// have recorded it first, and then that one stands).
struct UnverifiedRefundSync {
    let env: TillEnvironment
    let settings: CentralSettings

    struct Outcome {
        var attempted = 0, verified = 0, conflicts = 0, pending = 0

        func summary(_ language: Language) -> String {
            language == .zh
                ? "未核实退款：核对 \(verified + conflicts) 笔（\(conflicts) 笔冲突，见 `till central conflicts`）；待核对 \(pending) 笔。"
                : "Unverified refunds: reconciled \(verified + conflicts) (\(conflicts) conflicts, see `till central conflicts`); pending \(pending)."
        }
    }

    func run() throws -> Outcome {
        let journal = env.journal, shop = env.config.register.shopCode
        let pending = try journal.unreconciledRefunds(till: env.config.register.till)
        var outcome = Outcome(attempted: pending.count)
        guard !pending.isEmpty else { return outcome }
        let central = PostgresCentralJournal(settings: settings, lookupTimeoutMs: env.config.centralLookupTimeoutMs,
                                             till: env.config.register.till, centralKey: env.journal.centralKey())
        for refund in pending {
            guard let reservation = RefundReservation(committed: refund, shop: shop) else { continue }
            let answer = try Blocking.wait { await central.reconcile(reservation) }
            guard case .success(let conflict) = answer else {
                outcome.pending += 1
                continue
            }
            do {
                try journal.append(.event(AuditEvent(reconciled: refund, conflict: conflict, at: env.clock.now)))
            } catch JournalError.refused(.reconciliationRefused(_, alreadyReconciled: true)) {
                // The running till recorded the same verdict first.
            }
            if conflict == nil { outcome.verified += 1 } else { outcome.conflicts += 1 }
        }
        _ = try? Blocking.wait { await central.close() }
        return outcome
    }
}
