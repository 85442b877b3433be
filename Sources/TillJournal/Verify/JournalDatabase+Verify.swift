import GRDB
import TillCore

extension JournalDatabase {
    /// Walks the whole chain in order and reports EVERY problem: an entry edited or re-hashed
    /// (keyed hash), inserted (duplicated or unknown link), deleted (sequence gap, broken link,
    /// missing tail), a projection row that no longer matches the signed payload, a state table
    /// (users, catalog, tax, print states, drill scores, money settings) that differs from what the
    /// chain's changes leave, running shift totals that differ from the entries' sums, and a journal that is behind or off any of `anchors` or the anchor
    /// the till remembers. One read transaction.
    public func verify(anchors: [JournalAnchor] = []) throws -> JournalVerification {
        let remembered = try anchorStore?.load()
        let key = key
        return try read { db in
            var walker = try ChainWalker(db, key: key)
            try walker.run()
            try walker.checkAnchors(anchors + (remembered.map { [$0] } ?? []))
            return JournalVerification(entries: walker.count, problems: walker.problems + (try RunningTotalsCheck.findings(db)))
        }
    }
}

func d(_ en: String, _ zh: String) -> LocalizedText { LocalizedText(en: en, zh: zh) }

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
    let key: JournalKey
    var streams: [ProjectionStream]
    var replay = StateReplay()
    var problems: [JournalFinding] = []
    var count = 0
    var lastSeq: Int64 = 0

    init(_ db: Database, key: JournalKey) throws {
        self.db = db
        self.key = key
        streams = try Projection.all.map { try ProjectionStream($0, db) }
    }

    mutating func report(_ seq: Int64?, _ reference: String?, _ problem: JournalProblem, _ detail: LocalizedText) {
        problems.append(JournalFinding(seq: seq, reference: reference, problem: problem, detail: detail))
    }

    /// Sequence numbers come from the file, so arithmetic on them wraps instead of trapping (a seq
    /// of Int64.max is simply reported as out of place).
    mutating func run() throws {
        let names = EntryHash.signedColumns + ["hash"]
        let entries = try Row.fetchCursor(db, sql: "SELECT \(names.joined(separator: ", ")) FROM journalEntry ORDER BY seq")
        var previous: (seq: Int64, hash: String, link: String, reference: String?)?
        while let row = try entries.next() {
            let values: [DatabaseValue] = (0..<EntryHash.signedColumns.count).map { row[$0] }
            let seq = Int64.fromDatabaseValue(values[0]) ?? 0
            let reference = String.fromDatabaseValue(values[2])
            let link = String.fromDatabaseValue(values[13]) ?? ""
            let storedHash = String.fromDatabaseValue(row[names.count - 1]) ?? ""
            let intact = EntryHash.compute(values, key: key) == storedHash
            let expectedSeq = (previous?.seq ?? 0) &+ 1
            var linkChecked = true

            if seq > expectedSeq {
                try deleted(from: expectedSeq,
                            d("entr\(seq &- expectedSeq == 1 ? "y" : "ies") \(range(expectedSeq, seq &- 1)) \(seq &- expectedSeq == 1 ? "is" : "are") missing: entry \(seq) follows entry \(previous?.seq ?? 0)",
                              "第 \(range(expectedSeq, seq &- 1)) 条缺失：第 \(seq) 条紧跟在第 \(previous?.seq ?? 0) 条之后"))
                linkChecked = false // the missing entry's hash is unknown
            }
            if linkChecked, link != (previous?.hash ?? EntryHash.genesis) {
                if let previous, link == previous.link {
                    // Two entries claim the same predecessor: one of them was put in. The one whose
                    // own hash is wrong is the forgery; if both are self-consistent, the earlier.
                    if intact {
                        report(previous.seq, previous.reference, .inserted,
                               d("entry \(previous.seq) and entry \(seq) both follow the same entry: entry \(previous.seq) was inserted",
                                 "第 \(previous.seq) 条与第 \(seq) 条声称同一前驱：第 \(previous.seq) 条是插入的"))
                    } else {
                        report(seq, reference, .inserted,
                               d("entry \(seq) repeats the link of entry \(previous.seq) and its hash is wrong: it was inserted",
                                 "第 \(seq) 条重复了第 \(previous.seq) 条的链接且哈希错误：是插入的"))
                    }
                } else if intact {
                    report(seq, reference, .deleted,
                           d("entry \(seq) does not follow entry \(seq &- 1): an entry before it was deleted and the rest renumbered, or entry \(seq &- 1) was replaced",
                             "第 \(seq) 条与第 \(seq &- 1) 条不相连：之前的条目被删除并重新编号，或第 \(seq &- 1) 条被替换"))
                } else if let shift = renumbering(values, storedHash: storedHash) {
                    try deleted(from: seq,
                                d("entry \(seq) was entry \(seq &+ shift) when it was written: \(shift) entr\(shift == 1 ? "y" : "ies") before it \(shift == 1 ? "was" : "were") removed and the rest renumbered",
                                  "第 \(seq) 条写入时是第 \(seq &+ shift) 条：之前有 \(shift) 条被删除，其余被重新编号"))
                } else {
                    try editedOrInserted(seq: seq, reference: reference, values: values,
                                         detail: d("its link to entry \(seq &- 1) and its hash are both wrong",
                                                   "它与第 \(seq &- 1) 条的链接和自身哈希都不对"))
                }
            } else if !intact {
                try editedOrInserted(seq: seq, reference: reference, values: values,
                                     detail: d("its content no longer matches its keyed hash (edited, or re-hashed without the till's key)",
                                               "内容与其密钥哈希不符（被修改，或在没有收银台密钥的情况下重新计算了哈希）"))
            }
            try checkPayload(seq: seq, values: values, reference: reference)
            previous = (seq, storedHash, link, reference)
            lastSeq = seq
            count += 1
        }

        let highest = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'journalEntry'") ?? 0
        if highest > lastSeq {
            try deleted(from: lastSeq &+ 1,
                        d("the journal once had \(highest) entries but now ends at entry \(lastSeq)",
                          "日志曾有 \(highest) 条记录，现在止于第 \(lastSeq) 条"))
        }
        for stream in streams {
            if let orphan = stream.nextEntrySeq {
                let reference = try String.fetchOne(db, sql: "SELECT reference FROM document WHERE entrySeq = ?", arguments: [orphan])
                report(orphan, reference, .deleted,
                       d("\(stream.table.name) still has rows for entry \(orphan), which is not in the journal",
                         "\(stream.table.name) 仍有第 \(orphan) 条的行，但日志中没有该条"))
            }
        }
        problems += try replay.compare(db)
    }

    /// Each anchor (from paper, an export or the anchor file) must be reached by the chain, with the
    /// same hash at its entry.
    mutating func checkAnchors(_ anchors: [JournalAnchor]) throws {
        for anchor in Set(anchors).sorted(by: { $0.count < $1.count }) where anchor.count > 0 {
            if anchor.count > lastSeq {
                report(lastSeq &+ 1, nil, .truncated,
                       d("the anchor \(anchor) says the journal reached entry \(anchor.count), but it ends at entry \(lastSeq): entries \(range(lastSeq &+ 1, anchor.count)) are missing",
                         "锚点 \(anchor) 表明日志曾到第 \(anchor.count) 条，但现在止于第 \(lastSeq) 条：第 \(range(lastSeq &+ 1, anchor.count)) 条缺失"))
            } else if let hash = try String.fetchOne(db, sql: "SELECT hash FROM journalEntry WHERE seq = ?", arguments: [anchor.count]),
                      hash != anchor.hash {
                report(anchor.count, nil, .anchorMismatch,
                       d("the anchor \(anchor) names another hash than entry \(anchor.count) has now (\(hash))",
                         "锚点 \(anchor) 的哈希与第 \(anchor.count) 条现有哈希（\(hash)）不同"))
            }
        }
    }

    /// A hash mismatch: an edit of a real entry, unless nothing else knows the entry (then inserted):
    /// an entry that issues a document number must have a document row, naming the same document
    /// as its reference column or its payload.
    private mutating func editedOrInserted(seq: Int64, reference: String?, values: [DatabaseValue], detail: LocalizedText) throws {
        let issuesDocument = String.fromDatabaseValue(values[1]).flatMap(EntryKind.init(rawValue:))?.documentKind != nil
        let known = try String.fetchOne(db, sql: "SELECT reference FROM document WHERE entrySeq = ?", arguments: [seq])
        let payloadReference = String.fromDatabaseValue(values[12])
            .flatMap { try? CanonicalJSON.decode(JournalRecord.self, from: $0) }?.reference
        if issuesDocument, known == nil || (known != reference && known != payloadReference) {
            report(seq, reference, .inserted, d("entry \(seq) is not a document the till issued (\(detail.en))",
                                                "第 \(seq) 条不是收银台开出的单据（\(detail.zh)）"))
        } else {
            report(seq, known ?? reference, .edited, detail)
        }
    }

    /// If the entry's hash comes right under a higher sequence number, it was renumbered down after
    /// entries before it were deleted: returns by how much (looks up to 64 back).
    private func renumbering(_ values: [DatabaseValue], storedHash: String) -> Int64? {
        guard let seq = Int64.fromDatabaseValue(values[0]) else { return nil }
        var shifted = values
        for shift in Int64(1)...64 {
            let (candidate, overflow) = seq.addingReportingOverflow(shift)
            if overflow { return nil }
            shifted[0] = candidate.databaseValue
            if EntryHash.compute(shifted, key: key) == storedHash { return shift }
        }
        return nil
    }

    private mutating func deleted(from first: Int64, _ detail: LocalizedText) throws {
        // The projection rows of a deleted entry often survive and still name its document.
        let reference = try String.fetchOne(db, sql: "SELECT reference FROM document WHERE entrySeq = ?", arguments: [first])
        report(first, reference, .deleted, detail)
    }

    /// Decodes the payload (a record or a change), checks the entry's columns and projection rows
    /// against it, and replays a change into the expected state tables.
    private mutating func checkPayload(seq: Int64, values: [DatabaseValue], reference: String?) throws {
        guard let kind = String.fromDatabaseValue(values[1]).flatMap(EntryKind.init(rawValue:)),
              let payload = String.fromDatabaseValue(values[12]) else {
            return report(seq, reference, .edited, d("its kind or payload is not one the till writes", "其类型或内容不是收银台写入的格式"))
        }
        let columns: EntryColumns
        var expectedRows: [ProjectionRow] = []
        if kind.isChange {
            guard let entry = try? CanonicalJSON.decode(ChangeEntry.self, from: payload) else {
                return report(seq, reference, .edited, d("its payload is not a readable change", "其内容不是可读的变更"))
            }
            columns = EntryColumns(entry)
            try replay.apply(entry.change, seq: seq)
        } else {
            guard let record = try? CanonicalJSON.decode(JournalRecord.self, from: payload) else {
                return report(seq, reference, .edited, d("its payload is not a readable record", "其内容不是可读的记录"))
            }
            // Its columns and projection rows are figured from its amounts: only from countable ones.
            if let why = record.amountProblem {
                return report(seq, reference, .edited, d("its amounts cannot be counted: \(why.en)", "其金额无法计算：\(why.zh)"))
            }
            columns = EntryColumns(record)
            expectedRows = try Projection.rows(for: record, seq: seq)
            if record.slip != nil, let reference = columns.reference { try replay.slipIssued(reference, seq: seq) }
        }
        for (index, (name, value)) in columns.databaseValues.enumerated() where values[index + 1] != value {
            report(seq, reference, .projectionMismatch,
                   d("journalEntry.\(name) is \(values[index + 1].readable) but the signed payload says \(value.readable)",
                     "journalEntry.\(name) 现为 \(values[index + 1].readable)，签名内容为 \(value.readable)"))
        }
        try checkProjections(seq: seq, reference: reference, expected: expectedRows)
    }

    /// Compares the entry's projection rows with those derived from its payload.
    private mutating func checkProjections(seq: Int64, reference: String?, expected rows: [ProjectionRow]) throws {
        let expected = Dictionary(grouping: rows, by: \.table.name)
        for index in streams.indices {
            let table = streams[index].table
            // Entries before this one were all walked, so rows left over for them belong to no
            // entry: a projection row was added or renumbered.
            while let next = streams[index].nextEntrySeq, next < seq {
                _ = try streams[index].take()
                report(next, nil, .projectionMismatch,
                       d("\(table.name) has a row for entry \(next) that no signed entry gives",
                         "\(table.name) 有第 \(next) 条的行，但没有签名记录给出它"))
            }
            var stored: [[DatabaseValue]] = []
            while streams[index].nextEntrySeq == seq, let row = try streams[index].take() { stored.append(row) }
            let wanted = (expected[table.name] ?? []).sorted { $0.order < $1.order }.map(\.values)
            if stored.count != wanted.count {
                report(seq, reference, .projectionMismatch,
                       d("\(table.name) has \(stored.count) rows for entry \(seq) but the signed record gives \(wanted.count)",
                         "\(table.name) 中第 \(seq) 条有 \(stored.count) 行，签名记录给出 \(wanted.count) 行"))
                continue
            }
            for (rowIndex, (have, want)) in zip(stored, wanted).enumerated() {
                for (column, name) in table.columns.enumerated() where !same(have[column], want[column], json: name == table.jsonColumn) {
                    report(seq, reference, .projectionMismatch,
                           d("\(table.name) row \(rowIndex + 1): \(name) is \(have[column].readable) but the signed record says \(want[column].readable)",
                             "\(table.name) 第 \(rowIndex + 1) 行：\(name) 现为 \(have[column].readable)，签名记录为 \(want[column].readable)"))
                }
            }
        }
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

/// "5" or "5…9".
func range(_ first: Int64, _ last: Int64) -> String { first == last ? "\(first)" : "\(first)…\(last)" }

extension DatabaseValue {
    /// A stored value as a person reads it: text in quotes, NULL as "empty".
    var readable: String {
        switch storage {
        case .null: return "empty"
        case .int64(let v): return String(v)
        case .double(let v): return String(v)
        case .string(let s): return "\"\(s)\""
        case .blob(let data): return "\(data.count) bytes"
        }
    }
}
