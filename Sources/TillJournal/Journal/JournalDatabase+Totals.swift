import GRDB
import TillCore

extension JournalDatabase {
    /// An X/Z report's figures for a shift, read from the running shift totals the journal keeps in
    /// each write transaction (a few rows, however many entries the shift has). Training entries
    /// never count. Nil if the shift was never opened.
    public func shiftTotals(shift number: Int64, till: String) throws -> ShiftTotals? {
        try read { db in
            guard let shiftRow = try Row.fetchOne(db, cachedSQL: """
                SELECT e.seq, e.payload FROM shift s JOIN journalEntry e ON e.seq = s.entrySeq
                WHERE s.till = ? AND s.number = ?
                """, arguments: [till, number]),
                case .shiftOpened(let shift) = try Self.record(shiftRow) else { return nil }
            // The running totals the write transaction keeps (RunningTotalsSchema): a few rows, not a scan.
            let figures = try RunningTotalsRecompute.running(db, till: till, shift: number).map {
                ShiftFigure(figure: $0.key.figure, kind: $0.key.kind, key: $0.key.key, count: $0.value.count,
                            amountMinor: $0.value.amountMinor)
            }
            return try ShiftTotals(shift: shift, figures: figures, clerkName: { try clerkName(db, code: $0, till: till, shift: number) },
                                   journalHead: try Self.head(db))
        }
    }

    private func clerkName(_ db: Database, code: String, till: String, shift: Int64) throws -> String {
        try String.fetchOne(db, cachedSQL: """
            SELECT userName FROM journalEntry WHERE till = ? AND shift = ? AND userCode = ? ORDER BY seq DESC LIMIT 1
            """, arguments: [till, shift, code]) ?? code
    }
}
