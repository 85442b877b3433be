import GRDB
import TillCore
import TillPorts

/// The facts `AppendRules` decides on, read inside the append's immediate transaction (so a
/// second till's append waits for this one and then sees it).
struct SQLiteAppendFacts: AppendFacts {
    let db: Database

    func documentExists(_ reference: String) throws -> Bool {
        try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM document WHERE reference = ?", arguments: [reference]) != nil
    }

    func sale(_ receipt: String) throws -> SaleLookup? { try JournalDatabase.saleLookup(db, receipt: receipt) }

    func voidNumber(of receipt: String) throws -> String? {
        try String.fetchOne(db, cachedSQL: "SELECT number FROM postVoid WHERE originalReceipt = ?", arguments: [receipt])
    }

    func refunded(receipt: String, lineNo: Int) throws -> Quantity {
        Quantity(thousandths: try Int64.fetchOne(db, cachedSQL: """
            SELECT COALESCE(SUM(quantityThousandths), 0) FROM refundLine WHERE originalReceipt = ? AND originalLineNo = ?
            """, arguments: [receipt, lineNo]) ?? 0)
    }

    func openShift(till: String) throws -> Int64? {
        try Int64.fetchOne(db, cachedSQL: """
            SELECT s.number FROM shift s
            WHERE s.till = ? AND NOT EXISTS (SELECT 1 FROM zReport z WHERE z.till = s.till AND z.shift = s.number)
            """, arguments: [till])
    }

    func zReportExists(till: String, shift: Int64) throws -> Bool {
        try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM zReport WHERE till = ? AND shift = ?", arguments: [till, shift]) != nil
    }

    func creditNote(_ number: String) throws -> CreditNote? { try JournalDatabase.creditNote(db, number: number) }

    func highestCreditNote(till: String) throws -> Int64 { try JournalDatabase.highestCreditNote(db, till: till) }

    /// The settings `recordMoneySettings` last kept; nil when none were or they do not decode as
    /// `MoneySettings` (another version's, or a test's partial table).
    func moneySettings() throws -> MoneySettings? {
        guard let text = try String.fetchOne(db, cachedSQL: "SELECT settings FROM moneyConfiguration WHERE id = 1") else { return nil }
        return try? CanonicalJSON.decode(MoneySettings.self, from: text)
    }

    func role(of code: String) throws -> Role? {
        try String.fetchOne(db, cachedSQL: "SELECT role FROM user WHERE code = ?", arguments: [code]).flatMap(Role.init(rawValue:))
    }

    func latestEvent(user: String, approver: String) throws -> AuditEvent? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT seq, payload FROM journalEntry WHERE kind = ? AND userCode = ? AND approverCode = ? ORDER BY seq DESC LIMIT 1
            """, arguments: [EntryKind.event.rawValue, user, approver]),
            case .event(let event) = try JournalDatabase.record(row) else { return nil }
        return event
    }

    func events(referring reference: String) throws -> [AuditEvent] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT seq, payload FROM journalEntry WHERE kind = 'event' AND reference = ? ORDER BY seq"),
                         arguments: [reference]).compactMap { row in
            guard case .event(let event) = try JournalDatabase.record(row) else { return nil }
            return event
        }
    }

    func refund(_ number: String) throws -> RefundRecord? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT e.seq, e.payload FROM refund r JOIN journalEntry e ON e.seq = r.entrySeq WHERE r.number = ?
            """, arguments: [number]), case .refund(let refund, _) = try JournalDatabase.record(row) else { return nil }
        return refund
    }
}

extension AppendRules {
    /// Runs a shared rule and refuses with the journal's own error, which carries the refusal whole.
    static func journal(_ rule: () throws -> Void) throws {
        do { try rule() } catch let refusal as AppendRefusal { throw JournalError.refused(refusal) }
    }
}
