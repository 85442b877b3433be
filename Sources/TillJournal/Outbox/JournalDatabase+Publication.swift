import GRDB
import TillCore
import TillPorts

extension JournalDatabase: PublicationCursor {
    public func pulledRevision() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT pulledRevision FROM centralOutbox WHERE id = 1") ?? 0 }
    }

    public func setPulledRevision(_ revision: Int64) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO centralOutbox (id, acknowledgedSeq, pulledRevision) VALUES (1, 0, ?)
                ON CONFLICT(id) DO UPDATE SET pulledRevision = MAX(pulledRevision, excluded.pulledRevision)
                """, arguments: [revision])
        }
    }

    /// Every catalog item for sale, by SKU: what `till central publish` sends.
    public func catalogItems() throws -> [CatalogItem] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM catalogItem WHERE withdrawnRevision IS NULL ORDER BY sku").map { try Self.item($0, db) } }
    }
}
