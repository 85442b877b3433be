import Logging
import PostgresNIO
import TillCore
import TillPorts

/// Parked sales, as SQLite's journal keeps them: audit entries in the chain (`saleParked`, then
/// `saleRecalled` with the same reference), which the append rules check (`AppendRules+Events`).
extension PostgresRegisterStore {
    /// The sales parked on `till` and not recalled, oldest first, and the number the next gets.
    public func parkedSales(till: String) throws -> (sales: [ParkedSale], nextNumber: Int64) {
        try transaction { db, logger in
            var waiting: [String: ParkedSale] = [:]
            var order: [String] = []
            var highest: Int64 = 0
            let pattern = "P" + till.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "-%"
            for try await payload in try await db.query("""
                SELECT payload FROM entry WHERE kind = \(EntryKind.event.rawValue) AND reference LIKE \(pattern) ORDER BY seq
                """, logger: logger).decode(String.self) {
                guard case .event(let event) = try Self.decode(JournalRecord.self, payload, what: "a parked sale of \(till)"),
                      let reference = event.reference else { continue }
                if let n = ParkedSale.sequence(of: reference, till: till) { highest = max(highest, n) }
                switch event.kind {
                case .saleParked:
                    guard let draft = event.sale else { continue }
                    waiting[reference] = ParkedSale(reference: reference, till: till, parkedAt: event.at, clerk: event.user ?? "", draft: draft)
                    order.append(reference)
                case .saleRecalled:
                    waiting[reference] = nil
                default:
                    continue
                }
            }
            // Checked: a highest number at Int64.max never traps.
            return (order.compactMap { waiting[$0] }, DocumentSequences.after(highest))
        }
    }
}

extension PostgresRegisterStore: MoneySettingsRecorder {
    /// Keeps the settings the till runs under, which the append rules read back; under the
    /// store's lock row, so an append decides on the settings before or after, never half.
    @discardableResult
    public func recordMoneySettings(_ settings: MoneySettings) throws -> Bool {
        let text = try Self.encode(settings)
        return try transaction { db, logger in
            try await db.query("SELECT id FROM store_lock WHERE id = 1 FOR UPDATE", logger: logger)
            for try await stored in try await db.query("SELECT settings FROM money_settings WHERE id = 1", logger: logger).decode(String.self) {
                if stored == text { return false }
            }
            try await db.query("""
                INSERT INTO money_settings (id, settings) VALUES (1, \(text)) ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings
                """, logger: logger)
            return true
        }
    }
}
