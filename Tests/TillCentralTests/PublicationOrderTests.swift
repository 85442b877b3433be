import Foundation
import Testing
import TillCentral
import TillCore
import TillJournal
import TillPorts

/// Two or three back offices publishing at once, each on its own connection, while a watcher
/// and a till read: revisions are numbered and stored in one serialised transaction, so a
/// revision never becomes visible after a newer one (the watcher), the revisions are 1…N with
/// no gap, and the till's pulled revisions only ever rise and end at the newest, whose
/// catalog it then holds. Generated counts and catalogs; the seed is printed on failure.
@Suite struct PublicationOrderTests {
    static let t0 = Timestamp(seconds: 1_790_000_000)
    static let vat = TaxClass(id: "VAT", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)

    /// How many publishers have finished; the watcher and the till read until all have.
    actor Finished {
        var count = 0
        func one() { count += 1 }
    }

    @Test func concurrentPublishersFinishInRevisionOrder() async throws {
        guard let database = try await TestDatabase.make("puborder") else { return }
        defer { Task { await database.drop() } }
        let key = ChainUserKey.generate()
        let signer = CatalogPublication.Signer(keyID: key.id, sign: { key.sign($0) })
        let settings = database.settings
        // The schema first, so the racers meet a ready database.
        try await CentralConnection(settings: settings).run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        var published = 0
        for seed in Seeded.seeds(count: 3, base: 0x0AD3_2000) {
            var rng = Seeded(seed: seed)
            let context = "seed \(seed) (TILL_PROPERTY_SEED=\(seed))"
            let publishers = rng.int(2...3), each = rng.int(2...5)
            let prices = (0..<publishers).map { _ in (0..<each).map { _ in Int64(rng.int(1...99_999)) } }
            let till = try JournalDatabase.inMemory(pinHashRounds: 10, chainUserKey: key, clock: { Self.t0 })
            let done = Finished()

            // The watcher: every revision it sees appear is above every one it saw before.
            let watcher = Task { () -> [String] in
                let connection = CentralConnection(settings: settings)
                var seen: Set<Int64> = [], faults: [String] = []
                while await done.count < publishers {
                    let now = try await connection.run { db, logger -> Set<Int64> in
                        var revisions: Set<Int64> = []
                        for try await r in try await db.query("SELECT revision FROM central_publication", logger: logger).decode(Int64.self) {
                            revisions.insert(r)
                        }
                        return revisions
                    }
                    let fresh = now.subtracting(seen)
                    if let oldest = fresh.min(), let newest = seen.max(), oldest < newest {
                        faults.append("revision \(oldest) appeared after \(newest)")
                    }
                    seen.formUnion(now)
                }
                await connection.drop()
                return faults
            }
            // The till pulls as they publish: its revision only ever rises.
            let puller = Task { () -> [Int64] in
                let connection = CentralConnection(settings: settings)
                var revisions: [Int64] = []
                while await done.count < publishers {
                    if let pulled = try await CatalogPublication.pull(into: till, shop: "01", connection: connection) {
                        revisions.append(pulled.revision)
                    }
                }
                await connection.drop()
                return revisions
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (n, list) in prices.enumerated() {
                    group.addTask {
                        let connection = CentralConnection(settings: settings)
                        for price in list {
                            let item = CatalogItem(sku: "TEA", barcodes: [], name: "Tea from back office \(n)",
                                                   price: Money(minor: price, currency: .cny), taxClassID: "VAT")
                            try await CatalogPublication.publish(taxClasses: [Self.vat], items: [item], signer: signer, by: "9001",
                                                                 shop: "01", connection: connection)
                        }
                        await connection.drop()
                        await done.one()
                    }
                }
                try await group.waitForAll()
            }
            let faults = try await watcher.value
            let pulls = try await puller.value
            #expect(faults.isEmpty, "\(context): \(faults)")
            published += publishers * each
            let revisions = try await database.texts("SELECT revision::text FROM central_publication ORDER BY central_publication.revision")
            #expect(revisions == (1...published).map(String.init), "\(context): \(revisions)")
            #expect(zip(pulls, pulls.dropFirst()).allSatisfy { $0 < $1 }, "\(context): pulled \(pulls)")
            // Once all are in, the till catches up to the newest and holds exactly its catalog.
            let connection = CentralConnection(settings: settings)
            _ = try await CatalogPublication.pull(into: till, shop: "01", connection: connection)
            let newest = try #require(try await CatalogPublication.newest(after: 0, shop: "01", connection: connection))
            await connection.drop()
            #expect(try till.pulledRevision() == newest.revision, "\(context)")
            #expect(try till.item(code: "TEA") == newest.items.first, "\(context)")
        }
        // psql or an old back office cannot store a revision below the newest either.
        let refused = try? await database.texts("""
            INSERT INTO central_publication (revision, shop, published_by, tax_classes, items) VALUES (0, '01', 'x', '[]', '[]') RETURNING 'x'
            """)
        #expect(refused == nil, "a revision below the newest was stored")
    }
}
