import Logging
import PostgresNIO
import TillCore
import TillPorts

/// Items and tax classes.
extension PostgresRegisterStore {
    public func itemForSale(code: String) throws -> (CatalogItem, TaxClass)? {
        try transaction { db, logger in
            guard let item = try await Self.item(code, db, logger) else { return nil }
            for try await body in try await db.query("SELECT body FROM tax_class WHERE id = \(item.taxClassID)", logger: logger)
                .decode(String.self) {
                return (item, try Self.decode(TaxClass.self, body, what: "tax class \(item.taxClassID)"))
            }
            return nil
        }
    }

    public func item(code: String) throws -> CatalogItem? {
        try transaction { db, logger in try await Self.item(code, db, logger) }
    }

    /// By barcode first, then by SKU.
    static func item(_ code: String, _ db: PostgresConnection, _ logger: Logger) async throws -> CatalogItem? {
        for try await body in try await db.query("""
            SELECT i.body FROM barcode b JOIN item i ON i.sku = b.sku WHERE b.code = \(code)
            UNION ALL SELECT body FROM item WHERE sku = \(code) LIMIT 1
            """, logger: logger).decode(String.self) {
            return try decode(CatalogItem.self, body, what: "item \(code)")
        }
        return nil
    }

    public func searchItems(_ query: String) throws -> [CatalogItem] {
        let items = try transaction { db, logger in
            var items: [CatalogItem] = []
            for try await body in try await db.query("SELECT body FROM item ORDER BY sku", logger: logger).decode(String.self) {
                items.append(try Self.decode(CatalogItem.self, body, what: "an item"))
            }
            return items
        }
        return ItemSearch.results(in: items.filter { ItemSearch.matches(sku: $0.sku, name: $0.name, query) }, for: query)
    }

    public func taxClasses() throws -> [TaxClass] {
        try transaction { db, logger in
            var classes: [TaxClass] = []
            for try await body in try await db.query("SELECT body FROM tax_class ORDER BY id", logger: logger).decode(String.self) {
                classes.append(try Self.decode(TaxClass.self, body, what: "a tax class"))
            }
            return classes
        }
    }

    public func upsert(taxClasses: [TaxClass], by: String?) throws {
        let rows = try taxClasses.map { ($0.id, try Self.encode($0)) }
        try transaction { db, logger in
            for (id, body) in rows {
                try await db.query("""
                    INSERT INTO tax_class (id, body) VALUES (\(id), \(body)) ON CONFLICT (id) DO UPDATE SET body = excluded.body
                    """, logger: logger)
            }
        }
    }

    /// Adds or changes items in one transaction; an unknown tax class, a barcode another item
    /// holds (unless `reassignBarcodes`), or a code that would be one item's barcode and another's
    /// SKU (`ItemCodeClash`), refuses them all.
    public func upsert(items: [CatalogItem], by: String?, reassignBarcodes: Bool) throws {
        let rows = try items.map { ($0, try Self.encode($0)) }
        try transaction { db, logger in
            // No code may be one item's barcode and another's SKU (TillCore's `ItemCodeRule`, as SQLite).
            let barcodes = items.flatMap(\.barcodes), skus = items.map(\.sku)
            var existing: Set<String> = [], holders: [String: String] = [:]
            for try await sku in try await db.query("SELECT sku FROM item WHERE sku = ANY(\(barcodes))", logger: logger)
                .decode(String.self) { existing.insert(sku) }
            for try await (code, sku) in try await db.query("SELECT code, sku FROM barcode WHERE code = ANY(\(skus))", logger: logger)
                .decode((String, String).self) { holders[code] = sku }
            if let clash = try ItemCodeRule.firstClash(in: items, skuExists: { existing.contains($0) }, barcodeHolder: { holders[$0] }) {
                throw clash
            }
            for (item, body) in rows {
                var taxKnown = false
                for try await _ in try await db.query("SELECT 1 FROM tax_class WHERE id = \(item.taxClassID)", logger: logger) { taxKnown = true }
                guard taxKnown else { throw PostgresStoreFailure.unknownTaxClass(sku: item.sku, taxClass: item.taxClassID) }
                for code in item.barcodes {
                    for try await owner in try await db.query("SELECT sku FROM barcode WHERE code = \(code) AND sku <> \(item.sku)",
                                                              logger: logger).decode(String.self) {
                        guard reassignBarcodes else { throw PostgresStoreFailure.barcodeTaken(code: code, owner: owner, sku: item.sku) }
                        try await Self.dropBarcode(code, of: owner, db, logger)
                    }
                }
                try await db.query("""
                    INSERT INTO item (sku, body) VALUES (\(item.sku), \(body))
                    ON CONFLICT (sku) DO UPDATE SET body = excluded.body
                    """, logger: logger)
                try await db.query("DELETE FROM barcode WHERE sku = \(item.sku)", logger: logger)
                for code in item.barcodes {
                    try await db.query("INSERT INTO barcode (code, sku) VALUES (\(code), \(item.sku))", logger: logger)
                }
            }
        }
    }

    /// Takes `code` off item `owner`, in its row and its stored body alike.
    private static func dropBarcode(_ code: String, of owner: String, _ db: PostgresConnection, _ logger: Logger) async throws {
        try await db.query("DELETE FROM barcode WHERE code = \(code)", logger: logger)
        for try await body in try await db.query("SELECT body FROM item WHERE sku = \(owner)", logger: logger).decode(String.self) {
            var item = try decode(CatalogItem.self, body, what: "item \(owner)")
            item.barcodes.removeAll { $0 == code }
            let changed = try encode(item)
            try await db.query("UPDATE item SET body = \(changed) WHERE sku = \(owner)", logger: logger)
        }
    }
}
