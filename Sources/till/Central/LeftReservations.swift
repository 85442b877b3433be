import TillCentral
import TillCore
import TillJournal

/// Reservations a till left behind: it reserved a refund centrally and stopped (killed, power
/// lost) before its journal kept the refund, so the central ledger counts those goods as
/// refunded for ever. Each is settled by the till that holds it, the only writer of its till
/// number, with this journal's till lock held (`TillLock`: no other process of this till can
/// be between a reservation and its commit): released when the journal does not keep the
/// refund, confirmed when it does (the confirmation was what got lost).
enum LeftReservations {
    struct Outcome: Equatable {
        var released: [String] = [], confirmed: [String] = []
    }

    /// Settles this till's held reservations, or only `refund` ("R02-000004") when given; `by`
    /// is recorded as who released them. Nil when the central journal did not answer.
    static func settle(journal: JournalDatabase, central: PostgresCentralJournal, only refund: String? = nil,
                       by: String) throws -> Outcome? {
        guard case .success(let held) = try Blocking.wait({ await central.heldReservations(onlyThisTill: true) }) else { return nil }
        var outcome = Outcome()
        for reservation in held where refund == nil || reservation.refund == refund {
            let committed = try journal.holdsRefund(reservation.refund)
            let key = reservation.refundKey
            guard case .success(true) = try Blocking.wait({ await central.settle(refundKey: key, committed: committed, by: by) }) else { continue }
            if committed { outcome.confirmed.append(reservation.refund) } else { outcome.released.append(reservation.refund) }
        }
        return outcome
    }
}

extension TillEnvironment {
    /// At a till's start (its lock taken): its own reservations left behind are settled, so
    /// goods a killed till held are returnable again. An unreachable central journal delays
    /// nothing more than the look-up timeout, and the next start tries again.
    func settleLeftReservations() {
        guard let settings = config.central else { return }
        let central = PostgresCentralJournal(settings: settings, lookupTimeoutMs: config.centralLookupTimeoutMs,
                                             till: config.register.till, centralKey: journal.centralKey())
        _ = try? LeftReservations.settle(journal: journal, central: central, by: "till \(config.register.till) at start")
        _ = try? Blocking.wait { await central.close() }
    }
}
