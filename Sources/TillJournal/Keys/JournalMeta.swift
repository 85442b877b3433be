import GRDB

/// Facts about the journal itself, in the `journalMeta` table.
enum JournalMeta: String {
    /// `JournalKey.id` of the key that signs this journal: a wrong key file is then named as such
    /// instead of every entry looking tampered.
    case keyID

    static func get(_ name: JournalMeta, _ db: Database) throws -> String? {
        guard try db.tableExists("journalMeta") else { return nil }
        return try String.fetchOne(db, sql: "SELECT value FROM journalMeta WHERE name = ?", arguments: [name.rawValue])
    }

    static func set(_ name: JournalMeta, _ value: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO journalMeta (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                       arguments: [name.rawValue, value])
    }
}
