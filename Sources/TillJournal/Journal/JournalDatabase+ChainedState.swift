import GRDB
import TillCore

/// What the till acts on is read from the chain where a look-up is cheap (one user, one slip), so
/// a table edited with sqlite3 is not only reported by `verify` but gains nothing at the till.
extension JournalDatabase {
    /// The intact change entries of `kind` about `reference`, oldest first. An entry whose keyed
    /// hash is wrong (forged or edited without the key) counts for nothing.
    static func chainedChanges(_ db: Database, kind: EntryKind, reference: String, key: JournalKey) throws -> [ChangeEntry] {
        let names = EntryHash.signedColumns + ["hash"]
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(names.joined(separator: ", ")) FROM journalEntry WHERE kind = ? AND reference = ? ORDER BY seq
            """), arguments: [kind.rawValue, reference])
        return rows.compactMap { row in
            let values: [DatabaseValue] = (0..<EntryHash.signedColumns.count).map { row[$0] }
            guard EntryHash.compute(values, key: key) == String.fromDatabaseValue(row[names.count - 1]),
                  let payload = String.fromDatabaseValue(row["payload"]) else { return nil }
            return try? CanonicalJSON.decode(ChangeEntry.self, from: payload)
        }
    }

    /// The user and PIN hash as the user's latest intact entry says.
    static func chainedUser(_ db: Database, code: String, key: JournalKey) throws -> (user: User, pinHash: String)? {
        for entry in try chainedChanges(db, kind: .user, reference: code, key: key).reversed() {
            if case .userSaved(let user, let pinHash) = entry.change, user.code == code { return (user, pinHash) }
            // Dropped by a central revision: signs in no more, exactly like a code never known.
            if case .userRemoved(let user, _) = entry.change, user.code == code { return nil }
        }
        return nil
    }

    /// A slip's print state and attempts as its intact print-state entries say (pending and none
    /// before the first).
    static func chainedPrintState(_ db: Database, reference: String, key: JournalKey) throws -> (state: PrintState, attempts: Int) {
        var state = PrintState.pending, attempts = 0
        for entry in try chainedChanges(db, kind: .printState, reference: reference, key: key) {
            guard case .printStateSet(let about, let next) = entry.change, about == reference else { continue }
            state = next
            if next.countsAttempt { attempts += 1 }
        }
        return (state, attempts)
    }
}
