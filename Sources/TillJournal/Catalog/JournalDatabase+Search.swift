import GRDB
import TillCore

extension JournalDatabase {
    /// The catalog items whose name or SKU contains `query` (the core's rule, `ItemSearch`),
    /// best first, at most `ItemSearch.limit`.
    public func searchItems(_ query: String) throws -> [CatalogItem] {
        try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM catalogItem WHERE withdrawnRevision IS NULL ORDER BY sku"))
            let candidates = rows.filter { ItemSearch.matches(sku: $0["sku"], name: $0["name"], query) }
            return ItemSearch.results(in: try candidates.map { try Self.item($0, db) }, for: query)
        }
    }
}
