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

    var upsertSQL: String {
        let all = [key] + columns
        return "INSERT INTO \(name) (\(all.joined(separator: ", "))) VALUES (\(all.map { _ in "?" }.joined(separator: ", ")))"
            + " ON CONFLICT(\(key)) DO UPDATE SET " + columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
}

/// What one change does to the state tables; the journal performs it, `verify` replays it.
enum StateWrite {
    /// Insert or replace the row: `values` are the key then `table.columns`.
    case upsert(StateTable, [DatabaseValue])
    /// An item's barcodes become exactly `codes` (in order); a code another item had moves here.
    case barcodes(sku: String, codes: [String])
    /// A slip's print state; `countsAttempt` adds one to its attempts.
    case printState(reference: String, state: String, cause: String?, at: Int64?, countsAttempt: Bool)
    /// Clears a code's wrong-PIN counters (operational state, not itself a projection).
    case unlock(code: String)
}

enum StateProjection {
    static let user = StateTable("user", key: "code", ["name", "role", "pinHash"])
    static let taxClass = StateTable("taxClass", key: "id", ["name", "rateBasisPoints", "inclusive"])
    static let catalogItem = StateTable("catalogItem", key: "sku",
                                        ["name", "priceMinor", "currency", "taxClassID", "returnable", "weighed"])
    static let barcode = StateTable("barcode", key: "code", ["sku", "position"])
    static let slipPrint = StateTable("slip", key: "reference", ["printState", "printCause", "printStateAt", "attempts"])
    static let drillAttempt = StateTable("drillAttempt", key: "entrySeq", [
        "trainee", "drill", "startedAt", "seconds", "keystrokes", "wrongAttempts", "refusals", "score", "breakdown",
    ])
    static let configuration = StateTable("moneyConfiguration", key: "id", ["entrySeq", "settings"])

    /// The writes of the change in entry `seq`.
    static func writes(for change: JournalChange, seq: Int64) -> [StateWrite] {
        func values(_ list: [(any DatabaseValueConvertible)?]) -> [DatabaseValue] { list.map { $0?.databaseValue ?? .null } }
        switch change {
        case .userSaved(let user, let pinHash):
            return [.upsert(Self.user, values([user.code, user.name, user.role.rawValue, pinHash]))]
        case .userUnlocked(let code):
            return [.unlock(code: code)]
        case .taxClassesSaved(let classes):
            return classes.map { .upsert(taxClass, values([$0.id, $0.name, $0.rateBasisPoints, $0.inclusive])) }
        case .itemsSaved(let items):
            return items.flatMap { item -> [StateWrite] in
                [.upsert(catalogItem, values([item.sku, item.name, item.price.minor, item.price.currency.code,
                                              item.taxClassID, item.returnable, item.weighed])),
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
            return [.upsert(drillAttempt, values([seq, a.trainee, a.drill, a.startedAt.seconds, a.seconds, a.keystrokes,
                                                  a.wrongAttempts, a.refusals.joined(separator: ","), a.score,
                                                  a.breakdown.joined(separator: "\n")]))]
        case .configurationSet(let settings):
            return [.upsert(configuration, values([1, seq, settings]))]
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
                    try db.cachedStatement(sql: barcode.upsertSQL).execute(arguments: [code, sku, position])
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
