import GRDB
import TillCore
import TillPorts

/// Unverified (offline) refunds read back from the signed records: the shift's total for the
/// offline limit, and the ones without a reconciliation entry yet. Few rows in practice (a
/// refund is unverified only while the central journal could not be reached); the LIKE only
/// narrows what is decoded, the decoded record decides.
extension JournalDatabase: UnverifiedRefundLedger {
    public func unverifiedRefunded(shift: Int64, till: String) throws -> Money {
        try read { db in
            let currency = try Self.shiftCurrency(db, shift: shift, till: till)
            let refunds = try Self.unverifiedRefunds(db, till: till, shift: shift)
            var minor: Int64 = 0
            for refund in refunds {
                let (sum, overflow) = minor.addingReportingOverflow(refund.total.minor)
                guard !overflow else { break }
                minor = sum
            }
            return Money(minor: minor, currency: currency)
        }
    }

    public func unreconciledRefunds(till: String) throws -> [RefundRecord] {
        try read { db in
            let reconciled = try Self.reconciledReferences(db)
            return try Self.unverifiedRefunds(db, till: till, shift: nil).filter { !reconciled.contains($0.number) }
        }
    }

    /// The till's unverified refunds (of one shift, or all), in journal order.
    static func unverifiedRefunds(_ db: Database, till: String, shift: Int64?) throws -> [RefundRecord] {
        let rows: [Row]
        if let shift {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT e.seq, e.payload FROM refund r JOIN journalEntry e ON e.seq = r.entrySeq
                WHERE r.till = ? AND r.shift = ? AND r.training = 0 AND e.payload LIKE '%"unverified":true%' ORDER BY r.entrySeq
                """), arguments: [till, shift])
        } else {
            rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT e.seq, e.payload FROM refund r JOIN journalEntry e ON e.seq = r.entrySeq
                WHERE r.till = ? AND r.training = 0 AND e.payload LIKE '%"unverified":true%' ORDER BY r.entrySeq
                """), arguments: [till])
        }
        return try rows.compactMap { row in
            guard case .refund(let refund, _) = try record(row), refund.unverified == true, !refund.training else { return nil }
            return refund
        }
    }

    /// The refunds that already have a reconciliation entry.
    static func reconciledReferences(_ db: Database) throws -> Set<String> {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT seq, payload FROM journalEntry WHERE kind = 'event' AND payload LIKE '%"refundReconciled"%'
            """))
        var found: Set<String> = []
        for row in rows {
            if case .event(let event) = try record(row), event.kind == .refundReconciled, let reference = event.reference {
                found.insert(reference)
            }
        }
        return found
    }
}
