import GRDB
import TillCore


extension JournalDatabase {
    /// The slip, its print state and attempts taken from the chain (not the slip table's columns):
    /// a reprint is marked COPY, or printed as the original, by what really happened.
    public func slip(reference: String) throws -> StoredSlip? {
        let key = key
        return try read { db in
            guard var slip = try Row.fetchOne(db, cachedSQL: "SELECT * FROM slip WHERE reference = ?", arguments: [reference])
                .map(Self.storedSlip) else { return nil }
            (slip.printState, slip.attempts) = try Self.chainedPrintState(db, reference: reference, key: key)
            return slip
        }
    }

    /// Records a print outcome as a chained entry after the slip's own (the sale does not change,
    /// its print state does: a jam, a reprint). The slip's print columns are its projection, so a
    /// refund marked printed with sqlite3 is caught by `verify`.
    public func setPrintState(reference: String, _ state: PrintState) throws {
        let at = switch state {
        case .pending: clock()
        case .printed(let at), .failed(_, let at), .unknown(_, let at), .notRequested(let at): at
        }
        try record([.printStateSet(reference: reference, state: state)], by: nil, at: at)
    }

    /// Slips in journal order; with `unprintedOnly`, those not printed yet (pending, failed,
    /// unknown). A receipt the customer did not want (`notRequested`) is not one of them.
    public func slips(unprintedOnly: Bool) throws -> [StoredSlip] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM slip"
                                 + (unprintedOnly ? " WHERE printState NOT IN ('printed', '\(PrintState.notRequestedLabel)')" : "")
                                 + " ORDER BY entrySeq").map(Self.storedSlip)
        }
    }

    static func storedSlip(_ row: Row) throws -> StoredSlip {
        let seq: Int64 = row["entrySeq"]
        let document: SlipDocument
        do {
            document = try CanonicalJSON.decode(SlipDocument.self, from: row["document"] ?? "")
        } catch {
            throw JournalError.unreadableEntry(seq: seq, cause: "its slip is not a readable document")
        }
        let at = Timestamp(seconds: row["printStateAt"] ?? 0)
        let cause: String = row["printCause"] ?? ""
        let state: PrintState = switch row["printState"] as String? {
        case "printed": .printed(at: at)
        case "failed": .failed(cause: PrintFailure(stored: cause), at: at)
        case "unknown": .unknown(cause: PrintFailure(stored: cause), at: at)
        case PrintState.notRequestedLabel: .notRequested(at: at)
        default: .pending
        }
        return StoredSlip(reference: row["reference"], entrySeq: seq, document: document, printState: state,
                          attempts: row["attempts"])
    }
}
