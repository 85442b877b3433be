import Crypto
import Logging
import PostgresNIO
import TillCore
import TillPorts

extension PostgresRegisterStore {
    /// Appends `record` in one transaction: the store's lock row first, then the facts, the shared
    /// rules (`AppendRules`, every one SQLite's journal checks), and only then the chained entry and
    /// its projection rows. A refused record writes nothing.
    @discardableResult
    public func append(_ record: JournalRecord) throws -> Int64 {
        let payload = try Self.encode(record)
        let columns = EntryColumns(record)
        let key = chainKey
        return try transaction { db, logger in
            try await db.query("SELECT id FROM store_lock WHERE id = 1 FOR UPDATE", logger: logger)
            let facts = try await PostgresAppendFacts.read(for: record, db, logger)
            try AppendRules.checkDocumentNumber(record, facts)
            try AppendRules.checkKind(record, facts)
            if let last = facts.last, columns.at < last.at {
                throw PostgresStoreFailure.entryBeforeLast(at: Timestamp(seconds: columns.at), last: Timestamp(seconds: last.at))
            }
            let seq = (facts.last?.seq ?? 0) + 1
            let prev = facts.last?.hash ?? String(repeating: "0", count: 64)
            let hash = Self.chainHash(seq: seq, prev: prev, kind: columns.kind, payload: payload, key: key)
            try await db.query("""
                INSERT INTO entry (seq, kind, reference, till, shift, user_code, user_name, approver_code, at, total_minor, training,
                                   payload, prev_hash, hash)
                VALUES (\(seq), \(columns.kind), \(columns.reference), \(columns.till), \(columns.shift), \(columns.userCode),
                        \(columns.userName), \(columns.approverCode), \(columns.at), \(columns.totalMinor), \(columns.training),
                        \(payload), \(prev), \(hash))
                """, logger: logger)
            try await Self.project(record, seq: seq, db, logger)
            return seq
        }
    }

    /// HMAC-SHA256 over the entry's number, kind, payload and the previous hash.
    static func chainHash(seq: Int64, prev: String, kind: String, payload: String, key: [UInt8]) -> String {
        let text = "seq=\(seq)\nkind=\(kind)\npayload=\(payload)\nprevHash=\(prev)\n"
        return HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: key)).map { String(format: "%02x", $0) }.joined()
    }

    /// The projection rows of `record` (entry `seq`), in the append's transaction.
    static func project(_ record: JournalRecord, seq: Int64, _ db: PostgresConnection, _ logger: Logger) async throws {
        let columns = EntryColumns(record)
        if let reference = AppendRules.documentReference(record), let till = columns.till {
            let number = DocumentNumber(parsing: reference)
            let kind = EntryKind(rawValue: columns.kind)?.documentKind
            let sequence: Int64? = number?.kind == kind ? number?.sequence : nil
            try await db.query("""
                INSERT INTO document (reference, kind, till, sequence, entry_seq) VALUES (\(reference), \(kind?.rawValue ?? ""), \(till), \(sequence), \(seq))
                """, logger: logger)
        }
        func tenders(_ list: [Tender], kind: String, till: String, shift: Int64, training: Bool) async throws {
            for tender in list {
                try await db.query("""
                    INSERT INTO tender (entry_seq, document_kind, till, shift, training, tender_kind, amount_minor, tender_reference, currency)
                    VALUES (\(seq), \(kind), \(till), \(shift), \(training), \(tender.kind.rawValue), \(tender.amount.minor), \(tender.reference),
                            \(tender.amount.currency.code))
                    """, logger: logger)
            }
        }
        switch record {
        case .sale(let sale, _):
            for line in sale.lines {
                try await db.query("""
                    INSERT INTO sale_line (receipt, line_no, sku, at, training, voided, thousandths, unit_price_minor, discount_minor,
                                           tax_minor, currency, till, shift)
                    VALUES (\(sale.receipt), \(line.lineNo), \(line.sku), \(sale.at.seconds), \(sale.training), \(line.voided),
                            \(line.quantity.thousandths), \(line.unitPrice.minor), \(line.discount.minor), \(line.tax.tax.minor),
                            \(line.unitPrice.currency.code), \(sale.till), \(sale.shift))
                    """, logger: logger)
            }
            try await tenders(sale.tenders, kind: "sale", till: sale.till, shift: sale.shift, training: sale.training)
        case .refund(let refund, _):
            try await db.query("""
                INSERT INTO refund (number, original_receipt, till, shift, user_code, training, total_minor, currency, entry_seq)
                VALUES (\(refund.number), \(refund.originalReceipt), \(refund.till), \(refund.shift), \(refund.clerk.code),
                        \(refund.training), \(refund.total.minor), \(refund.total.currency.code), \(seq))
                """, logger: logger)
            for line in refund.lines {
                try await db.query("""
                    INSERT INTO refund_line (refund, original_receipt, original_line_no, thousandths)
                    VALUES (\(refund.number), \(refund.originalReceipt), \(line.originalLineNo), \(line.quantity.thousandths))
                    """, logger: logger)
            }
            try await tenders(refund.tenders, kind: "refund", till: refund.till, shift: refund.shift, training: refund.training)
        case .postVoid(let void, _):
            try await db.query("INSERT INTO post_void (number, original_receipt) VALUES (\(void.number), \(void.originalReceipt))",
                               logger: logger)
            try await tenders(void.tenders, kind: "postVoid", till: void.till, shift: void.shift, training: void.training)
        case .shiftOpened(let shift):
            try await db.query("""
                INSERT INTO shift (till, number, entry_seq, currency) VALUES (\(shift.till), \(shift.number), \(seq), \(shift.openingFloat.currency.code))
                """, logger: logger)
        case .zReport(let z, _):
            try await db.query("INSERT INTO z_report (till, shift, number) VALUES (\(z.totals.shift.till), \(z.totals.shift.number), \(z.number))",
                               logger: logger)
        case .event: break
        }
        if let slip = record.slip, let reference = record.reference, let till = columns.till {
            let document = try encode(slip)
            let state = try encode(PrintState.pending)
            try await db.query("""
                INSERT INTO slip (reference, entry_seq, till, document, print_state, printed, attempts)
                VALUES (\(reference), \(seq), \(till), \(document), \(state), false, 0)
                """, logger: logger)
        }
    }
}
