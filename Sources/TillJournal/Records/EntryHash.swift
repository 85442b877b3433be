import Crypto
import GRDB

/// The hash that chains journal entries: HMAC-SHA256, keyed with the till's `JournalKey`, over
/// every signed column of the entry, including the previous entry's hash. Computed from the typed
/// database values exactly as stored, so an edit of any column (even one that changes a value's
/// type) changes it; and without the key file nobody can compute it, so a re-hashed chain fails.
enum EntryHash {
    /// The previous hash of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// The signed columns, in signing order. `hash` itself is the only column not signed.
    static let signedColumns = ["seq", "kind", "reference", "till", "shift", "userCode", "userName", "approverCode",
                                "at", "totalMinor", "currency", "training", "payload", "prevHash"]

    /// `values` must be in `signedColumns` order (zip stops at the shorter: a short row hashes differently).
    static func compute(_ values: [DatabaseValue], key: JournalKey) -> String {
        var text = ""
        for (name, value) in zip(signedColumns, values) {
            text += name
            text += "="
            text += canonical(value)
            text += "\n"
        }
        return Hex.string(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: key.chain)))
    }

    /// Type-tagged and length-prefixed, so no two different rows give the same text.
    private static func canonical(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "N"
        case .int64(let v): return "I\(v)"
        case .double(let v): return "R\(v)"
        case .string(let s): return "T\(s.utf8.count):" + s
        case .blob(let data): return "B\(data.count):" + data.map { String($0) }.joined(separator: ",")
        }
    }
}
