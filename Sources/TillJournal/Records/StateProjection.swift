import GRDB
import TillCore

/// A table whose rows are the current state a series of changes leaves (the last change of a key
/// wins), as opposed to `ProjectionTable`, whose rows each belong to one entry.
struct StateTable: Sendable {
    let name: String
    let key: String
    /// The other columns, compared by `verify`.
    let columns: [String]

    init(_ name: String, key: String, _ columns: [String]) {
        self.name = name
        self.key = key
        self.columns = columns
    }

    var selectAllSQL: String { "SELECT \(([key] + columns).joined(separator: ", ")) FROM \(name) ORDER BY \(key)" }

    /// Bound by column name (`:sku`), from a row's named columns.
    var upsertSQL: String {
        let all = [key] + columns
        return "INSERT INTO \(name) (\(all.joined(separator: ", "))) VALUES (\(all.map { ":" + $0 }.joined(separator: ", ")))"
            + " ON CONFLICT(\(key)) DO UPDATE SET " + columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
}

/// What one change does to the state tables; the journal performs it, `verify` replays it.
enum StateWrite {
    /// Insert or replace the row, given by column name.
    case upsert(StateTable, [String: DatabaseValue])
    /// An item's barcodes become exactly `codes` (in order); a code another item had moves here.
    case barcodes(sku: String, codes: [String])
    /// A slip's print state; `countsAttempt` adds one to its attempts.
    case printState(reference: String, state: String, cause: String?, at: Int64?, countsAttempt: Bool)
    /// Clears a code's wrong-PIN counters (operational state, not itself a projection).
    case unlock(code: String)
}

enum StateProjection {
    static let user = UserRow.table
    static let taxClass = TaxClassRow.table
    static let catalogItem = CatalogItemRow.table
    static let barcode = BarcodeRow.table
    static let slipPrint = SlipPrintRow.table
    static let drillAttempt = DrillAttemptRow.table
    static let configuration = ConfigurationRow.table

    /// The writes of the change in entry `seq`.
    static func writes(for change: JournalChange, seq: Int64) throws -> [StateWrite] {
        func upsert<Row: StateRow>(_ row: Row) throws -> StateWrite { .upsert(Row.table, try row.columns()) }
        switch change {
        case .userSaved(let user, let pinHash):
            return [try upsert(UserRow(code: user.code, name: user.name, role: user.role.rawValue, pinHash: pinHash))]
        case .userRemoved(let user, let revision):
            // The table forgets the hash; the chain keeps every entry.
            return [try upsert(UserRow(code: user.code, name: user.name, role: user.role.rawValue, pinHash: "",
                                       removedRevision: revision))]
        case .userUnlocked(let code):
            return [.unlock(code: code)]
        case .itemsWithdrawn(let items, let revision, let by):
            // Barcodes stay as they are: one may have moved to another item in the same pull.
            return try items.map { item in
                try upsert(CatalogItemRow(sku: item.sku, name: item.name, priceMinor: item.price.minor,
                                          currency: item.price.currency.code, taxClassID: item.taxClassID,
                                          returnable: item.returnable, weighed: item.weighed,
                                          withdrawnRevision: revision, withdrawnBy: by))
            }
        case .taxClassesSaved(let classes):
            return try classes.map {
                try upsert(TaxClassRow(id: $0.id, name: $0.name, rateBasisPoints: $0.rateBasisPoints, inclusive: $0.inclusive))
            }
        case .itemsSaved(let items):
            return try items.flatMap { item -> [StateWrite] in
                [try upsert(CatalogItemRow(sku: item.sku, name: item.name, priceMinor: item.price.minor,
                                           currency: item.price.currency.code, taxClassID: item.taxClassID,
                                           returnable: item.returnable, weighed: item.weighed)),
                 .barcodes(sku: item.sku, codes: item.barcodes)]
            }
        case .printStateSet(let reference, let state):
            let (cause, at): (String?, Int64?) = switch state {
            case .pending: (nil, nil)
            case .printed(let at), .notRequested(let at): (nil, at.seconds)
            case .failed(let cause, let at), .unknown(let cause, let at): (cause.stored, at.seconds)
            }
            return [.printState(reference: reference, state: state.label, cause: cause, at: at, countsAttempt: state.countsAttempt)]
        case .drillScored(let a):
            return [try upsert(DrillAttemptRow(entrySeq: seq, trainee: a.trainee, drill: a.drill, startedAt: a.startedAt.seconds,
                                               seconds: a.seconds, keystrokes: Int64(a.keystrokes),
                                               wrongAttempts: Int64(a.wrongAttempts), refusals: a.refusals.joined(separator: ","),
                                               score: Int64(a.score), breakdown: a.breakdown.joined(separator: "\n")))]
        case .configurationSet(let settings):
            return [try upsert(ConfigurationRow(id: 1, entrySeq: seq, settings: settings))]
        case .keyEscrowed:
            return []
        }
    }

    /// Performs the writes inside the caller's transaction.
    static func perform(_ writes: [StateWrite], _ db: Database) throws {
        for write in writes {
            switch write {
            case .upsert(let table, let values):
                try db.cachedStatement(sql: table.upsertSQL).execute(arguments: StatementArguments(values))
            case .barcodes(let sku, let codes):
                try db.cachedStatement(sql: "DELETE FROM barcode WHERE sku = ?").execute(arguments: [sku])
                for (position, code) in codes.enumerated() {
                    let row = try BarcodeRow(code: code, sku: sku, position: Int64(position)).columns()
                    try db.cachedStatement(sql: barcode.upsertSQL).execute(arguments: StatementArguments(row))
                }
            case .printState(let reference, let state, let cause, let at, let countsAttempt):
                try db.cachedStatement(sql: """
                    UPDATE slip SET printState = ?, printCause = ?, printStateAt = ?, attempts = attempts + ?
                    WHERE reference = ?
                    """).execute(arguments: [state, cause, at, countsAttempt ? 1 : 0, reference])
                if db.changesCount == 0 { throw JournalError.slipNotFound(reference: reference) }
            case .unlock(let code):
                try db.cachedStatement(sql: "DELETE FROM pinAttempt WHERE code = ?").execute(arguments: [code])
            }
        }
    }
}
