import GRDB
import TillCore

extension JournalDatabase {
    /// Walks the whole chain in order and returns the FIRST problem: an entry edited (hash), inserted
    /// (duplicated or unknown link), deleted (sequence gap, broken link, or missing tail), or a
    /// projection row that no longer matches the signed payload. One read transaction, streaming:
    /// memory stays flat however long the journal is.
    ///
    /// Limit (by design of an unkeyed chain): someone who rewrites the chain from the edit onwards,
    /// recomputing every hash, is not detected here; compare with an exported copy or a printed Z.
    public func verify() throws -> JournalVerification {
        try read { db in
            var walker = try ChainWalker(db)
            return try walker.run()
        }
    }
}

/// One projection table read in journal order, one entry's rows at a time.
private struct ProjectionStream {
    let table: ProjectionTable
    let cursor: RowCursor
    var pending: [DatabaseValue]?

    init(_ table: ProjectionTable, _ db: Database) throws {
        self.table = table
        cursor = try Row.fetchCursor(db, sql: table.selectAllSQL)
        pending = try cursor.next().map(Self.values)
    }

    var nextEntrySeq: Int64? { pending.map { Int64.fromDatabaseValue($0[0]) ?? 0 } }

    mutating func take() throws -> [DatabaseValue]? {
        let row = pending
        pending = try cursor.next().map(Self.values)
        return row
    }

    private static func values(_ row: Row) -> [DatabaseValue] { (0..<row.count).map { row[$0] } }
}

private struct ChainWalker {
    let db: Database
    var streams: [ProjectionStream]

    init(_ db: Database) throws {
        self.db = db
        streams = try Projection.all.map { try ProjectionStream($0, db) }
    }

    mutating func run() throws -> JournalVerification {
        let names = EntryHash.signedColumns + ["hash"]
        let entries = try Row.fetchCursor(db, sql: "SELECT \(names.joined(separator: ", ")) FROM journalEntry ORDER BY seq")
        var previous: (seq: Int64, hash: String, link: String, reference: String?)?
        var count = 0
        while let row = try entries.next() {
            let values: [DatabaseValue] = (0..<EntryHash.signedColumns.count).map { row[$0] }
            let seq = Int64.fromDatabaseValue(values[0]) ?? 0
            let reference = String.fromDatabaseValue(values[2])
            let link = String.fromDatabaseValue(values[13]) ?? ""
            let storedHash = String.fromDatabaseValue(row[names.count - 1]) ?? ""
            let intact = EntryHash.compute(values) == storedHash
            let expectedSeq = (previous?.seq ?? 0) + 1

            if seq != expectedSeq {
                return try deleted(seq: expectedSeq, detail: "entries \(expectedSeq)…\(seq - 1) are missing: "
                                   + "entry \(seq) follows entry \(previous?.seq ?? 0)")
            }
            if link != (previous?.hash ?? EntryHash.genesis) {
                if let previous, link == previous.link {
                    // Two entries claim the same predecessor: one of them was put in. The one whose
                    // own hash is wrong is the forgery; if both are self-consistent, the earlier.
                    return intact
                        ? .broken(seq: previous.seq, reference: previous.reference, problem: .inserted,
                                  detail: "entry \(previous.seq) and entry \(seq) both follow the same entry: entry \(previous.seq) was inserted")
                        : .broken(seq: seq, reference: reference, problem: .inserted,
                                  detail: "entry \(seq) repeats the link of entry \(previous.seq) and its hash is wrong: it was inserted")
                }
                if intact {
                    return .broken(seq: seq, reference: reference, problem: .deleted,
                                   detail: "entry \(seq) does not follow entry \(seq - 1): an entry before it was deleted and the rest renumbered, or entry \(seq - 1) was replaced")
                }
                if let shift = renumbering(values, storedHash: storedHash) {
                    return try deleted(seq: seq, detail: "entry \(seq) was entry \(seq + shift) when it was written: "
                                       + "\(shift) entr\(shift == 1 ? "y" : "ies") before it \(shift == 1 ? "was" : "were") removed and the rest renumbered")
                }
                return try editedOrInserted(seq: seq, reference: reference, values: values,
                                            detail: "its link to entry \(seq - 1) and its hash are both wrong")
            }
            if !intact {
                return try editedOrInserted(seq: seq, reference: reference, values: values,
                                            detail: "its content no longer matches its hash")
            }
            if let problem = try checkProjections(seq: seq, values: values, reference: reference) { return problem }
            previous = (seq, storedHash, link, reference)
            count += 1
        }

        let lastSeq = previous?.seq ?? 0
        let highest = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'journalEntry'") ?? 0
        if highest > lastSeq {
            return try deleted(seq: lastSeq + 1, detail: "the journal once had \(highest) entries but now ends at entry \(lastSeq)")
        }
        for stream in streams {
            if let orphan = stream.nextEntrySeq {
                return try deleted(seq: orphan, detail: "\(stream.table.name) still has rows for entry \(orphan), which is not in the journal")
            }
        }
        return .intact(entries: count)
    }

