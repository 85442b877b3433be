import Crypto
import Foundation
import PostgresNIO
import Testing
@testable import TillCentral
import TillPorts

/// The central database verifies each till's chain as it arrives: whatever arrives, in whatever
/// order, with whatever faults (a gap, a fork, a broken link, a wrong MAC, a resend), what is
/// stored is exactly the contiguous prefix of the till's real chain, each refusal is recorded in
/// `central_refusal` with its problem, and nothing is stored twice.
@Suite struct ArrivalVerificationTests {
    static let genesis = String(repeating: "0", count: 64)

    /// A till's chain: entries linked by prevHash (the local hash is opaque to the central side).
    static func chain(_ count: Int, rng: inout Seeded, tag: String = "") -> [OutgoingEntry] {
        var previous = genesis
        return (1...count).map { seq in
            let payload = "{\"n\":\(rng.int(0...1_000_000)),\"t\":\"\(tag)\",\"名\":\"茶\"}"
            let hash = SHA256.hash(data: Array("\(seq)\(payload)\(previous)".utf8)).map { String(format: "%02x", $0) }.joined()
            defer { previous = hash }
            return OutgoingEntry(seq: Int64(seq), kind: "sale", reference: "S01-\(seq)", till: "01", shift: 1, userCode: "1001",
                                 at: 1_700_000_000 + Int64(seq), totalMinor: Int64(rng.int(1...99_999)), currency: "CNY",
                                 training: rng.int(0...5) == 0, payload: payload, prevHash: previous, hash: hash)
        }
    }

    enum Fault: CaseIterable { case inOrder, resend, skipAhead, fork, badMAC, badLink }

    @Test func storedIsAlwaysTheVerifiedPrefix() async throws {
        guard let database = try await TestDatabase.make("arrival") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        try await connection.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        let key = (0..<32).map { UInt8($0) }
        for (index, seed) in Seeded.seeds(count: 12, base: 0xA771_7A1).enumerated() {
            var rng = Seeded(seed: seed)
            let till = String(format: "%02d", index % 100)
            let shop = "7\(index % 10)"
            let real = Self.chain(rng.int(5...30), rng: &rng)
            _ = try await connection.run { db, logger in
                try await CentralReceiver.enrol(shop: shop, till: till, key: (id: "k\(index)", key: key), db, logger: logger)
            }
            var stored = 0                  // what the model says is stored (a prefix of `real`)
            var refusals: [String] = []
            for _ in 0..<rng.int(20...60) {
                let fault = Fault.allCases[rng.int(0...(Fault.allCases.count - 1))]
                var entry: OutgoingEntry
                var signingKey = key
                var expected: String
                switch fault {
                case .inOrder:
                    guard stored < real.count else { continue }
                    entry = real[stored]; expected = "stored"
                case .resend:
                    guard stored > 0 else { continue }
                    entry = real[rng.int(0...(stored - 1))]; expected = "duplicate"
                case .skipAhead:
                    guard stored + 1 < real.count else { continue }
                    entry = real[rng.int((stored + 1)...(real.count - 1))]; expected = "gap"
                case .fork:
                    guard stored > 0 else { continue }
                    entry = real[rng.int(0...(stored - 1))]
                    entry.payload += " "; expected = "fork"
                case .badMAC:
                    guard stored < real.count else { continue }
                    entry = real[stored]; signingKey = key.map { $0 ^ 1 }; expected = "mac"
                case .badLink:
                    guard stored < real.count else { continue }
                    entry = real[stored]; entry.prevHash = String(repeating: "f", count: 64); expected = "link"
                }
                let signed = CentralEntry(shop: shop, till: till, entry: entry, key: signingKey)
                let answers = try await connection.run { db, logger in try await CentralReceiver.receive([signed], db, logger: logger) }
                let got: String
                switch answers.first {
                case .stored?: got = "stored"
                case .duplicate?: got = "duplicate"
                case .refused(let problem, _)?: got = problem
                case nil: got = "nothing"
                }
                #expect(got == expected, "seed \(seed) (TILL_PROPERTY_SEED=\(seed)): \(fault) of entry \(entry.seq) answered \(got)")
                if got != expected { return }
                if expected == "stored" { stored += 1 }
                if !["stored", "duplicate"].contains(expected) { refusals.append(expected) }
            }
            // Exactly the prefix, in order, byte for byte; the head names its last entry.
            let rows = try await database.texts("SELECT seq || ' ' || hash || ' ' || payload FROM central_entry WHERE shop = '\(shop)' AND till = '\(till)' ORDER BY seq")
            let want = real.prefix(stored).map { "\($0.seq) \($0.hash) \($0.payload)" }
            #expect(rows == want, "seed \(seed): the central chain is not the verified prefix")
            let reported = try await database.texts("SELECT problem FROM central_refusal WHERE shop = '\(shop)' AND till = '\(till)' ORDER BY id")
            #expect(reported == refusals, "seed \(seed): refusals reported \(reported), expected \(refusals)")
        }
        await connection.drop()
    }

    /// The database itself refuses what the receiver would: a client that bypasses
    /// `central_receive` (psql, an old till) cannot store a gap, change or delete an entry,
    /// or move a chain's head.
    @Test func theDatabaseEnforcesTheChainForEveryClient() async throws {
        guard let database = try await TestDatabase.make("direct") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        try await connection.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        var rng = Seeded(seed: 7)
        let real = Self.chain(3, rng: &rng)
        let key: [UInt8] = Array(repeating: 9, count: 32)
        _ = try await connection.run { db, logger in
            _ = try await CentralReceiver.enrol(shop: "01", till: "01", key: (id: "k", key: key), db, logger: logger)
            return try await CentralReceiver.receive([CentralEntry(shop: "01", till: "01", entry: real[0], key: key)], db, logger: logger)
        }
        let gap = CentralEntry(shop: "01", till: "01", entry: real[2], key: key)
        let attacks: [String] = [
            "INSERT INTO central_entry VALUES ('01','01',3,'sale',NULL,NULL,NULL,NULL,1,NULL,NULL,false,'{}','\(real[1].hash)','\(real[2].hash)','\(gap.mac)',now(),NULL)",
            "UPDATE central_entry SET payload = '{}' WHERE seq = 1",
            "DELETE FROM central_entry WHERE seq = 1",
            "TRUNCATE central_entry CASCADE",
            "UPDATE central_till SET last_seq = 2, last_hash = 'x'",
            "DELETE FROM central_till",
        ]
        for attack in attacks {
            await #expect(throws: CentralFailure.self, "\(attack) must be refused") {
                try await connection.run { db, logger in try await db.query(PostgresQuery(unsafeSQL: attack), logger: logger) }
            }
        }
        #expect(try await database.texts("SELECT hash FROM central_entry") == [real[0].hash])
        await connection.drop()
    }
}
