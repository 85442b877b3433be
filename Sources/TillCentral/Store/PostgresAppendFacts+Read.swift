import Logging
import PostgresNIO
import TillCore
import TillPorts

/// Reads, for one record, every fact `AppendRules` may ask about it.
extension PostgresAppendFacts {
    static func read(for record: JournalRecord, _ db: PostgresConnection, _ logger: Logger) async throws -> PostgresAppendFacts {
        var facts = PostgresAppendFacts()
        for try await (seq, hash, at) in try await db.query("SELECT seq, hash, at FROM entry ORDER BY seq DESC LIMIT 1", logger: logger)
            .decode((Int64, String, Int64).self) {
            facts.last = (seq, hash, at)
        }
        if let reference = AppendRules.documentReference(record) {
            facts.existing[reference] = try await exists("SELECT 1 FROM document WHERE reference = \(reference)", db, logger)
        }
        facts.settings = .some(try await moneySettings(db, logger))
        switch record {
        case .sale(let sale, _):
            try await facts.readCreditNotes(sale.tenders, db, logger)
            try await facts.readRoles([sale.clerk.code] + sale.lines.compactMap(\.approvedBy), db, logger)
        case .refund(let refund, _):
            try await facts.readCreditNotes(refund.tenders, db, logger)
            facts.highestCreditNotes[refund.till] = try await highestCreditNote(till: refund.till, db, logger)
            guard let receipt = refund.originalReceipt else { break }
            facts.sales[receipt] = try await PostgresRegisterStore.saleLookup(receipt, db, logger)
            for line in refund.lines {
                var sum: Int64 = 0
                for try await total in try await db.query("""
                    SELECT COALESCE(SUM(thousandths), 0)::bigint FROM refund_line
                    WHERE original_receipt = \(receipt) AND original_line_no = \(line.originalLineNo)
                    """, logger: logger).decode(Int64.self) { sum = total }
                facts.refundedLines["\(receipt)#\(line.originalLineNo)"] = Quantity(thousandths: sum)
            }
        case .postVoid(let void, _):
            let receipt = void.originalReceipt
            facts.sales[receipt] = try await PostgresRegisterStore.saleLookup(receipt, db, logger)
            var number: String?
            for try await found in try await db.query("SELECT number FROM post_void WHERE original_receipt = \(receipt)", logger: logger)
                .decode(String.self) { number = found }
            facts.voids[receipt] = number
        case .shiftOpened(let shift):
            var open: Int64?
            for try await number in try await db.query("""
                SELECT s.number FROM shift s WHERE s.till = \(shift.till)
                  AND NOT EXISTS (SELECT 1 FROM z_report z WHERE z.till = s.till AND z.shift = s.number)
                """, logger: logger).decode(Int64.self) { open = number }
            facts.openShifts[shift.till] = open
        case .zReport(let z, _):
            let shift = z.totals.shift
            facts.zReports["\(shift.till)#\(shift.number)"] =
                try await exists("SELECT 1 FROM z_report WHERE till = \(shift.till) AND shift = \(shift.number)", db, logger)
            try await facts.readRoles([z.by.code] + (z.approver.map { [$0.code] } ?? []), db, logger)
            if let approver = z.approver { try await facts.readLatestEvent(user: z.by.code, approver: approver.code, db, logger) }
        case .event(let event):
            try await facts.readRoles([event.user, event.approver].compactMap { $0 }, db, logger)
            if let user = event.user, let approver = event.approver { try await facts.readLatestEvent(user: user, approver: approver, db, logger) }
            if let reference = event.reference {
                facts.eventsByReference[reference] = try await events(referring: reference, db, logger)
                facts.refunds[reference] = try await refund(reference, db, logger)
            }
        }
        return facts
    }

    private mutating func readCreditNotes(_ tenders: [Tender], _ db: PostgresConnection, _ logger: Logger) async throws {
        for tender in tenders where tender.kind == .storeCredit {
            guard let number = tender.reference else { continue }
            creditNotes[number] = .some(try await PostgresRegisterStore.creditNote(number, db, logger))
        }
    }

    private mutating func readRoles(_ codes: [String], _ db: PostgresConnection, _ logger: Logger) async throws {
        for code in codes where roles[code] == nil {
            var role: Role?
            for try await text in try await db.query("SELECT role FROM app_user WHERE code = \(code)", logger: logger).decode(String.self) {
                role = Role(rawValue: text)
            }
            roles[code] = .some(role)
        }
    }

    private mutating func readLatestEvent(user: String, approver: String, _ db: PostgresConnection, _ logger: Logger) async throws {
        var found: AuditEvent?
        for try await payload in try await db.query("""
            SELECT payload FROM entry WHERE kind = \(EntryKind.event.rawValue) AND user_code = \(user) AND approver_code = \(approver)
            ORDER BY seq DESC LIMIT 1
            """, logger: logger).decode(String.self) {
            if case .event(let event) = try PostgresRegisterStore.decode(JournalRecord.self, payload, what: "an event of \(user)") { found = event }
        }
        latestEvents["\(user)#\(approver)"] = .some(found)
    }

    /// The money settings `recordMoneySettings` last kept; nil when none were or they do not decode.
    static func moneySettings(_ db: PostgresConnection, _ logger: Logger) async throws -> MoneySettings? {
        for try await text in try await db.query("SELECT settings FROM money_settings WHERE id = 1", logger: logger).decode(String.self) {
            return try? PostgresRegisterStore.decode(MoneySettings.self, text, what: "the money settings")
        }
        return nil
    }

    static func highestCreditNote(till: String, _ db: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        var numbers: [String] = []
        for try await number in try await db.query("""
            SELECT DISTINCT tender_reference FROM tender
            WHERE tender_kind = 'storeCredit' AND document_kind = 'refund' AND tender_reference LIKE \("C" + till + "-%")
            """, logger: logger).decode(String.self) { numbers.append(number) }
        return DocumentSequences.highestCreditNote(of: till, in: numbers)
    }

    static func events(referring reference: String, _ db: PostgresConnection, _ logger: Logger) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        for try await payload in try await db.query("""
            SELECT payload FROM entry WHERE kind = \(EntryKind.event.rawValue) AND reference = \(reference) ORDER BY seq
            """, logger: logger).decode(String.self) {
            if case .event(let event) = try PostgresRegisterStore.decode(JournalRecord.self, payload, what: "an event of \(reference)") {
                events.append(event)
            }
        }
        return events
    }

    static func refund(_ number: String, _ db: PostgresConnection, _ logger: Logger) async throws -> RefundRecord? {
        for try await payload in try await db.query("""
            SELECT e.payload FROM refund r JOIN entry e ON e.seq = r.entry_seq WHERE r.number = \(number)
            """, logger: logger).decode(String.self) {
            if case .refund(let refund, _) = try PostgresRegisterStore.decode(JournalRecord.self, payload, what: "refund \(number)") { return refund }
        }
        return nil
    }

    static func exists(_ query: PostgresQuery, _ db: PostgresConnection, _ logger: Logger) async throws -> Bool {
        for try await _ in try await db.query(query, logger: logger) { return true }
        return false
    }
}
