import GRDB
import TillCore
import TillPorts


extension JournalDatabase {
    public func sale(_ number: DocumentNumber) throws -> SaleLookup? {
        try read { db in try Self.saleLookup(db, receipt: number.description) }
    }

    /// The sale with its refunds in the order recorded, read inside `db` (also by the append guards).
    static func saleLookup(_ db: Database, receipt reference: String) throws -> SaleLookup? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT e.seq, e.payload FROM document d JOIN journalEntry e ON e.seq = d.entrySeq
            WHERE d.reference = ? AND d.kind = 'S'
            """, arguments: [reference]),
            case .sale(let sale, _) = try Self.record(row) else { return nil }
        let refunds = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.seq, e.payload FROM refund r JOIN journalEntry e ON e.seq = r.entrySeq
            WHERE r.originalReceipt = ? ORDER BY r.entrySeq
            """), arguments: [reference]).compactMap { row -> RefundRecord? in
            if case .refund(let refund, _) = try Self.record(row) { return refund } else { return nil }
        }
        let voided = try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM postVoid WHERE originalReceipt = ?",
                                       arguments: [reference]) != nil
        return SaleLookup(sale: sale, refunds: refunds, voided: voided)
    }

    /// Whether the journal keeps the refund numbered `number` ("R02-000004"): a central
    /// reservation of it was followed by its commit here.
    public func holdsRefund(_ number: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM document WHERE reference = ? AND kind = 'R'", arguments: [number]) != nil
        }
    }

    /// The till's shift that was opened and not yet closed by a Z report.
    public func openShift(till: String) throws -> ShiftRecord? {
        try read { db in
            guard let row = try Row.fetchOne(db, cachedSQL: """
                SELECT e.seq, e.payload FROM shift s JOIN journalEntry e ON e.seq = s.entrySeq
                WHERE s.till = ? AND NOT EXISTS (SELECT 1 FROM zReport z WHERE z.till = s.till AND z.shift = s.number)
                ORDER BY s.number DESC LIMIT 1
                """, arguments: [till]),
                case .shiftOpened(let shift) = try Self.record(row) else { return nil }
            return shift
        }
    }

    /// The next document numbers of the till: the highest used of each kind plus one.
    public func sequences(till: String) throws -> DocumentSequences {
        try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT kind, MAX(sequence) AS highest FROM document WHERE till = ? GROUP BY kind
                """), arguments: [till])
            let highest = rows.compactMap { row -> (kind: DocumentKind, sequence: Int64)? in
                guard let kind = DocumentKind(rawValue: row["kind"]), let sequence: Int64 = row["highest"] else { return nil }
                return (kind, sequence)
            }
            return DocumentSequences(highest: highest, highestCreditNote: try Self.highestCreditNote(db, till: till))
        }
    }

    /// What a clerk paid out in refunds in a shift (training excluded): for the per-shift limit.
    public func refundedBy(clerk: String, shift: Int64, till: String) throws -> Money {
        try read { db in
            let currency = try Self.shiftCurrency(db, shift: shift, till: till)
            let sum = try Int64.fetchOne(db, cachedSQL: """
                SELECT COALESCE(SUM(totalMinor), 0) FROM refund
                WHERE till = ? AND shift = ? AND userCode = ? AND training = 0
                """, arguments: [till, shift, clerk]) ?? 0
            return Money(minor: sum, currency: currency)
        }
    }

    /// The lowest net unit price `sku` sold for since `since` (training and post-voided sales
    /// excluded): the unit price after any override, less the line's discount spread over its
    /// quantity, rounded down so a return never gives back more than a unit cost. Nil if it did not sell.
    public func lowestUnitPrice(sku: String, since: Timestamp) throws -> Money? {
        try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT l.unitPriceMinor, l.discountMinor, l.quantityThousandths, l.currency FROM saleLine l
                WHERE l.sku = ? AND l.at >= ? AND l.training = 0 AND l.voided = 0 AND l.quantityThousandths > 0
                  AND NOT EXISTS (SELECT 1 FROM postVoid v WHERE v.originalReceipt = l.receipt)
                """), arguments: [sku, since.seconds])
            var lowest: Money? = nil
            for row in rows {
                let unit: Int64 = row["unitPriceMinor"], discount: Int64 = row["discountMinor"]
                let thousandths: Int64 = row["quantityThousandths"]
                let net = Money(minor: Self.netUnitPrice(unit: unit, discount: discount, thousandths: thousandths),
                                currency: .stored(row["currency"]))
                if lowest.map({ net.minor < $0.minor }) ?? true { lowest = net }
            }
            return lowest
        }
    }

    /// The shared rule (`NetUnitPrice`, TillPorts), so every engine prices a return alike.
    static func netUnitPrice(unit: Int64, discount: Int64, thousandths: Int64) -> Int64 {
        NetUnitPrice.minor(unit: unit, discount: discount, thousandths: thousandths)
    }

    static func shiftCurrency(_ db: Database, shift: Int64, till: String) throws -> Currency {
        guard let code = try String.fetchOne(db, cachedSQL: "SELECT currency FROM shift WHERE till = ? AND number = ?",
                                             arguments: [till, shift]) else {
            throw JournalError.shiftNotFound(till: till, shift: shift)
        }
        return .stored(code)
    }

    /// The record of a row holding `seq` and `payload`, its amounts safe to count.
    static func record(_ row: Row) throws -> JournalRecord {
        let seq: Int64 = row["seq"]
        guard let payload = String.fromDatabaseValue(row["payload"]) else {
            throw JournalError.unreadableEntry(seq: seq, cause: "its payload is not text")
        }
        let record: JournalRecord
        do {
            record = try CanonicalJSON.decode(JournalRecord.self, from: payload)
        } catch {
            throw JournalError.unreadableEntry(seq: seq, cause: "its payload is not a readable record")
        }
        // Edited outside the till, its amounts may not add up without trapping: named, never counted.
        if let why = record.amountProblem { throw JournalError.amountsUncountable(seq: seq, reference: record.reference, why: why) }
        return record
    }
}

extension JournalDatabase {
    /// The change of a change entry's row holding `seq` and `payload`.
    static func change(_ row: Row) throws -> ChangeEntry {
        let seq: Int64 = row["seq"]
        guard let payload = String.fromDatabaseValue(row["payload"]),
              let entry = try? CanonicalJSON.decode(ChangeEntry.self, from: payload) else {
            throw JournalError.unreadableEntry(seq: seq, cause: "its payload is not a readable change")
        }
        return entry
    }

    /// Records the money-relevant settings (limits, refund window, rounding, permissions, …) as a
    /// chained entry when they differ from the last recorded; returns whether they did. Called as
    /// the till starts, so every change of them is in the chain, dated, before any sale under them.
    @discardableResult
    public func recordMoneySettings<Settings: Encodable>(_ settings: Settings) throws -> Bool {
        try recordSettings(CanonicalJSON.encode(settings))
    }

    private func recordSettings(_ text: String) throws -> Bool {
        let current = try read { db in
            try String.fetchOne(db, cachedSQL: "SELECT settings FROM moneyConfiguration WHERE id = 1")
        }
        guard current != text else { return false }
        try record([.configurationSet(settings: text)], by: nil)
        return true
    }
}

extension JournalDatabase: MoneySettingsRecorder {
    /// The till's own settings (`MoneySettings`), which the append guards read back.
    @discardableResult
    public func recordMoneySettings(_ settings: MoneySettings) throws -> Bool {
        try recordSettings(CanonicalJSON.encode(settings))
    }
}
