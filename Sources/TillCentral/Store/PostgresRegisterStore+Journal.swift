import Logging
import PostgresNIO
import TillCore
import TillPorts

/// The journal's look-ups, read from the store's projection tables and the records' payloads.
extension PostgresRegisterStore {
    public func lastEntryTime() throws -> Timestamp? {
        try transaction { db, logger in
            for try await at in try await db.query("SELECT at FROM entry ORDER BY seq DESC LIMIT 1", logger: logger).decode(Int64.self) {
                return Timestamp(seconds: at)
            }
            return nil
        }
    }

    public func sale(_ number: DocumentNumber) throws -> SaleLookup? {
        let receipt = number.description
        return try transaction { db, logger in try await Self.saleLookup(receipt, db, logger) }
    }

    /// The sale with its refunds in the order recorded; nil if this store does not hold it.
    static func saleLookup(_ receipt: String, _ db: PostgresConnection, _ logger: Logger) async throws -> SaleLookup? {
        var sale: SaleRecord?
        for try await payload in try await db.query("""
            SELECT e.payload FROM document d JOIN entry e ON e.seq = d.entry_seq WHERE d.reference = \(receipt) AND d.kind = 'S'
            """, logger: logger).decode(String.self) {
            if case .sale(let found, _) = try decode(JournalRecord.self, payload, what: "sale \(receipt)") { sale = found }
        }
        guard let sale else { return nil }
        var refunds: [RefundRecord] = []
        for try await payload in try await db.query("""
            SELECT e.payload FROM refund r JOIN entry e ON e.seq = r.entry_seq WHERE r.original_receipt = \(receipt) ORDER BY r.entry_seq
            """, logger: logger).decode(String.self) {
            if case .refund(let refund, _) = try decode(JournalRecord.self, payload, what: "a refund of \(receipt)") { refunds.append(refund) }
        }
        var voided = false
        for try await _ in try await db.query("SELECT 1 FROM post_void WHERE original_receipt = \(receipt)", logger: logger) { voided = true }
        return SaleLookup(sale: sale, refunds: refunds, voided: voided)
    }

    public func openShift(till: String) throws -> ShiftRecord? {
        try transaction { db, logger in
            for try await payload in try await db.query("""
                SELECT e.payload FROM shift s JOIN entry e ON e.seq = s.entry_seq
                WHERE s.till = \(till) AND NOT EXISTS (SELECT 1 FROM z_report z WHERE z.till = s.till AND z.shift = s.number)
                ORDER BY s.number DESC LIMIT 1
                """, logger: logger).decode(String.self) {
                if case .shiftOpened(let shift) = try Self.decode(JournalRecord.self, payload, what: "a shift of till \(till)") { return shift }
            }
            return nil
        }
    }

    public func sequences(till: String) throws -> DocumentSequences {
        try transaction { db, logger in
            var highest: [(kind: DocumentKind, sequence: Int64)] = []
            for try await (kind, sequence) in try await db.query("""
                SELECT kind, MAX(sequence) FROM document WHERE till = \(till) GROUP BY kind
                """, logger: logger).decode((String, Int64?).self) {
                if let kind = DocumentKind(rawValue: kind), let sequence { highest.append((kind, sequence)) }
            }
            var references: [String] = []
            for try await text in try await db.query("""
                SELECT DISTINCT tender_reference FROM tender
                WHERE tender_kind = 'storeCredit' AND document_kind = 'refund' AND tender_reference IS NOT NULL
                """, logger: logger).decode(String.self) {
                references.append(text)
            }
            return DocumentSequences(highest: highest, highestCreditNote: DocumentSequences.highestCreditNote(of: till, in: references))
        }
    }

    public func refundedBy(clerk: String, shift: Int64, till: String) throws -> Money {
        try transaction { db, logger in
            var currency: String?
            for try await code in try await db.query("SELECT currency FROM shift WHERE till = \(till) AND number = \(shift)", logger: logger)
                .decode(String.self) { currency = code }
            guard let currency else { throw PostgresStoreFailure.shiftNotFound(till: till, shift: shift) }
            var sum: Int64 = 0
            for try await total in try await db.query("""
                SELECT COALESCE(SUM(total_minor), 0)::bigint FROM refund
                WHERE till = \(till) AND shift = \(shift) AND user_code = \(clerk) AND NOT training
                """, logger: logger).decode(Int64.self) { sum = total }
            return Money(minor: sum, currency: Self.currency(currency))
        }
    }

