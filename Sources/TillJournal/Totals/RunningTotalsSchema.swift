import GRDB

/// Running shift totals: the X/Z figures kept up to date as entries are written, so a report
/// reads a few rows instead of aggregating a million.
///
/// They are maintained by triggers on the rows they sum (`journalEntry`, `tender`, `saleLine`),
/// so they change in the very transaction that writes the entry and no code path (the guarded
/// append, a batch load, a hand-written INSERT) can skip them. `verify` recomputes them from the
/// entries and reports any difference (`RunningTotalsCheck`).
///
/// One row per (till, shift, figure, kind, key):
/// - figure `document`: kind `sale` / `refund` / `postVoid`, key the clerk's code;
/// - figure `tender`: kind the document kind, key the tender kind;
/// - figure `tax`: kind `sale`, key '' (the tax of lines not voided).
/// Training never counts. `CHECK (typeof(...) = 'integer')` refuses a sum that would overflow
/// (SQLite turns an overflowing integer sum into a float), failing the write instead of the report.
enum RunningTotalsSchema {
    static let migration = "v5-shift-running-totals"

    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration(migration) { db in
            try db.execute(sql: """
                CREATE TABLE shiftRunningTotal (
                    till TEXT NOT NULL,
                    shift INTEGER NOT NULL,
                    figure TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    count INTEGER NOT NULL CHECK (typeof(count) = 'integer'),
                    amountMinor INTEGER NOT NULL CHECK (typeof(amountMinor) = 'integer'),
                    PRIMARY KEY (till, shift, figure, kind, key)
                ) WITHOUT ROWID;

                CREATE TRIGGER shiftRunningTotal_document AFTER INSERT ON journalEntry
                WHEN NEW.training = 0 AND NEW.kind IN ('sale', 'refund', 'postVoid')
                     AND NEW.till IS NOT NULL AND NEW.shift IS NOT NULL
                BEGIN
                    INSERT INTO shiftRunningTotal (till, shift, figure, kind, key, count, amountMinor)
                    VALUES (NEW.till, NEW.shift, 'document', NEW.kind, COALESCE(NEW.userCode, ''), 1, COALESCE(NEW.totalMinor, 0))
                    ON CONFLICT (till, shift, figure, kind, key) DO UPDATE
                    SET count = count + excluded.count, amountMinor = amountMinor + excluded.amountMinor;
                END;

                CREATE TRIGGER shiftRunningTotal_tender AFTER INSERT ON tender
                WHEN NEW.training = 0
                BEGIN
                    INSERT INTO shiftRunningTotal (till, shift, figure, kind, key, count, amountMinor)
                    VALUES (NEW.till, NEW.shift, 'tender', NEW.documentKind, NEW.tenderKind, 1, NEW.amountMinor)
                    ON CONFLICT (till, shift, figure, kind, key) DO UPDATE
                    SET count = count + excluded.count, amountMinor = amountMinor + excluded.amountMinor;
                END;

                CREATE TRIGGER shiftRunningTotal_tax AFTER INSERT ON saleLine
                WHEN NEW.training = 0 AND NEW.voided = 0
                BEGIN
                    INSERT INTO shiftRunningTotal (till, shift, figure, kind, key, count, amountMinor)
                    VALUES (NEW.till, NEW.shift, 'tax', 'sale', '', 1, NEW.taxMinor)
                    ON CONFLICT (till, shift, figure, kind, key) DO UPDATE
                    SET count = count + excluded.count, amountMinor = amountMinor + excluded.amountMinor;
                END;

                -- The refund report's sales per till, clerk and day read only this index (a range of `at`).
                CREATE INDEX journalEntry_kindAt ON journalEntry(kind, training, at, till, userCode, totalMinor);

                -- A journal written before this migration starts with its totals recomputed once.
                INSERT INTO shiftRunningTotal (till, shift, figure, kind, key, count, amountMinor)
                \(RunningTotalsRecompute.allSQL);
                """)
        }
    }
}
