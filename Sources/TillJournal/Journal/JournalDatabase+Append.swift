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
        try Self.checkAmounts(record)
        let payload = try CanonicalJSON.encode(record)
        let columns = EntryColumns(record)
        try ensureNotBehindAnchor()
        let key = key
        let seq = try writeWithoutTransaction { db in
            var seq: Int64 = 0
            try db.inTransaction(.immediate) {
                seq = try Self.write(record, payload: payload, columns: columns, key: key, db)
                return .commit
            }
            return seq
        }
        rememberHead()
        return seq
    }

    /// Appends many records in ONE transaction (all or none): for loading history and for
    /// benchmarks, where a disk sync per record would dominate. Same checks as `append`.
    public func append(contentsOf records: [JournalRecord]) throws {
        for record in records { try Self.checkAmounts(record) }
        let prepared = try records.map { (record: $0, payload: try CanonicalJSON.encode($0), columns: EntryColumns($0)) }
        try ensureNotBehindAnchor()
        let key = key
        try writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                for item in prepared { _ = try Self.write(item.record, payload: item.payload, columns: item.columns, key: key, db) }
                return .commit
            }
        }
        rememberHead()
    }

    /// Appends changes in ONE transaction: each a chained entry saying who made it, followed by its
    /// writes to the state tables. `check` runs first inside the transaction (a user that exists
    /// already, an unknown tax class) and may refuse.
    func record(_ changes: [JournalChange], by: String?, at: Timestamp? = nil,
                check: (Database) throws -> Void = { _ in }) throws {
        let at = at ?? clock()
        let entries = changes.map { ChangeEntry(change: $0, by: by, at: at) }
        let prepared = try entries.map { (entry: $0, payload: try CanonicalJSON.encode($0), columns: EntryColumns($0)) }
        try ensureNotBehindAnchor()
        let key = key
        try writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try check(db)
                for item in prepared {
                    let seq = try Self.appendEntry(db, columns: item.columns, payload: item.payload, key: key)
                    try StateProjection.perform(try StateProjection.writes(for: item.entry.change, seq: seq), db)
                }
                return .commit
            }
        }
        rememberHead()
    }

    /// The head of the chain: the last entry's number and hash (nil for an empty journal).
    public func head() throws -> JournalAnchor? { try read { db in try Self.head(db) } }

    static func head(_ db: Database) throws -> JournalAnchor? {
        try Row.fetchOne(db, cachedSQL: "SELECT seq, hash FROM journalEntry ORDER BY seq DESC LIMIT 1")
            .map { JournalAnchor(count: $0["seq"], hash: $0["hash"]) }
    }

    /// After a commit, the anchor store learns the new head. Best effort: the entry is committed
    /// whatever happens here, and a stale anchor only weakens the check, never refuses a good till.
    private func rememberHead() {
        guard let anchorStore, let head = try? head() else { return }
        try? anchorStore.record(head)
    }

    /// First of all (its entry columns and every guard add its amounts): a record whose amounts
    /// cannot be added without trapping is refused, naming it.
    static func checkAmounts(_ record: JournalRecord) throws {
        if let why = record.amountProblem { throw JournalError.amountsUncountable(seq: nil, reference: record.reference, why: why) }
    }

    /// The guarded write of one record inside an open transaction; returns its sequence number.
    private static func write(_ record: JournalRecord, payload: String, columns: EntryColumns, key: JournalKey,
                              _ db: Database) throws -> Int64 {
        try AppendGuards.check(record, db)
        let seq = try appendEntry(db, columns: columns, payload: payload, key: key)
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
    /// Every entry, a record or a change, goes through here: the input guards run for all of them.
    private static func appendEntry(_ db: Database, columns: EntryColumns, payload: String, key: JournalKey) throws -> Int64 {
        try InputGuards.check(payload: payload, columns: columns, db)
        let last = try Row.fetchOne(db, cachedSQL: "SELECT seq, hash FROM journalEntry ORDER BY seq DESC LIMIT 1")
        // sqlite_sequence remembers the highest seq ever used: if the tail was deleted, the gap stays visible.
        let highest = try Int64.fetchOne(db, cachedSQL: "SELECT seq FROM sqlite_sequence WHERE name = 'journalEntry'") ?? 0
        let lastSeq: Int64 = last?["seq"] ?? 0
        let (seq, overflow) = max(lastSeq, highest).addingReportingOverflow(1)
        if overflow { throw JournalError.unreadableEntry(seq: highest, cause: "the entry numbers are at their limit (sqlite_sequence was changed)") }
        let prevHash: String = last?["hash"] ?? EntryHash.genesis
        let signed: [DatabaseValue] = [seq.databaseValue] + columns.databaseValues.map(\.1)
            + [payload.databaseValue, prevHash.databaseValue]
        let hash = EntryHash.compute(signed, key: key)
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
