import Foundation
import PostgresNIO
import TillCentral

/// The chain benchmark's view of the central journal, on its own connection: polls every few
/// milliseconds for entries stored since the last poll (each document's first-seen time is the
/// poll's answer, an upper bound on when it became visible), offers the sales it sees for
/// refunds, and times a plain `SELECT 1` on the same connection each round: the named peer, the
/// least any central call costs on this server under the same load.
struct CentralWatch: Sendable {
    let settings: CentralSettings
    let tills: [String]
    let record: ChainRecord

    func run() async throws {
        let connection = CentralConnection(settings: settings)
        // The schema, in case the watch is first (an advisory lock serialises it with the tills').
        try await connection.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        var cursor: [String: Int64] = Dictionary(uniqueKeysWithValues: tills.map { ($0, 0) })
        let shop = settings.shop
        while !record.state.withLock({ $0.stopWatching }) {
            let names = tills, seqs = tills.map { cursor[$0] ?? 0 }
            let rows = try await connection.run { db, logger in
                let started = ChainRecord.now()
                _ = try await db.query("SELECT 1", logger: logger).collect()
                let peer = ChainRecord.now() - started
                var found: [(String, Int64, String, String?)] = []
                let result = try await db.query("""
                    SELECT e.till, e.seq, e.kind, e.reference FROM central_entry e
                    JOIN unnest(\(names)::text[], \(seqs)::bigint[]) AS c(till, seq) ON e.till = c.till AND e.seq > c.seq
                    WHERE e.shop = \(shop)
                    """, logger: logger)
                for try await row in result.decode((String, Int64, String, String?).self) { found.append(row) }
                return (peer, found, ChainRecord.now())
            }
            let (peer, found, seen) = rows
            for (till, seq, _, _) in found { cursor[till] = max(cursor[till] ?? 0, seq) }
            record.state.withLock { s in
                s.peerRoundTrips.append(peer)
                for (till, _, kind, reference) in found {
                    guard let reference, kind == "sale" || kind == "refund" else { continue }
                    if s.seenAt[reference] == nil { s.seenAt[reference] = seen }
                    // Only the benchmark's own sales: the demo data's are old or refunded already.
                    if kind == "sale", s.committedAt[reference] != nil { s.refundable[till, default: []].append(reference) }
                }
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        await connection.drop()
    }
}
