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
            guard let item = try Self.item(code: code, db),
                  let tax = try Row.fetchOne(db, cachedSQL: "SELECT * FROM taxClass WHERE id = ?", arguments: [item.taxClassID])
            else { return nil }
            return (item, Self.taxClass(tax))
        }
    }

    private static func item(code: String, _ db: Database) throws -> CatalogItem? {
        let row = try Row.fetchOne(db, cachedSQL: """
                SELECT i.* FROM barcode b JOIN catalogItem i ON i.sku = b.sku WHERE b.code = ?
                """, arguments: [code])
            ?? Row.fetchOne(db, cachedSQL: "SELECT * FROM catalogItem WHERE sku = ?", arguments: [code])
        guard let row else { return nil }
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

    public func upsert(taxClasses: [TaxClass]) throws {
        try write { db in
            for tax in taxClasses {
                try db.cachedStatement(sql: """
                    INSERT INTO taxClass (id, name, rateBasisPoints, inclusive) VALUES (?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, rateBasisPoints = excluded.rateBasisPoints,
                        inclusive = excluded.inclusive
                    """).execute(arguments: [tax.id, tax.name, tax.rateBasisPoints, tax.inclusive])
            }
        }
    }

    /// Adds or replaces items (and their barcodes) in one transaction. An item naming an undefined
    /// tax class is refused and nothing is written.
    public func upsert(items: [CatalogItem]) throws {
        try write { db in
            let known = Set(try String.fetchAll(db, sql: "SELECT id FROM taxClass"))
            for item in items {
                guard known.contains(item.taxClassID) else {
                    throw JournalError.unknownTaxClass(sku: item.sku, taxClass: item.taxClassID)
                }
                try Self.upsert(item, db)
            }
        }
    }

    /// One item; the caller holds the transaction. A barcode moves to this item if another had it.
    static func upsert(_ item: CatalogItem, _ db: Database) throws {
        try InputGuards.checkItem(item)
        try db.cachedStatement(sql: """
            INSERT INTO catalogItem (sku, name, priceMinor, currency, taxClassID, returnable, weighed)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(sku) DO UPDATE SET name = excluded.name, priceMinor = excluded.priceMinor,
                currency = excluded.currency, taxClassID = excluded.taxClassID, returnable = excluded.returnable,
                weighed = excluded.weighed
            """).execute(arguments: [item.sku, item.name, item.price.minor, item.price.currency.code, item.taxClassID,
                                     item.returnable, item.weighed])
        try db.cachedStatement(sql: "DELETE FROM barcode WHERE sku = ?").execute(arguments: [item.sku])
        for (position, code) in item.barcodes.enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO barcode (code, sku, position) VALUES (?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET sku = excluded.sku, position = excluded.position
                """).execute(arguments: [code, item.sku, position])
        }
    }

    public func itemCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM catalogItem") ?? 0 }
    }
}
