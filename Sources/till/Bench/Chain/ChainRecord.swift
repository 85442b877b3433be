import Foundation
import Synchronization

/// What the chain benchmark's threads share, under one Mutex: the timing samples, when each
/// document was committed at its till and first seen in the central journal, and the sales
/// seen centrally that are still there to refund. Times are the monotonic clock's nanoseconds
/// (one clock: every time is taken in the benchmark's own process).
final class ChainRecord: Sendable {
    struct State {
        var saleCommits: [UInt64] = []
        var refundCommits: [UInt64] = []
        var crossLookUps: [UInt64] = []
        var ownLookUps: [UInt64] = []
        var peerRoundTrips: [UInt64] = []
        var committedAt: [String: UInt64] = [:]
        var seenAt: [String: UInt64] = [:]
        /// Sales seen centrally and not refunded yet, by the till that made them.
        var refundable: [String: [String]] = [:]
        var sales = 0, refunds = 0, crossRefunds = 0
        var refusals: [String: Int] = [:]
        var failures: [String] = []
        var pids: [String: Int32] = [:]
        var killed = 0
        /// Tills signed in, and drivers done (their till ended).
        var ready = 0, finished = 0
        /// Selling starts once every till is ready, so the throughput's window holds all of them.
        var go = false
        var stopSelling = false
        var stopWatching = false
    }

    let state = Mutex(State())

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// A sale seen centrally to refund: one of `till`'s own (`own`), else another till's.
    func takeRefundable(for till: String, own: Bool) -> (receipt: String, madeAt: String)? {
        state.withLock { s in
            let candidates = s.refundable.keys.filter { own ? $0 == till : $0 != till }.sorted()
            guard !candidates.isEmpty else { return nil }
            let from = candidates[Int.random(in: 0..<candidates.count)]
            guard var list = s.refundable[from], !list.isEmpty else { return nil }
            let receipt = list.remove(at: Int.random(in: 0..<list.count))
            s.refundable[from] = list.isEmpty ? nil : list
            return (receipt, from)
        }
    }

    /// Documents committed at a till and not yet seen centrally.
    var unseen: Int {
        state.withLock { s in s.committedAt.keys.filter { s.seenAt[$0] == nil }.count }
    }

    /// Commit at the till → first seen centrally, per document seen (a document seen by the
    /// watch before its till's answer was read counts 0).
    func lags() -> [UInt64] {
        state.withLock { s in
            s.committedAt.compactMap { reference, committed in
                s.seenAt[reference].map { $0 > committed ? $0 - committed : 0 }
            }
        }
    }
}
