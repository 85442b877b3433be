import GRDB
import TillCore

/// Parked sales live in the chain as audit entries (`saleParked`, then `saleRecalled` with the
/// same reference): nothing else to keep in step, and they survive a restart with the journal.
extension JournalDatabase {
    /// The sales parked on `till` and not recalled, oldest first, and the number the next gets.
    public func parkedSales(till: String) throws -> (sales: [ParkedSale], nextNumber: Int64) {
        try read { db in
            var waiting: [String: ParkedSale] = [:]
            var order: [String] = []
            var highest: Int64 = 0
            for event in try Self.parkEvents(db, till: till) {
                guard let reference = event.reference else { continue }
                if let n = ParkedSale.sequence(of: reference, till: till) { highest = max(highest, n) }
                switch event.kind {
                case .saleParked:
                    guard let draft = event.sale else { continue }
                    waiting[reference] = ParkedSale(reference: reference, till: till, parkedAt: event.at,
                                                    clerk: event.user ?? "", draft: draft)
                    order.append(reference)
                case .saleRecalled:
                    waiting[reference] = nil
                default:
                    continue
                }
            }
            return (order.compactMap { waiting[$0] }, highest + 1)
        }
    }

    /// The park and recall entries of `till`, in journal order.
    static func parkEvents(_ db: Database, till: String, reference: String? = nil) throws -> [AuditEvent] {
        let rows = if let reference {
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT seq, payload FROM journalEntry WHERE kind = 'event' AND reference = ? ORDER BY seq
                """), arguments: [reference])
        } else {
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT seq, payload FROM journalEntry WHERE kind = 'event' AND reference LIKE ? ESCAPE '\\' ORDER BY seq
                """), arguments: ["P" + till.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "-%"])
        }
        return try rows.compactMap { row in
            guard case .event(let event) = try record(row), event.kind == .saleParked || event.kind == .saleRecalled else { return nil }
            return event
        }
    }
}
