import GRDB
import TillCore

/// A slip as stored: the document to print and where it stands with the printer.
public struct StoredSlip: Hashable, Sendable {
    public var reference: String
    public var entrySeq: Int64
    public var document: SlipDocument
    public var printState: PrintState
    /// How many times printing was attempted (each non-pending state recorded counts one).
    public var attempts: Int

    public init(reference: String, entrySeq: Int64, document: SlipDocument, printState: PrintState, attempts: Int) {
        self.reference = reference
        self.entrySeq = entrySeq
        self.document = document
        self.printState = printState
        self.attempts = attempts
    }
}

extension JournalDatabase {
    public func slip(reference: String) throws -> StoredSlip? {
        try read { db in
            try Row.fetchOne(db, cachedSQL: "SELECT * FROM slip WHERE reference = ?", arguments: [reference]).map(Self.storedSlip)
        }
    }

    /// Records a print outcome. Print state is outside the signed chain on purpose: it changes after
    /// the sale (a jam, a reprint), the sale itself does not.
    public func setPrintState(reference: String, _ state: PrintState) throws {
        let (label, cause, at): (String, String?, Int64?) = switch state {
        case .pending: ("pending", nil, nil)
        case .printed(let at): ("printed", nil, at.seconds)
        case .failed(let cause, let at): ("failed", cause, at.seconds)
        case .unknown(let cause, let at): ("unknown", cause, at.seconds)
        }
        let attempt = state == .pending ? 0 : 1
        try write { db in
            try db.execute(sql: """
                UPDATE slip SET printState = ?, printCause = ?, printStateAt = ?, attempts = attempts + ?
                WHERE reference = ?
                """, arguments: [label, cause, at, attempt, reference])
            if db.changesCount == 0 { throw JournalError.slipNotFound(reference: reference) }
        }
    }

    /// Slips in journal order; with `unprintedOnly`, those not printed yet (pending, failed, unknown).
    public func slips(unprintedOnly: Bool) throws -> [StoredSlip] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM slip" + (unprintedOnly ? " WHERE printState <> 'printed'" : "")
                                 + " ORDER BY entrySeq").map(Self.storedSlip)
        }
    }

    private static func storedSlip(_ row: Row) throws -> StoredSlip {
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
        case "failed": .failed(cause: cause, at: at)
        case "unknown": .unknown(cause: cause, at: at)
        default: .pending
        }
        return StoredSlip(reference: row["reference"], entrySeq: seq, document: document, printState: state,
                          attempts: row["attempts"])
    }
}
