import Foundation
import Logging
import PostgresNIO
import TillCore
import TillPorts

/// Catalog, prices, tax classes and users managed centrally: the back office publishes a whole
/// catalog (and, with `--users`, the whole user list) as a new revision (`till central
/// publish`); every till pulls the newest revision on start and every `[central]
/// pull_interval_seconds`, and makes its own copy equal to it through its stores — each change a
/// chained entry of the till's own journal, checked like any other. What the revision leaves out
/// is withdrawn (items: no longer sold) or removed (users: no longer sign in), never deleted.
/// Offline, a till keeps selling from its last copy.
public enum CatalogPublication {
    public struct Published: Sendable, Equatable {
        public var revision: Int64
        public var taxClasses: [TaxClass]
        public var items: [CatalogItem]
        public var by: String
        /// The catalog as stored and signed, checked by the till before it applies any of it.
        public var signed: SignedCatalog
    }

    /// The chain user key's signing, for the catalog (the key itself stays with the caller).
    public struct Signer: Sendable {
        public var keyID: String
        public var sign: @Sendable (String) -> String

        public init(keyID: String, sign: @escaping @Sendable (String) -> String) {
            self.keyID = keyID
            self.sign = sign
        }
    }

    /// Any number fixed for the publication lock; the v9 trigger takes the same one.
    static let publicationLock: Int64 = 1_896_185_611

    /// The users to publish with a revision, and the chain user key's signing (the key itself
    /// stays with the caller).
    public struct UserList: Sendable {
        public var users: [PublishedUser]
        public var keyID: String
        public var sign: @Sendable (String) -> String

        public init(users: [PublishedUser], keyID: String, sign: @escaping @Sendable (String) -> String) {
            self.users = users
            self.keyID = keyID
            self.sign = sign
        }
    }

