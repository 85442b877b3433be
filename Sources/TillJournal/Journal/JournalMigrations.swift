import GRDB

/// The journal's schema, as named migrations. A migration, once released, is FROZEN: never edit
/// one; add a new one. (No `eraseDatabaseOnSchemaChange`: the journal is the shop's legal record.)
///
/// Money is always an integer number of minor units (`…Minor`) with its currency code beside it;
/// quantities are integer thousandths. Booleans are 0/1 integers; times are seconds since 1970 UTC.
enum JournalMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-journal") { db in
            // The signed chain. `seq` is AUTOINCREMENT so that sqlite_sequence remembers the highest
            // number ever used: deleting the last entry then shows up as a missing entry.
            try db.execute(sql: """
                CREATE TABLE journalEntry (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    reference TEXT,
                    till TEXT,
                    shift INTEGER,
                    userCode TEXT,
                    userName TEXT,
                    approverCode TEXT,
                    at INTEGER NOT NULL,
                    totalMinor INTEGER,
                    currency TEXT,
                    training INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    prevHash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                -- Covering index: shift totals read only the index, even for a million entries.
                CREATE INDEX journalEntry_shift ON journalEntry(till, shift, kind, training, userCode, totalMinor);
                -- A clerk's latest name in a shift (the index ends with seq, the rowid).
                CREATE INDEX journalEntry_user ON journalEntry(userCode, till, shift);

                -- Every document number ever issued, once (sale S, refund R, void V, Z report Z, shift H).
                CREATE TABLE document (
                    reference TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    till TEXT NOT NULL,
                    sequence INTEGER,
                    entrySeq INTEGER NOT NULL UNIQUE
                ) WITHOUT ROWID;
                CREATE INDEX document_sequence ON document(till, kind, sequence);

                CREATE TABLE saleLine (
                    receipt TEXT NOT NULL,
                    lineNo INTEGER NOT NULL,
                    entrySeq INTEGER NOT NULL,
                    till TEXT NOT NULL,
                    shift INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    training INTEGER NOT NULL,
                    sku TEXT NOT NULL,
                    barcode TEXT,
                    name TEXT NOT NULL,
                    quantityThousandths INTEGER NOT NULL,
                    unitPriceMinor INTEGER NOT NULL,
                    originalUnitPriceMinor INTEGER,
                    discountMinor INTEGER NOT NULL,
                    amountMinor INTEGER NOT NULL, -- gross paid for the line, tax included
                    taxMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    taxClassID TEXT NOT NULL,
                    weighed INTEGER NOT NULL,
                    returnable INTEGER NOT NULL,
                    voided INTEGER NOT NULL,
                    approvedBy TEXT,
                    PRIMARY KEY (receipt, lineNo)
                );
                CREATE INDEX saleLine_entry ON saleLine(entrySeq, lineNo);
                CREATE INDEX saleLine_sku ON saleLine(sku, at);
                CREATE INDEX saleLine_shift ON saleLine(till, shift, training, voided, taxMinor);

                -- Tenders of sales (taken) and of refunds and voids (given back).
                CREATE TABLE tender (
                    entrySeq INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    reference TEXT NOT NULL,
                    documentKind TEXT NOT NULL,
                    till TEXT NOT NULL,
                    shift INTEGER NOT NULL,
                    userCode TEXT NOT NULL,
                    training INTEGER NOT NULL,
                    tenderKind TEXT NOT NULL,
                    amountMinor INTEGER NOT NULL,
                    receivedMinor INTEGER,
                    tenderReference TEXT,
                    currency TEXT NOT NULL,
                    PRIMARY KEY (entrySeq, position)
                );
                CREATE INDEX tender_shift ON tender(till, shift, training, documentKind, tenderKind, amountMinor);

                CREATE TABLE refund (
                    number TEXT PRIMARY KEY NOT NULL,
                    entrySeq INTEGER NOT NULL UNIQUE,
                    originalReceipt TEXT,
                    till TEXT NOT NULL,
                    shift INTEGER NOT NULL,
                    userCode TEXT NOT NULL,
                    training INTEGER NOT NULL,
                    totalMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL
                );
                CREATE INDEX refund_original ON refund(originalReceipt);
                CREATE INDEX refund_clerk ON refund(till, shift, userCode, training, totalMinor);

                CREATE TABLE refundLine (
                    entrySeq INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    refund TEXT NOT NULL,
                    originalReceipt TEXT,
                    originalLineNo INTEGER NOT NULL,
                    sku TEXT NOT NULL,
                    name TEXT NOT NULL,
                    quantityThousandths INTEGER NOT NULL,
                    unitPriceMinor INTEGER NOT NULL,
                    amountMinor INTEGER NOT NULL,
                    taxMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    weighed INTEGER NOT NULL,
                    PRIMARY KEY (entrySeq, position)
                );
                CREATE INDEX refundLine_original ON refundLine(originalReceipt, originalLineNo, quantityThousandths);

                -- One void per sale, enforced by the unique original receipt.
                CREATE TABLE postVoid (
                    number TEXT PRIMARY KEY NOT NULL,
                    entrySeq INTEGER NOT NULL UNIQUE,
                    originalReceipt TEXT NOT NULL UNIQUE,
                    till TEXT NOT NULL,
                    shift INTEGER NOT NULL,
                    training INTEGER NOT NULL,
                    totalMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL
                );

                CREATE TABLE shift (
                    till TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    entrySeq INTEGER NOT NULL UNIQUE,
                    openedAt INTEGER NOT NULL,
                    openedBy TEXT NOT NULL,
                    openingFloatMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    PRIMARY KEY (till, number)
                );

                -- A Z report closes its shift; one per shift.
                CREATE TABLE zReport (
                    number TEXT PRIMARY KEY NOT NULL,
                    entrySeq INTEGER NOT NULL UNIQUE,
                    till TEXT NOT NULL,
                    shift INTEGER NOT NULL,
                    at INTEGER NOT NULL,
                    byCode TEXT NOT NULL,
                    netMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    UNIQUE (till, shift)
                );

                -- Slips and their print state. The document is part of the signed payload; the print
                -- state is not (it changes after the sale), so it lives here, outside the chain.
                CREATE TABLE slip (
                    reference TEXT PRIMARY KEY NOT NULL,
                    entrySeq INTEGER NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    document TEXT NOT NULL,
                    printState TEXT NOT NULL,
                    printCause TEXT,
                    printStateAt INTEGER,
                    attempts INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX slip_state ON slip(printState, entrySeq);
                """)
        }

        migrator.registerMigration("v1-catalog") { db in
            try db.execute(sql: """
                CREATE TABLE taxClass (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    rateBasisPoints INTEGER NOT NULL,
                    inclusive INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE catalogItem (
                    sku TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    priceMinor INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    taxClassID TEXT NOT NULL,
                    returnable INTEGER NOT NULL,
                    weighed INTEGER NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE barcode (
                    code TEXT PRIMARY KEY NOT NULL,
                    sku TEXT NOT NULL,
                    position INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX barcode_sku ON barcode(sku, position);
                """)
        }

        migrator.registerMigration("v1-users") { db in
            try db.execute(sql: """
                CREATE TABLE user (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    pinHash TEXT NOT NULL -- pbkdf2-sha256$ROUNDS$SALT_B64$HASH_B64
                ) WITHOUT ROWID;

                -- Wrong-PIN counters per typed code, known user or not, so an unknown code behaves
                -- exactly like a known one with a wrong PIN (nothing is revealed).
                CREATE TABLE pinAttempt (
                    code TEXT PRIMARY KEY NOT NULL,
                    consecutiveFailures INTEGER NOT NULL,
                    lockedUntil INTEGER
                ) WITHOUT ROWID;
                """)
        }

        migrator.registerMigration("v2-drillAttempt") { db in
            // Scored refund drills, one row per attempt; kept in the training journal. Not part of
            // the signed chain: practice results are not the shop's money.
            try db.execute(sql: """
                CREATE TABLE drillAttempt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    trainee TEXT NOT NULL,
                    drill TEXT NOT NULL,
                    startedAt INTEGER NOT NULL,
                    seconds REAL NOT NULL,
                    keystrokes INTEGER NOT NULL,
                    wrongAttempts INTEGER NOT NULL,
                    refusals TEXT NOT NULL,   -- refusal codes met, comma-separated
                    score INTEGER NOT NULL,
                    breakdown TEXT NOT NULL   -- one line per scored point, newline-separated
                );
                CREATE INDEX drillAttempt_trainee ON drillAttempt(trainee, startedAt);
                """)
        }

        migrator.registerMigration("v3-keyed-chain") { db in
            // The chain is keyed (HMAC) from here on; `journalMeta` names the key. Users, catalog,
            // tax classes, print states, drill scores and money settings become projections of
            // chained change entries: drill rows and the settings row name the entry that made them.
            try db.execute(sql: """
                CREATE TABLE journalMeta (
                    name TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                -- A user's latest change, read at every sign-in.
                CREATE INDEX journalEntry_change ON journalEntry(kind, reference, seq);
                ALTER TABLE drillAttempt ADD COLUMN entrySeq INTEGER;
                CREATE UNIQUE INDEX drillAttempt_entry ON drillAttempt(entrySeq);
                CREATE TABLE moneyConfiguration (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    entrySeq INTEGER NOT NULL,
                    settings TEXT NOT NULL
                );
                """)
        }

        migrator.registerMigration("v4-credit-notes") { db in
            // A credit note's balance is summed from its tender rows at every redemption.
            try db.execute(sql: "CREATE INDEX tender_creditNote ON tender(tenderKind, tenderReference, documentKind)")
        }

        registerOutbox(&migrator)
        RunningTotalsSchema.register(&migrator)
        registerPublished(&migrator)
        return migrator
    }
}
