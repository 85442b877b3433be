import Synchronization

/// Wakes one waiter early: `ring()` after a local commit, `wait(upTo:)` in the outbox's loop. A
/// ring while nobody waits is kept (once), so a commit made during a send is sent right after
/// it; rings while one is kept add nothing. The waiter also wakes at the time given (the
/// periodic retry) and when its task is cancelled.
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
        /// Which wait the waiter belongs to, so a late timer cannot wake a later wait.
        var turn: UInt64 = 0
    }

    private let state = Mutex(State())

    func ring() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard let waiter = s.waiter else {
                s.rung = true
                return nil
            }
            s.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the first of: a ring (now or kept from before), `limit`, cancellation.
    func wait(upTo limit: Duration) async {
        let turn = state.withLock { s -> UInt64? in
            if s.rung {
                s.rung = false
                return nil
            }
            s.turn &+= 1
            return s.turn
        }
        guard let turn else { return }
        let timer = Task { [self] in
            try? await Task.sleep(for: limit)
            wake(turn)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let early = state.withLock { s -> Bool in
                    // Rung, timed out or cancelled before the continuation existed: go at once.
                    if s.rung || s.turn != turn {
                        s.rung = false
                        return true
                    }
                    s.waiter = continuation
                    return false
                }
                if early { continuation.resume() }
            }
        } onCancel: {
            wake(turn)
        }
        timer.cancel()
    }

    /// Ends wait `turn` if it is still the one waiting (the timer's and cancellation's wake).
    private func wake(_ turn: UInt64) {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard s.turn == turn else { return nil }
            s.turn &+= 1   // this wait is over: a continuation made after this goes at once
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }
}
