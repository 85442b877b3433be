import GRDB
import TillCore

extension JournalDatabase {
    /// Appends `record` in ONE immediate transaction: the chained entry, its projection rows and its
    /// slip (print state pending) are all written, or nothing is. Before writing, the journal re-checks
    /// the rules that protect money (a refund beyond what was sold or outside the sale's ledger, a
    /// second void, a reused document number)
    /// and throws a `JournalError` naming the cause. Returns the entry's sequence number.
    @discardableResult
    public func append(_ record: JournalRecord) throws -> Int64 {
        // Pure work outside the write lock.
        let payload = try CanonicalJSON.encode(record)
        let columns = EntryColumns(record)
        return try writeWithoutTransaction { db in
            var seq: Int64 = 0
            try db.inTransaction(.immediate) {
                seq = try Self.write(record, payload: payload, columns: columns, db)
                return .commit
            }
            return seq
        }
    }

    /// Appends many records in ONE transaction (all or none): for loading history and for
    /// benchmarks, where a disk sync per record would dominate. Same checks as `append`.
    public func append(contentsOf records: [JournalRecord]) throws {
        let prepared = try records.map { (record: $0, payload: try CanonicalJSON.encode($0), columns: EntryColumns($0)) }
        try writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for item in prepared { _ = try Self.write(item.record, payload: item.payload, columns: item.columns, db) }
                return .commit
            }
        }
    }

    /// The guarded write of one record inside an open transaction; returns its sequence number.
    private static func write(_ record: JournalRecord, payload: String, columns: EntryColumns, _ db: Database) throws -> Int64 {
        try AppendGuards.check(record, db)
        let seq = try appendEntry(db, columns: columns, payload: payload)
        for row in try Projection.rows(for: record, seq: seq) {
            if row.table.name == Projection.slip.name {
                try db.cachedStatement(sql: """
                    INSERT INTO slip (entrySeq, reference, kind, document, printState, attempts)
                    VALUES (?, ?, ?, ?, 'pending', 0)
                    """).execute(arguments: StatementArguments(row.values))
            } else {
                try db.cachedStatement(sql: row.table.insertSQL).execute(arguments: StatementArguments(row.values))
            }
        }
        return seq
    }

    /// Writes the chained entry after the last one; returns its sequence number.
    private static func appendEntry(_ db: Database, columns: EntryColumns, payload: String) throws -> Int64 {
        let last = try Row.fetchOne(db, cachedSQL: "SELECT seq, hash FROM journalEntry ORDER BY seq DESC LIMIT 1")
        // sqlite_sequence remembers the highest seq ever used: if the tail was deleted, the gap stays visible.
        let highest = try Int64.fetchOne(db, cachedSQL: "SELECT seq FROM sqlite_sequence WHERE name = 'journalEntry'") ?? 0
        let lastSeq: Int64 = last?["seq"] ?? 0
        let seq = max(lastSeq, highest) + 1
        let prevHash: String = last?["hash"] ?? EntryHash.genesis
        let signed: [DatabaseValue] = [seq.databaseValue] + columns.databaseValues.map(\.1)
            + [payload.databaseValue, prevHash.databaseValue]
        let hash = EntryHash.compute(signed)
        let names = EntryHash.signedColumns + ["hash"]
        try db.cachedStatement(sql: """
            INSERT INTO journalEntry (\(names.joined(separator: ", ")))
            VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))
            """).execute(arguments: StatementArguments(signed + [hash.databaseValue]))
        return seq
    }
}

extension Row {
    static func fetchOne(_ db: Database, cachedSQL sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    static func fetchOne(_ db: Database, cachedSQL sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try Self.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