    /// Publishes `taxClasses`, `items` and `users` as the newest revision; returns its number.
    /// One transaction under the publication lock numbers the revision one above the newest,
    /// signs it (so the signatures cover it) and stores it: of two publishers at once, the one
    /// that commits later has the higher revision. The catalog is signed with `signer` (or the
    /// users' key) when there is one.
    public static func publish(taxClasses: [TaxClass], items: [CatalogItem], users: UserList? = nil, signer: Signer? = nil,
                               by: String, shop: String?, connection: CentralConnection) async throws -> Int64 {
        let signer = signer ?? users.map { Signer(keyID: $0.keyID, sign: $0.sign) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let classes = String(decoding: try encoder.encode(taxClasses), as: UTF8.self)
        let catalog = String(decoding: try encoder.encode(items), as: UTF8.self)
        let people = try users.map { String(decoding: try encoder.encode($0.users.sorted { $0.code < $1.code }), as: UTF8.self) }
        return try await connection.run { db, logger in
            try await CentralDatabase.prepare(db, logger: logger)
            return try await db.withTransaction(logger: logger) { tx in
                try await tx.query("SELECT pg_advisory_xact_lock(\(publicationLock))", logger: logger)
                var revision: Int64?
                let drawn = try await tx.query("SELECT coalesce(max(revision), 0) + 1 FROM central_publication", logger: logger)
                for try await number in drawn.decode(Int64.self) { revision = number }
                guard let revision else { throw CentralFailure.refused("no revision was returned") }
                let signature = users.flatMap { list in
                    people.map { list.sign(PublishedUserSet.signingText(revision: revision, shop: shop, usersJSON: $0)) }
                }
                let catalogSignature = signer.map {
                    $0.sign(SignedCatalog.signingText(revision: revision, shop: shop, taxClassesJSON: classes, itemsJSON: catalog))
                }
                try await tx.query("""
                    INSERT INTO central_publication (revision, shop, published_by, tax_classes, items, users, users_key_id, users_signature,
                                                     catalog_key_id, catalog_signature)
                    VALUES (\(revision), \(shop), \(by), \(classes), \(catalog), \(people), \(users?.keyID), \(signature),
                            \(signer?.keyID), \(catalogSignature))
                    """, logger: logger)
                return revision
            }
        }
    }

    /// The newest revision for `shop` (a chain-wide one has no shop), if newer than `after`.
    public static func newest(after: Int64, shop: String, connection: CentralConnection) async throws -> Published? {
        let row = try await connection.run { db, logger -> (Int64, String?, String, String, String, String?, String?)? in
            try await CentralDatabase.prepare(db, logger: logger)
            let rows = try await db.query("""
                SELECT revision, shop, tax_classes, items, published_by, catalog_key_id, catalog_signature FROM central_publication
                WHERE revision > \(after) AND (shop IS NULL OR shop = \(shop)) ORDER BY revision DESC LIMIT 1
                """, logger: logger)
            for try await row in rows.decode((Int64, String?, String, String, String, String?, String?).self) { return row }
            return nil
        }
        guard let row else { return nil }
        let (revision, scope, classes, items, by, keyID, signature) = row
        let signed = SignedCatalog(revision: revision, shop: scope, taxClassesJSON: classes, itemsJSON: items, keyID: keyID,
                                   signature: signature)
        do {
            return Published(revision: revision, taxClasses: try JSONDecoder().decode([TaxClass].self, from: Data(classes.utf8)),
                             items: try JSONDecoder().decode([CatalogItem].self, from: Data(items.utf8)), by: by, signed: signed)
        } catch {
            throw CentralFailure(en: "The central catalog revision \(revision) cannot be read: \(error).",
                                 zh: "无法读取中央商品目录第 \(revision) 版：\(error)。",
                                 remedyEn: "The till keeps its last catalog; publish the catalog again from the back office (`till central publish`).",
                                 remedyZh: "本机继续使用上一版目录；请在后台重新发布目录（`till central publish`）。")
        }
    }

    /// The newest revision for `shop` that carries users, if newer than `after`: a later
    /// revision published without users leaves the users as this one made them.
    public static func newestUsers(after: Int64, shop: String, connection: CentralConnection) async throws -> PublishedUserSet? {
        try await connection.run { db, logger -> PublishedUserSet? in
            try await CentralDatabase.prepare(db, logger: logger)
            let rows = try await db.query("""
                SELECT revision, shop, users, coalesce(users_key_id, ''), coalesce(users_signature, ''), published_by
                FROM central_publication
                WHERE revision > \(after) AND users IS NOT NULL AND (shop IS NULL OR shop = \(shop)) ORDER BY revision DESC LIMIT 1
                """, logger: logger)
            for try await (revision, scope, users, keyID, signature, by) in rows.decode((Int64, String?, String, String, String, String).self) {
                return PublishedUserSet(revision: revision, shop: scope, usersJSON: users, keyID: keyID, signature: signature, by: by)
            }
            return nil
        }
    }

    /// Makes the till's catalog and users equal to the newest revisions if there are any: only
    /// tax classes, items and users that differ from the till's copy are written (an unchanged
    /// revision writes nothing), and what the revision no longer lists is withdrawn or removed.
    /// The pulled revision moves only once all of it is applied, so a failure (no chain user key,
    /// a bad signature) is tried again at the next pull. Returns the revision and the number of
    /// changes, nil when there was nothing new.
    @discardableResult
    public static func pull(into store: PublishedCatalogStore & PublishedUserStore, shop: String,
                            connection: CentralConnection) async throws -> (revision: Int64, changed: Int)? {
        let after = try store.pulledRevision()
        let published = try await newest(after: after, shop: shop, connection: connection)
        guard let published else { return nil }
        // Nothing of a catalog that does not verify is applied (the till keeps its copy).
        try store.checkPublishedCatalog(published.signed)
        let users = try await newestUsers(after: after, shop: shop, connection: connection)
        let known = Dictionary(try store.taxClasses().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let classes = published.taxClasses.filter { known[$0.id] != $0 }
        // An item listed again after a withdrawal is saved again even if nothing else changed.
        let items = try published.items.filter { try store.item(code: $0.sku) != $0 || store.withdrawal(code: $0.sku) != nil }
        try store.upsert(taxClasses: classes, by: published.by)
        try store.upsert(items: items, by: published.by, reassignBarcodes: true)
        let withdrawn = try store.withdrawItems(keeping: Set(published.items.map(\.sku)), revision: published.revision,
                                                by: published.by)
        let people = try users.map { try store.applyPublishedUsers($0) } ?? 0
        try store.setPulledRevision(published.revision)
        return (published.revision, classes.count + items.count + withdrawn + people)
    }
}
