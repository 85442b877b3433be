import Foundation
import Testing
import TillCentral
import TillCore
import TillJournal
import TillPorts

/// Catalog, prices and tax classes published centrally reach every till as chained entries of
/// the till's own journal; only what changed is written; a till offline keeps its last copy.
@Suite struct CatalogPublicationTests {
    static let t0 = Timestamp(seconds: 1_790_000_000)
    static let standard = TaxClass(id: "STD", name: "Standard 13%", rateBasisPoints: 1300, inclusive: true)
    static let reduced = TaxClass(id: "RED", name: "Reduced 9%", rateBasisPoints: 900, inclusive: true)

    static func catalog(_ rng: inout Seeded) -> [CatalogItem] {
        (0..<rng.int(1...12)).map { n in
            CatalogItem(sku: "SKU\(n)", barcodes: rng.int(0...1) == 0 ? ["690\(n)0000"] : [], name: "Item \(n) 茶",
                        price: Money(minor: Int64(rng.int(1...99_999)), currency: .cny), taxClassID: rng.int(0...1) == 0 ? "STD" : "RED")
        }
    }

    @Test func publishedCatalogsReachTheTillAsItsOwnEntries() async throws {
        guard let database = try await TestDatabase.make("publish") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        let till = try JournalDatabase.inMemory(clock: { Self.t0 })
        for seed in Seeded.seeds(count: 4, base: 0xCA7A_1000) {
            var rng = Seeded(seed: seed)
            let items = Self.catalog(&rng)
            try await CatalogPublication.publish(taxClasses: [Self.standard, Self.reduced], items: items, by: "9001", shop: "01",
                                                 connection: connection)
            let before = try till.outboxState().head
            let pulled = try await CatalogPublication.pull(into: till, shop: "01", connection: connection)
            #expect(pulled != nil, "seed \(seed)")
            for item in items { #expect(try till.item(code: item.sku) == item, "seed \(seed) (TILL_PROPERTY_SEED=\(seed)): \(item.sku)") }
            // Each applied change is a chained entry naming who published it; nothing new, nothing written.
            let written = try till.entries(after: before, limit: 100)
            #expect(written.allSatisfy { ["catalog", "taxClasses"].contains($0.kind) && $0.userCode == "9001" },
                    "seed \(seed): \(written.map(\.kind))")
            let head = try till.outboxState().head
            #expect(try await CatalogPublication.pull(into: till, shop: "01", connection: connection) == nil)
            #expect(try till.outboxState().head == head)
        }
        // Another shop's publication is not this till's.
        try await CatalogPublication.publish(taxClasses: [Self.standard], items: [], by: "9001", shop: "02", connection: connection)
        #expect(try await CatalogPublication.pull(into: till, shop: "01", connection: connection) == nil)
        await connection.drop()

        // Offline: the pull fails with cause and remedy, the till keeps its copy.
        let count = try till.itemCount()
        var offline = database.settings
        offline.address = CentralAddress(endpoint: .socket(folder: "/nonexistent-\(UUID().uuidString.prefix(6))", port: 5432),
                                         user: "till", database: "till")
        await #expect(throws: CentralFailure.self) {
            try await CatalogPublication.pull(into: till, shop: "01", connection: CentralConnection(settings: offline))
        }
        #expect(try till.itemCount() == count)
    }
}
