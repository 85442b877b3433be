import GRDB

extension JournalMigrations {
    /// Items and users a central revision dropped are kept, marked (`itemsWithdrawn`,
    /// `userRemoved` entries): NULL for every row until a revision leaves it out.
    static func registerPublished(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-central-withdrawals") { db in
            try db.execute(sql: """
                ALTER TABLE catalogItem ADD COLUMN withdrawnRevision INTEGER;
                ALTER TABLE catalogItem ADD COLUMN withdrawnBy TEXT;
                ALTER TABLE user ADD COLUMN removedRevision INTEGER;
                """)
        }
    }
}
