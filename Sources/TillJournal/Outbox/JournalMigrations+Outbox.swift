import GRDB

extension JournalMigrations {
    /// The outbox's cursor towards the central journal (issue 15). Not chained: it records how
    /// far the copy went, not something that happened at the till; losing it only re-sends
    /// entries, which the central journal recognises as duplicates.
    static func registerOutbox(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-central-outbox") { db in
            try db.execute(sql: """
                CREATE TABLE centralOutbox (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    acknowledgedSeq INTEGER NOT NULL,
                    lastErrorEn TEXT,
                    lastErrorZh TEXT,
                    lastRemedyEn TEXT,
                    lastRemedyZh TEXT,
                    lastAttemptAt INTEGER,
                    lastSuccessAt INTEGER,
                    pulledRevision INTEGER NOT NULL DEFAULT 0   -- the central catalog revision last applied
                );
                """)
        }
    }
}
