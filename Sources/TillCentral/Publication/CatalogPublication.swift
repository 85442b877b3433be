import Foundation
import Logging
import PostgresNIO
import TillCore
import TillPorts

/// Catalog, prices and tax classes managed centrally: the back office publishes a whole
/// catalog as a new revision (`till central publish`); every till pulls the newest revision on
/// start and every `[central] pull_interval_seconds`, and applies what differs from its own
/// copy through its `CatalogStore` — each applied change a chained entry of the till's own
/// journal, checked like any other. Offline, a till keeps selling from its last copy.
public enum CatalogPublication {
    public struct Published: Sendable, Equatable {
        public var revision: Int64
        public var taxClasses: [TaxClass]
        public var items: [CatalogItem]
        public var by: String
    }

    /// Publishes `taxClasses` and `items` as the newest revision; returns its number.
    public static func publish(taxClasses: [TaxClass], items: [CatalogItem], by: String, shop: String?,
                               connection: CentralConnection) async throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let classes = String(decoding: try encoder.encode(taxClasses), as: UTF8.self)
        let catalog = String(decoding: try encoder.encode(items), as: UTF8.self)
        return try await connection.run { db, logger in
            try await CentralDatabase.prepare(db, logger: logger)
            let rows = try await db.query("""
                INSERT INTO central_publication (shop, published_by, tax_classes, items)
                VALUES (\(shop), \(by), \(classes), \(catalog)) RETURNING revision
                """, logger: logger)
            for try await revision in rows.decode(Int64.self) { return revision }
            throw CentralFailure.refused("no revision was returned")
        }
    }

    /// The newest revision for `shop` (a chain-wide one has no shop), if newer than `after`.
    public static func newest(after: Int64, shop: String, connection: CentralConnection) async throws -> Published? {
        let row = try await connection.run { db, logger -> (Int64, String, String, String)? in
            try await CentralDatabase.prepare(db, logger: logger)
            let rows = try await db.query("""
                SELECT revision, tax_classes, items, published_by FROM central_publication
                WHERE revision > \(after) AND (shop IS NULL OR shop = \(shop)) ORDER BY revision DESC LIMIT 1
                """, logger: logger)
            for try await row in rows.decode((Int64, String, String, String).self) { return row }
            return nil
        }
        guard let row else { return nil }
        let (revision, classes, items, by) = row
        do {
            return Published(revision: revision, taxClasses: try JSONDecoder().decode([TaxClass].self, from: Data(classes.utf8)),
                             items: try JSONDecoder().decode([CatalogItem].self, from: Data(items.utf8)), by: by)
        } catch {
            throw CentralFailure(en: "The central catalog revision \(revision) cannot be read: \(error).",
                                 zh: "无法读取中央商品目录第 \(revision) 版：\(error)。",
                                 remedyEn: "The till keeps its last catalog; publish the catalog again from the back office (`till central publish`).",
                                 remedyZh: "本机继续使用上一版目录；请在后台重新发布目录（`till central publish`）。")
        }
    }

    /// Applies the newest revision to `store` if there is one: only tax classes and items that
    /// differ from the till's copy are written (so an unchanged catalog writes nothing).
    /// Returns the number of tax classes and items changed, nil when there was nothing new.
    @discardableResult
    public static func pull(into store: CatalogStore & PublicationCursor, shop: String,
                            connection: CentralConnection) async throws -> (revision: Int64, changed: Int)? {
        guard let published = try await newest(after: try store.pulledRevision(), shop: shop, connection: connection) else { return nil }
        let known = Dictionary(try store.taxClasses().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let classes = published.taxClasses.filter { known[$0.id] != $0 }
        let items = try published.items.filter { try store.item(code: $0.sku) != $0 }
        try store.upsert(taxClasses: classes, by: published.by)
        try store.upsert(items: items, by: published.by, reassignBarcodes: true)
        try store.setPulledRevision(published.revision)
        return (published.revision, classes.count + items.count)
    }
}
