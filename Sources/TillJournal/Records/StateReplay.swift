import GRDB
import TillCore

/// The state tables as the chain's changes leave them, built while `verify` walks the chain, then
/// compared row by row with what the tables hold: a promoted clerk, a changed PIN hash, price,
/// `returnable`, tax rate, print state, drill score or setting is named with the entry it
/// contradicts; a row no change made, or one missing, is named too.
struct StateReplay {
    /// The entry that last wrote a row, and the row's columns by name.
    private typealias Expected = (seq: Int64, values: [String: DatabaseValue])
    /// Table name → key → the last values a change gave it.
    private var rows: [String: [DatabaseValue: Expected]] = [:]
    /// Barcode → the item and position the last change listing it gave, that change's entry, and
    /// the write that gave it (one entry may write the same item twice).
    private var barcodes: [String: (sku: String, position: Int, seq: Int64, write: Int)] = [:]
    /// SKU → its last barcode write (a barcode stays only if that write listed it).
    private var itemWrite: [String: Int] = [:]
    /// Counts barcode writes in chain order.
    private var writes = 0
    /// Slip reference → its entry, and its print columns as its last print-state change left them.
    private var slips: [String: Expected] = [:]

    private static let generic = [StateProjection.user, StateProjection.taxClass, StateProjection.catalogItem,
                                  StateProjection.drillAttempt, StateProjection.configuration]

    mutating func apply(_ change: JournalChange, seq: Int64) throws {
        for write in try StateProjection.writes(for: change, seq: seq) {
            switch write {
            case .upsert(let table, let values):
                guard let key = values[table.key] else { continue }
                rows[table.name, default: [:]][key] = (seq, values)
            case .barcodes(let sku, let codes):
                writes += 1
                itemWrite[sku] = writes
                for (position, code) in codes.enumerated() { barcodes[code] = (sku, position, seq, writes) }
            case .printState(let reference, let state, let cause, let at, let countsAttempt):
                // A state for a slip the chain never issued is left for the slip table to show.
                guard let known = slips[reference] else { continue }
                let attempts = (known.values["attempts"].flatMap(Int64.fromDatabaseValue) ?? 0) + (countsAttempt ? 1 : 0)
                slips[reference] = (seq, try SlipPrintRow(reference: reference, printState: state, printCause: cause,
                                                          printStateAt: at, attempts: attempts).columns())
            case .unlock:
                break // wrong-PIN counters are operational, not chained; the unlock itself is the entry
            }
        }
    }

    /// A slip as its record issued it: pending, never attempted.
    mutating func slipIssued(_ reference: String, seq: Int64) throws {
        slips[reference] = (seq, try SlipPrintRow(reference: reference, printState: "pending", printCause: nil, printStateAt: nil,
                                                  attempts: 0).columns())
    }

    func compare(_ db: Database) throws -> [JournalFinding] {
        // Barcodes as their last write left them.
        var findings: [JournalFinding] = []
        for table in Self.generic {
            try compare(table, expected: rows[table.name] ?? [:], db, into: &findings)
        }
        var codes: [DatabaseValue: Expected] = [:]
        for (code, entry) in barcodes where itemWrite[entry.sku] == entry.write {
            codes[code.databaseValue] = (entry.seq, try BarcodeRow(code: code, sku: entry.sku, position: Int64(entry.position)).columns())
        }
        try compare(StateProjection.barcode, expected: codes, db, into: &findings)
        var prints: [DatabaseValue: Expected] = [:]
        for (reference, entry) in slips { prints[reference.databaseValue] = entry }
        // Slips missing altogether are already reported by the slip projection; only print columns here.
        try compare(StateProjection.slipPrint, expected: prints, db, into: &findings, reportMissing: false)
        return findings
    }

    private func compare(_ table: StateTable, expected: [DatabaseValue: Expected], _ db: Database,
                         into findings: inout [JournalFinding], reportMissing: Bool = true) throws {
        var remaining = expected
        let cursor = try Row.fetchCursor(db, sql: table.selectAllSQL)
        while let row = try cursor.next() {
            let key = row[0] as DatabaseValue
            let name = "\(table.name) \(key.readable)"
            guard let want = remaining.removeValue(forKey: key) else {
                findings.append(JournalFinding(
                    seq: nil, reference: String.fromDatabaseValue(key), problem: .tableChanged,
                    detail: d("\(name) was added outside the journal: no entry records it",
                              "\(name) 是在日志之外添加的：没有任何记录")))
                continue
            }
            // By name: a row written with two columns' values swapped is seen here.
            for column in table.columns {
                let have = row[column] as DatabaseValue
                let recorded = want.values[column] ?? .null
                guard have != recorded else { continue }
                findings.append(JournalFinding(
                    seq: want.seq, reference: String.fromDatabaseValue(key), problem: .tableChanged,
                    detail: d("\(name): \(column) is \(have.readable) but entry #\(want.seq) recorded \(recorded.readable)",
                              "\(name)：\(column) 现为 \(have.readable)，但第 \(want.seq) 条记录的是 \(recorded.readable)")))
            }
        }
        guard reportMissing else { return }
        for (key, want) in remaining.sorted(by: { $0.value.seq < $1.value.seq }) {
            let name = "\(table.name) \(key.readable)"
            findings.append(JournalFinding(
                seq: want.seq, reference: String.fromDatabaseValue(key), problem: .tableChanged,
                detail: d("\(name) was deleted outside the journal: entry #\(want.seq) recorded it",
                          "\(name) 在日志之外被删除：第 \(want.seq) 条记录了它")))
        }
    }
}
