import Foundation

/// The chain benchmark's printed figures, one line each: a name, then p50/p99 from the sorted
/// samples (or the rate), then how many samples and what was timed.
struct ChainFigures {
    struct Window {
        var nanos: UInt64
        var sales: Int
        var refunds: Int
    }

    let record: ChainRecord
    let window: Window
    let tills: Int
    let watchFailure: String?
    /// The look-ups made with the selling tills stopped (`QuietLookUps`), if they ran.
    var quiet: QuietLookUps.Figures?
    var quietFailure: String?

    func print() {
        let s = record.state.withLock { $0 }
        let lags = record.lags()
        let seconds = Double(window.nanos) / 1e9
        Output.line(Self.padded("throughput") + String(format: "%.1f transactions/s   (%d sales + %d refunds by %d tills in %.1f s; %d refunds of another till's sale)",
                           Double(window.sales + window.refunds) / max(seconds, 0.001),
                           window.sales, window.refunds, tills, seconds, s.crossRefunds))
        line("sale commit at the till", s.saleCommits, "cash → saleCompleted: core, chained SQLite commit, fsync")
        line("refund commit at the till", s.refundCommits, "confirm → refundCompleted: central reservation, then the local commit")
        line("replication lag", lags, "commit at the till → seen centrally; the outbox sends after each commit, and every 1 s")
        line("cross-till look-up", s.crossLookUps, "receipt of another till → saleFound, through the central journal; target p99 < 20 ms")
        line("own-till look-up", s.ownLookUps, "receipt of this till → saleFound")
        line("peer: SELECT 1 round trip", s.peerRoundTrips, "same server, same load, the benchmark's own connection")
        if let quiet {
            line("quiet cross-till look-up", quiet.lookUps, "the same look-up by one more till after the load, the others stopped")
            line("quiet peer: SELECT 1", quiet.peers, "the benchmark's own connection, just before each quiet look-up")
        }
        if let quietFailure { Output.line("failed: the quiet look-ups: \(quietFailure)") }
        let unseen = s.committedAt.keys.filter { s.seenAt[$0] == nil }.count
        if unseen > 0 { Output.line("not seen centrally within the drain time: \(unseen) documents (left out of the lag)") }
        if !s.refusals.isEmpty {
            Output.line("refused: " + s.refusals.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        }
        for failure in s.failures { Output.line("failed: \(failure)") }
        if let watchFailure { Output.line("failed: the central watch: \(watchFailure)") }
        let pids = s.pids.sorted { $0.key < $1.key }.map { "\($0.value)" }.joined(separator: " ")
        Output.line("stopped \(s.finished) tills (pids \(pids)); \(s.killed) had to be killed")
    }

    private func line(_ name: String, _ nanos: [UInt64], _ what: String) {
        let samples = Samples(nanos: nanos)
        guard !nanos.isEmpty else { return Output.line(Self.padded(name) + "no samples   (\(what))") }
        Output.line(Self.padded(name) + "p50 \(ms(samples.p50))  p99 \(ms(samples.p99))   (\(nanos.count) samples: \(what))")
    }

    static func padded(_ name: String) -> String { name.padding(toLength: 30, withPad: " ", startingAt: 0) }
}