    /// A hash mismatch: an edit of a real entry, unless nothing else knows the entry (then inserted):
    /// an entry that issues a document number must have a document row, naming the same document
    /// as its reference column or its payload.
    private func editedOrInserted(seq: Int64, reference: String?, values: [DatabaseValue], detail: String) throws -> JournalVerification {
        let issuesDocument = String.fromDatabaseValue(values[1]).flatMap(EntryKind.init(rawValue:))?.documentKind != nil
        let known = try String.fetchOne(db, sql: "SELECT reference FROM document WHERE entrySeq = ?", arguments: [seq])
        let payloadReference = String.fromDatabaseValue(values[12])
            .flatMap { try? CanonicalJSON.decode(JournalRecord.self, from: $0) }?.reference
        if issuesDocument, known == nil || (known != reference && known != payloadReference) {
            return .broken(seq: seq, reference: reference, problem: .inserted,
                           detail: "entry \(seq) is not a document the till issued (\(detail))")
        }
        return .broken(seq: seq, reference: known ?? reference, problem: .edited, detail: "entry \(seq) was edited: \(detail)")
    }

    /// If the entry's hash comes right under a higher sequence number, it was renumbered down after
    /// entries before it were deleted: returns by how much (looks up to 64 back).
    private func renumbering(_ values: [DatabaseValue], storedHash: String) -> Int64? {
        guard let seq = Int64.fromDatabaseValue(values[0]) else { return nil }
        var shifted = values
        for shift in Int64(1)...64 {
            shifted[0] = (seq + shift).databaseValue
            if EntryHash.compute(shifted) == storedHash { return shift }
        }
        return nil
    }

    private func deleted(seq: Int64, detail: String) throws -> JournalVerification {
        // The projection rows of a deleted entry often survive and still name its document.
        let reference = try String.fetchOne(db, sql: "SELECT reference FROM document WHERE entrySeq = ?", arguments: [seq])
        return .broken(seq: seq, reference: reference, problem: .deleted, detail: "entry \(seq) was deleted: " + detail)
    }

    /// Re-derives the entry's columns and projection rows from its signed payload and compares.
    private mutating func checkProjections(seq: Int64, values: [DatabaseValue], reference: String?) throws -> JournalVerification? {
        func mismatch(_ detail: String) -> JournalVerification {
            .broken(seq: seq, reference: reference, problem: .projectionMismatch, detail: detail)
        }
        guard let payload = String.fromDatabaseValue(values[12]),
              let record = try? CanonicalJSON.decode(JournalRecord.self, from: payload) else {
            return .broken(seq: seq, reference: reference, problem: .edited,
                           detail: "entry \(seq)'s payload is not a readable record")
        }
        for (index, (name, value)) in EntryColumns(record).databaseValues.enumerated() where values[index + 1] != value {
            return mismatch("journalEntry.\(name) of entry \(seq) is \(values[index + 1]) but the signed record says \(value)")
        }
        let expected = Dictionary(grouping: try Projection.rows(for: record, seq: seq), by: \.table.name)
        for index in streams.indices {
            let table = streams[index].table
            // Entries before this one were all present and checked, so rows left over for them
            // belong to no entry: a projection row was added or renumbered.
            if let next = streams[index].nextEntrySeq, next < seq {
                return .broken(seq: next, reference: nil, problem: .projectionMismatch,
                               detail: "\(table.name) has a row for entry \(next) that the signed record does not give")
            }
            var stored: [[DatabaseValue]] = []
            while streams[index].nextEntrySeq == seq, let row = try streams[index].take() { stored.append(row) }
            let wanted = (expected[table.name] ?? []).sorted { $0.order < $1.order }.map(\.values)
            if stored.count != wanted.count {
                return mismatch("\(table.name) has \(stored.count) rows for entry \(seq) but the signed record gives \(wanted.count)")
            }
            for (rowIndex, (have, want)) in zip(stored, wanted).enumerated() {
                for (column, name) in table.columns.enumerated() where !same(have[column], want[column], json: name == table.jsonColumn) {
                    return mismatch("\(table.name) row \(rowIndex + 1) of entry \(seq): \(name) is \(have[column]) but the signed record says \(want[column])")
                }
            }
        }
        return nil
    }

    private func same(_ a: DatabaseValue, _ b: DatabaseValue, json: Bool) -> Bool {
        // Equal text is equal JSON; decode only when the text differs (a different but equivalent encoding).
        guard json, a != b else { return a == b }
        guard let x = String.fromDatabaseValue(a), let y = String.fromDatabaseValue(b),
              let dx = try? CanonicalJSON.decode(SlipDocument.self, from: x),
              let dy = try? CanonicalJSON.decode(SlipDocument.self, from: y) else { return false }
        return dx == dy
    }
}
