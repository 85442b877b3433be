import TillCore

extension RegisterRuntime {
    /// Performs the core's central effects: a look-up or a reservation is asked (and waited for,
    /// unless `queuesCentralCalls`), a release is sent and forgotten. A till configured for a
    /// central journal whose connection this process lacks answers "unreachable", never hangs.
    func performCentral(_ effect: RegisterEffect) -> RegisterAction? {
        if case .releaseReservation(let reservation) = effect {
            central?.release(reservation)
            return nil
        }
        guard let central else {
            guard let id = effect.centralRequest else { return nil }
            return .centralAnswered(request: id, .failed(.unreachable(detail: "no connection to the central journal in this process")))
        }
        guard let (id, run) = central.operation(effect) else { return nil }
        if queuesCentralCalls {
            central.submit(id, run)
            return nil
        }
        let outcome = central.ask(run)
        if case .reserveRefund = effect { countUnverifiedRefunds() }
        return .centralAnswered(request: id, outcome)
    }

    /// Tells the core what this till's journal holds of unverified refunds in the open shift:
    /// the per-shift offline limit is counted from the journal, never only in this process.
    /// Called at start and before every reservation's answer (the offline decision follows it).
    func countUnverifiedRefunds() {
        guard let shift = state.shift, let ledger = journal as? any UnverifiedRefundLedger,
              let total = try? ledger.unverifiedRefunded(shift: shift.number, till: state.config.till) else { return }
        _ = Register.reduce(&state, .unverifiedRefundsCounted(shift: shift.number, total: total), now: now)
    }

    /// The unverified refunds this till's journal holds without a verdict go to the central
    /// caller's backlog (reconciled when the link allows).
    func resumeReconciliation() {
        guard let central, !state.config.training, let ledger = journal as? any UnverifiedRefundLedger,
              let pending = try? ledger.unreconciledRefunds(till: state.config.till) else { return }
        central.resume(pending.compactMap { reservation(for: $0) })
    }

    func reservation(for refund: RefundRecord) -> RefundReservation? {
        RefundReservation(committed: refund, shop: state.config.shopCode)
    }

    /// After a refund is committed: the central journal hears of it (confirmed, or reconciled).
    func centralCommitted(_ record: JournalRecord) {
        guard let central, case .refund(let refund, _) = record, let reservation = reservation(for: refund) else { return }
        central.committed(reservation, unverified: refund.unverified == true)
    }

    /// The answers of queued central calls that arrived since the last call, told to the core.
    /// Call it from the thread that calls `send` (the screen's loop).
    public func takeCentralAnswers() -> [RuntimeOutput] {
        guard let central else { return [] }
        let answers = central.take()
        // An answer to the open reservation may lead to an offline decision: counted first.
        if case .reservation? = state.crossTill.request?.kind, answers.contains(where: { $0.0 == state.crossTill.request?.id }) {
            countUnverifiedRefunds()
        }
        return answers.flatMap { send(.centralAnswered(request: $0.0, $0.1)) }
            + central.takeVerdicts().flatMap { send(.refundReconciled($0.0, $0.1)) }
            + central.takeConflictNotices().flatMap { send(.conflictsLoaded($0)) }
            + central.takeAwaitingNotices().flatMap { send(.awaitingSaleLoaded($0)) }
    }
}

extension RegisterEffect {
    var centralRequest: Int64? {
        switch self {
        case .lookUpCentrally(let id, _), .reserveRefund(let id, _): return id
        default: return nil
        }
    }
}
