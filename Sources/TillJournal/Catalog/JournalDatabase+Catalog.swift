import GRDB
import TillCore

extension JournalDatabase {
    /// The item with barcode `code`, else with SKU `code`. Both are primary-key look-ups.
    public func item(code: String) throws -> CatalogItem? {
        try read { db in try Self.item(code: code, db) }
    }

    /// The item and its tax class in one read: what a scan at the till needs.
    public func itemForSale(code: String) throws -> (CatalogItem, TaxClass)? {
        try read { db in
            guard let item = try Self.item(code: code, db), try Self.withdrawal(sku: item.sku, db) == nil,
                  let tax = try Row.fetchOne(db, cachedSQL: "SELECT * FROM taxClass WHERE id = ?", arguments: [item.taxClassID])
            else { return nil }
            return (item, Self.taxClass(tax))
        }
    }

    static func item(code: String, _ db: Database) throws -> CatalogItem? {
        let row = try Row.fetchOne(db, cachedSQL: """
                SELECT i.* FROM barcode b JOIN catalogItem i ON i.sku = b.sku WHERE b.code = ?
                """, arguments: [code])
            ?? Row.fetchOne(db, cachedSQL: "SELECT * FROM catalogItem WHERE sku = ?", arguments: [code])
            // A SKU typed in another case ("tea-jas") is the same SKU; the exact one wins if both exist.
            ?? Row.fetchOne(db, cachedSQL: "SELECT * FROM catalogItem WHERE sku = ? COLLATE NOCASE ORDER BY sku LIMIT 1",
                            arguments: [code])
        guard let row else { return nil }
        return try Self.item(row, db)
    }

    /// The item of a catalogItem row, with its barcodes.
    static func item(_ row: Row, _ db: Database) throws -> CatalogItem {
        let sku: String = row["sku"]
        let barcodes = try String.fetchAll(db.cachedStatement(sql: "SELECT code FROM barcode WHERE sku = ? ORDER BY position"),
                                           arguments: [sku])
        return CatalogItem(sku: sku, barcodes: barcodes, name: row["name"],
                           price: Money(minor: row["priceMinor"], currency: .stored(row["currency"])),
                           taxClassID: row["taxClassID"], returnable: row["returnable"], weighed: row["weighed"])
    }

    private static func taxClass(_ row: Row) -> TaxClass {
        TaxClass(id: row["id"], name: row["name"], rateBasisPoints: row["rateBasisPoints"], inclusive: row["inclusive"])
    }

    public func taxClass(id: String) throws -> TaxClass? {
        try read { db in
            try Row.fetchOne(db, cachedSQL: "SELECT * FROM taxClass WHERE id = ?", arguments: [id]).map(Self.taxClass)
        }
    }

    public func taxClasses() throws -> [TaxClass] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM taxClass ORDER BY id").map(Self.taxClass)
        }
    }

    /// Adds or replaces tax classes, as one chained entry naming who (`by`) did it.
    public func upsert(taxClasses: [TaxClass], by: String? = nil) throws {
        guard !taxClasses.isEmpty else { return }
        for taxClass in taxClasses { try InputGuards.checkTaxClass(taxClass) }
        try record([.taxClassesSaved(taxClasses)], by: by)
    }

    /// Adds or replaces items (and their barcodes) in one transaction and one chained entry naming
    /// who (`by`) did it. An item naming an undefined tax class is refused and nothing is written.
    /// A barcode that belongs to another item (in the catalog, or earlier in `items`) is refused
    /// too, unless `reassignBarcodes`: a barcode never moves between items unasked; and so is a
    /// code that would be one item's barcode and another's SKU (`ItemCodeClash`). Checked inside
    /// the write transaction, so no caller gets around it.
    public func upsert(items: [CatalogItem], by: String? = nil, reassignBarcodes: Bool = false) throws {
        guard !items.isEmpty else { return }
        for item in items { try InputGuards.checkItem(item) }
        try record([.itemsSaved(items)], by: by) { db in
            let known = Set(try String.fetchAll(db, sql: "SELECT id FROM taxClass"))
            for item in items where !known.contains(item.taxClassID) {
                throw JournalError.unknownTaxClass(sku: item.sku, taxClass: item.taxClassID)
            }
            // No code may be one item's barcode and another's SKU, reassigned or not.
            let skuStatement = try db.cachedStatement(sql: "SELECT 1 FROM catalogItem WHERE sku = ?")
            let holderStatement = try db.cachedStatement(sql: "SELECT sku FROM barcode WHERE code = ?")
            if let clash = try ItemCodeRule.firstClash(in: items, skuExists: { try Bool.fetchOne(skuStatement, arguments: [$0]) ?? false },
                                                       barcodeHolder: { try String.fetchOne(holderStatement, arguments: [$0]) }) {
                throw clash
            }
            guard !reassignBarcodes else { return }
            var inBatch: [String: String] = [:]
            for item in items {
                for code in item.barcodes {
                    let owner = try inBatch[code]
                        ?? String.fetchOne(db, cachedSQL: "SELECT sku FROM barcode WHERE code = ?", arguments: [code])
                    if let owner, owner != item.sku { throw JournalError.barcodeTaken(code: code, owner: owner, sku: item.sku) }
                    inBatch[code] = item.sku
                }
            }
        }
    }

    /// Which item holds each of `codes` now (codes nobody holds are left out).
    public func barcodeOwners(_ codes: [String]) throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        return try read { db in
            var owners: [String: String] = [:]
            let statement = try db.cachedStatement(sql: "SELECT sku FROM barcode WHERE code = ?")
            for code in Set(codes) {
                if let sku = try String.fetchOne(statement, arguments: [code]) { owners[code] = sku }
            }
            return owners
        }
    }

    /// Which of `codes` are SKUs of catalog items.
    public func existingSKUs(_ codes: [String]) throws -> Set<String> {
        guard !codes.isEmpty else { return [] }
        return try read { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM catalogItem WHERE sku = ?")
            return Set(try Set(codes).filter { try Bool.fetchOne(statement, arguments: [$0]) ?? false })
        }
    }

    public func itemCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM catalogItem") ?? 0 }
    }
}
