import Foundation
import Testing
import TillCentral
import TillCore
import TillJournal
import TillPorts

/// A central catalog revision a till must not take, whoever wrote it (psql, an old back office):
/// a tax rate outside 0–100 % (-100 % divides every inclusive line's tax by zero), a negative
/// price (the CSV import refuses it), a currency the till does not know (60 decimals), a price
/// past `ValueLimits`, an unknown tax class. Each generated revision is refused by the till's
/// journal with a Problem naming the field, the bad value stays out of the catalog, and the
/// next honest revision applies.
@Suite struct HostileCatalogPublicationTests {
    static let t0 = Timestamp(seconds: 1_790_000_000)
    static let standard = TaxClass(id: "STD", name: "Standard 13%", rateBasisPoints: 1300, inclusive: true)

    static func item(_ sku: String, _ minor: Int64, currency: Currency = .cny, taxClass: String = "STD") -> CatalogItem {
        CatalogItem(sku: sku, barcodes: [], name: "Item \(sku) 茶", price: Money(minor: minor, currency: currency), taxClassID: taxClass)
    }

    @Test func aHostileRevisionIsRefusedByNameAndTheNextHonestOneApplies() async throws {
        guard let database = try await TestDatabase.make("hostilecat") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        let till = try JournalDatabase.inMemory(clock: { Self.t0 })
        for seed in Seeded.seeds(count: 8, base: 0xBAD_CA7) {
            var rng = Seeded(seed: seed)
            let sku = "H\(seed % 100_000)"
            let rate = [-10_000, -1, 10_001, Int64.max, Int64.min][rng.int(0...4)]
            let kinds: [(String, [TaxClass], [CatalogItem])] = [
                ("tax rate \(rate)", [TaxClass(id: "BAD\(seed % 1000)", name: "Bad", rateBasisPoints: rate, inclusive: rng.int(0...1) == 0)], []),
                ("negative price", [Self.standard], [Self.item(sku, -Int64(rng.int(1...1_000_000)))]),
                ("60 decimals", [Self.standard], [Self.item(sku, Int64(rng.int(1...1_000)), currency: Currency(code: "CNY", minorDigits: 60, symbol: "¥"))]),
                ("price Int64.max", [Self.standard], [Self.item(sku, Int64.max - Int64(rng.int(0...10)))]),
                ("unknown tax class", [Self.standard], [Self.item(sku, 100, taxClass: "NOPE")]),
            ]
            let (name, classes, items) = kinds[rng.int(0...(kinds.count - 1))]
            try await CatalogPublication.publish(taxClasses: classes, items: items, by: "9001", shop: "01", connection: connection)
            do {
                _ = try await CatalogPublication.pull(into: till, shop: "01", connection: connection)
                Issue.record("seed \(seed) (TILL_PROPERTY_SEED=\(seed)), \(name): applied")
            } catch let problem as any Problem {
                #expect(!problem.code.isEmpty && !problem.message.zh.isEmpty && !problem.remedy.en.isEmpty, "seed \(seed), \(name)")
                let field = name.hasPrefix("tax rate") ? "tax rate" : name == "60 decimals" ? "currency" : name == "unknown tax class" ? "NOPE" : "price"
                #expect(problem.message.en.contains(field), "seed \(seed), \(name): \(problem.message.en)")
            }
            #expect(try till.item(code: sku) == nil, "seed \(seed), \(name): the bad item is in the catalog")
            #expect(try till.taxClasses().allSatisfy { (0...10_000).contains($0.rateBasisPoints) }, "seed \(seed), \(name)")
            // The back office publishes again, honestly: applied.
            let honest = Self.item(sku + "OK", Int64(rng.int(1...99_999)))
            try await CatalogPublication.publish(taxClasses: [Self.standard], items: [honest], by: "9001", shop: "01", connection: connection)
            _ = try await CatalogPublication.pull(into: till, shop: "01", connection: connection)
            #expect(try till.item(code: honest.sku) == honest, "seed \(seed), \(name): the next revision did not apply")
        }
        await connection.drop()
    }
}
