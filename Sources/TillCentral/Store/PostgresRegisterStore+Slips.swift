import Logging
import PostgresNIO
import TillCore
import TillPorts

/// Stored slips and their print states.
extension PostgresRegisterStore {
    public func slip(reference: String) throws -> StoredSlip? {
        try transaction { db, logger in
            for try await (seq, document, state, attempts) in try await db.query("""
                SELECT entry_seq, document, print_state, attempts FROM slip WHERE reference = \(reference)
                """, logger: logger).decode((Int64, String, String, Int).self) {
                return try Self.storedSlip(reference, seq, document, state, attempts)
            }
            return nil
        }
    }

    /// This till's slips not printed yet (pending, failed, unknown), in journal order.
    public func unprintedSlips(till: String) throws -> [StoredSlip] {
        try transaction { db, logger in
            var slips: [StoredSlip] = []
            for try await (reference, seq, document, state, attempts) in try await db.query("""
                SELECT reference, entry_seq, document, print_state, attempts FROM slip WHERE till = \(till) AND NOT printed ORDER BY entry_seq
                """, logger: logger).decode((String, Int64, String, String, Int).self) {
                slips.append(try Self.storedSlip(reference, seq, document, state, attempts))
            }
            return slips
        }
    }

    public func setPrintState(reference: String, _ state: PrintState) throws {
        let text = try Self.encode(state)
        let printed: Bool = switch state {
        case .printed, .notRequested: true
        case .pending, .failed, .unknown: false
        }
        let attempt = state.countsAttempt ? 1 : 0
        try transaction { db, logger in
            var found = false
            for try await _ in try await db.query("""
                UPDATE slip SET print_state = \(text), printed = \(printed), attempts = attempts + \(attempt)
                WHERE reference = \(reference) RETURNING 1
                """, logger: logger) { found = true }
            if !found { throw PostgresStoreFailure.slipNotFound(reference: reference) }
        }
    }

    static func storedSlip(_ reference: String, _ seq: Int64, _ document: String, _ state: String, _ attempts: Int) throws -> StoredSlip {
        StoredSlip(reference: reference, entrySeq: seq, document: try decode(SlipDocument.self, document, what: "slip \(reference)"),
                   printState: try decode(PrintState.self, state, what: "the print state of \(reference)"), attempts: attempts)
    }
}