    public func lowestUnitPrice(sku: String, since: Timestamp) throws -> Money? {
        try transaction { db, logger in
            var lowest: Money?
            for try await (unit, discount, thousandths, currency) in try await db.query("""
                SELECT l.unit_price_minor, l.discount_minor, l.thousandths, l.currency FROM sale_line l
                WHERE l.sku = \(sku) AND l.at >= \(since.seconds) AND NOT l.training AND NOT l.voided AND l.thousandths > 0
                  AND NOT EXISTS (SELECT 1 FROM post_void v WHERE v.original_receipt = l.receipt)
                """, logger: logger).decode((Int64, Int64, Int64, String).self) {
                let net = Money(minor: NetUnitPrice.minor(unit: unit, discount: discount, thousandths: thousandths),
                                currency: Self.currency(currency))
                if lowest.map({ net.minor < $0.minor }) ?? true { lowest = net }
            }
            return lowest
        }
    }

    /// The shift's figures summed from its rows (training never counts), turned into X/Z figures by
    /// TillCore's `ShiftTotals(shift:figures:…)`, as every engine does.
    public func shiftTotals(shift number: Int64, till: String) throws -> ShiftTotals? {
        try transaction { db, logger in
            var shift: ShiftRecord?
            for try await payload in try await db.query("""
                SELECT e.payload FROM shift s JOIN entry e ON e.seq = s.entry_seq WHERE s.till = \(till) AND s.number = \(number)
                """, logger: logger).decode(String.self) {
                if case .shiftOpened(let found) = try Self.decode(JournalRecord.self, payload, what: "shift \(number)") { shift = found }
            }
            guard let shift else { return nil }
            var figures: [ShiftFigure] = []
            let rows = try await db.query("""
                SELECT 'document', kind, COALESCE(user_code, ''), COUNT(*)::bigint, COALESCE(SUM(total_minor), 0)::bigint FROM entry
                WHERE till = \(till) AND shift = \(number) AND NOT training AND kind IN ('sale', 'refund', 'postVoid') GROUP BY kind, user_code
                UNION ALL
                SELECT 'tender', document_kind, tender_kind, COUNT(*)::bigint, COALESCE(SUM(amount_minor), 0)::bigint FROM tender
                WHERE till = \(till) AND shift = \(number) AND NOT training GROUP BY document_kind, tender_kind
                UNION ALL
                SELECT 'tax', 'sale', '', COUNT(*)::bigint, COALESCE(SUM(tax_minor), 0)::bigint FROM sale_line
                WHERE till = \(till) AND shift = \(number) AND NOT training AND NOT voided HAVING COUNT(*) > 0
                """, logger: logger)
            for try await (figure, kind, key, count, amount) in rows.decode((String, String, String, Int64, Int64).self) {
                figures.append(ShiftFigure(figure: figure, kind: kind, key: key, count: count, amountMinor: amount))
            }
            var names: [String: String] = [:]
            for try await (code, name) in try await db.query("""
                SELECT user_code, user_name FROM entry WHERE till = \(till) AND shift = \(number) AND user_code IS NOT NULL
                  AND user_name IS NOT NULL ORDER BY seq
                """, logger: logger).decode((String, String).self) { names[code] = name }
            var head: JournalAnchor?
            for try await (seq, hash) in try await db.query("SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1", logger: logger)
                .decode((Int64, String).self) { head = JournalAnchor(count: seq, hash: hash) }
            return ShiftTotals(shift: shift, figures: figures, clerkName: { names[$0] ?? $0 }, journalHead: head)
        }
    }

    /// A credit note's balance from its tender rows (issued by refunds and voids, spent by sales).
    public func creditNote(_ number: String) throws -> CreditNote? {
        try transaction { db, logger in try await Self.creditNote(number, db, logger) }
    }

    static func creditNote(_ number: String, _ db: PostgresConnection, _ logger: Logger) async throws -> CreditNote? {
        var issued: Money?, redeemed: Money?
        for try await (kind, currency, total) in try await db.query("""
            SELECT document_kind, currency, COALESCE(SUM(amount_minor), 0)::bigint FROM tender
            WHERE tender_kind = 'storeCredit' AND tender_reference = \(number) GROUP BY document_kind, currency
            """, logger: logger).decode((String, String, Int64).self) {
            let amount = Money(minor: total, currency: Self.currency(currency))
            // Checked: an amount that cannot be added (another currency, an overflow) is left out, never trapped on.
            if kind == "sale" { redeemed = amount } else { issued = (issued ?? .zero(amount.currency)).adding(amount) ?? issued }
        }
        guard let issued else { return nil }
        return CreditNote(number: number, issued: issued, redeemed: redeemed ?? .zero(issued.currency))
    }
}
