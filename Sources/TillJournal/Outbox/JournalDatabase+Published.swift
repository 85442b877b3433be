import Foundation
import GRDB
import TillCore
import TillPorts

/// What a till does with a central revision's items and users beyond saving what changed: the
/// revision is the whole list, so what it leaves out is withdrawn (items) or removed (users),
/// each a chained entry, never a deleted row.
extension JournalDatabase: PublishedCatalogStore, PublishedUserStore {
    public func withdrawal(code: String) throws -> ItemWithdrawal? {
        try read { db in
            guard let item = try Self.item(code: code, db) else { return nil }
            return try Self.withdrawal(sku: item.sku, db)
        }
    }

    static func withdrawal(sku: String, _ db: Database) throws -> ItemWithdrawal? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
                SELECT name, withdrawnRevision, withdrawnBy FROM catalogItem WHERE sku = ? AND withdrawnRevision IS NOT NULL
                """, arguments: [sku]) else { return nil }
        return ItemWithdrawal(sku: sku, name: row["name"], revision: row["withdrawnRevision"], by: row["withdrawnBy"] ?? "")
    }

    @discardableResult
    public func withdrawItems(keeping: Set<String>, revision: Int64, by: String) throws -> Int {
        let dropped = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM catalogItem WHERE withdrawnRevision IS NULL ORDER BY sku")
                .filter { !keeping.contains($0["sku"]) }
                .map { try Self.item($0, db) }
        }
        guard !dropped.isEmpty else { return 0 }
        try record([.itemsWithdrawn(dropped, revision: revision, by: by)], by: by)
        return dropped.count
    }

    public func checkPublishedCatalog(_ catalog: SignedCatalog) throws {
        guard let chainKey = chainUserKey else { return }
        guard let keyID = catalog.keyID, let signature = catalog.signature else {
            throw PublicationProblem.catalogUnsigned(revision: catalog.revision)
        }
        guard keyID == chainKey.id else {
            throw PublicationProblem.otherUserKey(revision: catalog.revision, signedWith: keyID, ours: chainKey.id)
        }
        guard chainKey.verifies(signature, over: catalog.signingText) else {
            throw PublicationProblem.catalogSignatureWrong(revision: catalog.revision)
        }
    }

    @discardableResult
    public func applyPublishedUsers(_ set: PublishedUserSet) throws -> Int {
        guard let chainKey = chainUserKey else { throw PublicationProblem.noUserKey(revision: set.revision) }
        guard set.keyID == chainKey.id else {
            throw PublicationProblem.otherUserKey(revision: set.revision, signedWith: set.keyID, ours: chainKey.id)
        }
        guard chainKey.verifies(set.signature, over: set.signingText) else { throw PublicationProblem.signatureWrong(revision: set.revision) }
        let published: [PublishedUser]
        do {
            published = try JSONDecoder().decode([PublishedUser].self, from: Data(set.usersJSON.utf8))
        } catch {
            throw PublicationProblem.userUnusable(revision: set.revision, code: "?", why: "the list cannot be read (\(error))")
        }
        // The till's copy of each: its pepper over the chain hash (deterministic, so an unchanged
        // user compares equal and writes nothing).
        var wanted: [String: (user: User, hash: String)] = [:]
        for entry in published {
            do {
                try InputGuards.checkText(entry.code)
                try InputGuards.checkText(entry.name)
            } catch {
                throw PublicationProblem.userUnusable(revision: set.revision, code: entry.code, why: "its code or name holds a control character")
            }
            guard !entry.code.isEmpty, wanted[entry.code] == nil else {
                throw PublicationProblem.userUnusable(revision: set.revision, code: entry.code, why: "its code is empty or listed twice")
            }
            guard let hash = pinHasher.wrap(chainHash: entry.pinHash) else {
                throw PublicationProblem.userUnusable(revision: set.revision, code: entry.code, why: "its PIN hash is not a chain PIN hash")
            }
            wanted[entry.code] = (User(code: entry.code, name: entry.name, role: entry.role), hash)
        }
        let key = key
        let changes: [JournalChange] = try read { db in
            var changes: [JournalChange] = []
            for code in wanted.keys.sorted() {
                guard let want = wanted[code] else { continue }
                let have = try Self.chainedUser(db, code: code, key: key)
                if have?.user != want.user || have?.pinHash != want.hash { changes.append(.userSaved(want.user, pinHash: want.hash)) }
            }
            let current = try Row.fetchAll(db, sql: "SELECT code, name, role FROM user WHERE removedRevision IS NULL ORDER BY code")
            for row in current where wanted[row["code"]] == nil {
                guard let role = Role(rawValue: row["role"]) else { continue }
                changes.append(.userRemoved(User(code: row["code"], name: row["name"], role: role), revision: set.revision))
            }
            return changes
        }
        guard !changes.isEmpty else { return 0 }
        try record(changes, by: set.by)
        return changes.count
    }
}
