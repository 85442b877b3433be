import Foundation
import Testing
import TillCentral
import TillCore
import TillJournal
import TillPorts

/// The catalog half of a central revision is signed with the chain user key over revision,
/// shop, tax classes and items; a till holding the key applies nothing of a catalog that does
/// not verify, and keeps selling from its copy. Against real PostgreSQL, every edit by direct SQL.
@Suite struct SignedCatalogTests {
    static let t0 = Timestamp(seconds: 1_790_000_000)

    /// What someone with write access to the central database does to the newest revision.
    enum Edit: CaseIterable {
        case price, taxRate, moveToEveryShop, oldRevisionReplayedAsNewest, signatureDropped, otherKeySigned

        var code: String {
            switch self {
            case .signatureDropped: "central_catalog_unsigned"
            case .otherKeySigned: "central_users_other_key"
            default: "central_catalog_signature_wrong"
            }
        }

        var sql: String {
            let newest = "revision = (SELECT max(revision) FROM central_publication)"
            switch self {
            case .price:
                return #"UPDATE central_publication SET items = regexp_replace(items, '"minor":[0-9]+', '"minor":1') WHERE "# + newest
            case .taxRate:
                return #"UPDATE central_publication SET tax_classes = regexp_replace(tax_classes, '"rateBasisPoints":[0-9]+', '"rateBasisPoints":0') WHERE "# + newest
            case .moveToEveryShop:
                return "UPDATE central_publication SET shop = NULL WHERE " + newest
            case .oldRevisionReplayedAsNewest:
                return """
                    INSERT INTO central_publication (revision, shop, published_by, tax_classes, items, catalog_key_id, catalog_signature)
                    SELECT (SELECT max(revision) + 1 FROM central_publication), shop, published_by, tax_classes, items,
                           catalog_key_id, catalog_signature
                    FROM central_publication ORDER BY revision LIMIT 1
                    """
            case .signatureDropped:
                return "UPDATE central_publication SET catalog_signature = NULL, catalog_key_id = NULL WHERE " + newest
            case .otherKeySigned:
                return "UPDATE central_publication SET catalog_key_id = 'forged-key' WHERE " + newest
            }
        }
    }

    static func catalog(_ rng: inout Seeded) -> (TaxClass, [CatalogItem]) {
        let tax = TaxClass(id: "VAT", name: "VAT \(rng.int(1...20))%", rateBasisPoints: Int64(rng.int(100...2000)), inclusive: true)
        let items = (0..<rng.int(1...6)).map { n in
            CatalogItem(sku: "SKU\(n)", barcodes: [], name: "Item \(n) 茶", price: Money(minor: Int64(rng.int(2...99_999)), currency: .cny),
                        taxClassID: "VAT")
        }
        return (tax, items)
    }

    @Test func anEditedCatalogIsRefusedAndTheTillKeepsItsCopyAGenuineOneIsApplied() async throws {
        guard let database = try await TestDatabase.make("catsig") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        defer { Task { await connection.drop() } }
        let key = ChainUserKey.generate()
        let signer = CatalogPublication.Signer(keyID: key.id, sign: { key.sign($0) })
        let till = try JournalDatabase.inMemory(pinHashRounds: 10, chainUserKey: key, clock: { Self.t0 })
        var rng = Seeded(seed: 0)
        let (firstTax, first) = Self.catalog(&rng)
        try await CatalogPublication.publish(taxClasses: [firstTax], items: first, signer: signer, by: "9001", shop: "01", connection: connection)
        #expect(try await CatalogPublication.pull(into: till, shop: "01", connection: connection) != nil)

        for seed in Seeded.seeds(count: 12, base: 0x5167_CA70) {
            var rng = Seeded(seed: seed)
            let context = "seed \(seed) (TILL_PROPERTY_SEED=\(seed))"
            let (tax, items) = Self.catalog(&rng)
            let edit = Edit.allCases[rng.int(0...(Edit.allCases.count - 1))]
            let copy = try till.catalogItems(), pulled = try till.pulledRevision(), head = try till.outboxState().head
            try await CatalogPublication.publish(taxClasses: [tax], items: items, signer: signer, by: "9001", shop: "01", connection: connection)
            _ = try await database.texts(edit.sql + " RETURNING 'x'")
            do {
                try await CatalogPublication.pull(into: till, shop: "01", connection: connection)
                Issue.record("\(context): a catalog edited by \(edit) was applied")
            } catch let problem as PublicationProblem {
                #expect(problem.code == edit.code, "\(context), \(edit): \(problem.code)")
                #expect(!problem.message(.zh).isEmpty && !problem.remedy(.en).isEmpty)
            }
            // Nothing of it was applied: the same items, no new entry, the pull tried again next time.
            #expect(try till.catalogItems() == copy, "\(context), \(edit)")
            #expect(try till.outboxState().head == head && till.pulledRevision() == pulled, "\(context), \(edit)")

            // Published again as it should be, it is applied whole.
            let genuine = try await CatalogPublication.publish(taxClasses: [tax], items: items, signer: signer, by: "9001", shop: "01",
                                                               connection: connection)
            let applied = try await CatalogPublication.pull(into: till, shop: "01", connection: connection)
            #expect(applied?.revision == genuine, "\(context)")
            for item in items { #expect(try till.item(code: item.sku) == item, "\(context): \(item.sku)") }
            #expect(try till.taxClasses().first { $0.id == "VAT" } == tax, "\(context)")
        }

        // A till without the key cannot check, and takes the revision as it comes (README).
        let keyless = try JournalDatabase.inMemory(pinHashRounds: 10, clock: { Self.t0 })
        #expect(try await CatalogPublication.pull(into: keyless, shop: "01", connection: connection) != nil)
    }
}
