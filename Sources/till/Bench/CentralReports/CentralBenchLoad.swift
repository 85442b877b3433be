import Foundation
import Synchronization
import PostgresNIO
import TillCentral
import TillCore

/// Builds a shop's central journal of `transactions` sales and refunds quickly, every entry
/// accepted by the database's own arrival verification (the chain trigger: next sequence, link
/// to the previous hash, MAC under the till's enrolled central key; then the running shift
/// totals trigger), so the reports read exactly what arriving entries leave.
///
/// How: each till is enrolled with a random central key and its shift opening is sent from
/// Swift as a till sends it. The sales and refunds after it are made by the server in one
/// `INSERT … SELECT` per batch, in sequence order, from payload templates: real `SaleRecord` /
/// `RefundRecord` values with their slips, encoded as the journal encodes them (sorted-key
/// JSON), in which the database sets each entry's number, till, time, clerk and original sale.
/// Every 10th transaction of a till is a refund of one of its sales five transactions back;
/// every third refund is of another till's sale (a cross-till refund). One shift per till, so a
/// Z report covers all of that till's entries (the worst case). The tills' own chain hashes are
/// stand-ins (SHA-256 of "shop/till/sequence"): the central journal links them but cannot
/// check them without the till's journal key, which never leaves the till.
struct CentralBenchLoad {
    let shop: String
    let tills: [String]
    let transactions: Int
    static let t0: Int64 = 1_795_000_000
    static let currency = Currency.cny
    /// Placeholders the database replaces per entry (distinct from anything else in a template).
    static let receiptMark = "S99-999991", originalMark = "S99-999992", refundMark = "R99-999993"
    static let atMark: Int64 = 1_799_999_999, soldAtMark: Int64 = 1_799_999_000
    static let clerkCodeMark = "1999", clerkNameMark = "Sentinel Clerk 哨兵"

    struct Loaded { var sales = 0, refunds = 0 }

    /// Entries loaded so far, across the loading tasks; reported every 10,000.
    final class ProgressCount: Sendable {
        let count = Mutex(0)
        let report: @Sendable (Int) -> Void
        init(report: @escaping @Sendable (Int) -> Void) { self.report = report }
        func add(_ n: Int) {
            let (before, after) = count.withLock { c in let b = c; c += n; return (b, c) }
            if before / 10_000 != after / 10_000 { report(after) }
        }
    }
    static let batch = 200

    /// Sale and refund templates: a few baskets, so amounts vary.
    static func templates() throws -> [(sale: String, saleTotal: Int64, refund: String, refundTotal: Int64)] {
        let tax = TaxClass(id: "VAT13", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)
        let clerk = User(code: clerkCodeMark, name: clerkNameMark, role: .clerk)
        let templates = RegisterConfig().templates
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ record: JournalRecord) throws -> String { String(decoding: try encoder.encode(record), as: UTF8.self) }
        return try (0..<8).map { n in
            let items = (0...(n % 3)).map { k in
                CatalogItem(sku: "SKU\(n * 10 + k)", barcodes: [], name: "Item \(n * 10 + k) 商品",
                            price: Money(minor: Int64(350 + 1_250 * n + 99 * k), currency: currency), taxClassID: tax.id)
            }
            let lines = items.enumerated().map { i, item in
                SaleLine(lineNo: i + 1, item: item, quantity: .each(Int64(1 + (n + i) % 3)), taxClass: tax, barcode: nil)
            }
            let totals = SaleTotals(lines: lines, currency: currency)
            let at = Timestamp(seconds: atMark)
            let sale = SaleRecord(receipt: receiptMark, receiptCode: ReceiptCode.make(till: "99", sequence: 999_991, date: at.civilDate(utcOffsetSeconds: 0)),
                                  till: "99", shift: 1, at: at, clerk: clerk, lines: lines,
                                  tenders: [Tender(kind: n % 3 == 0 ? .card : .cash, amount: totals.gross)], totals: totals,
                                  rounding: .zero(currency), change: .zero(currency), training: false)
            let line = lines[0]
            let refundLine = RefundLine(originalLineNo: 1, sku: line.sku, name: line.name, quantity: .each(1), unitPrice: line.unitPrice,
                                        amount: line.unitPrice, tax: LineTax.compute(amount: line.unitPrice, taxClass: tax).tax, weighed: false)
            let refund = RefundRecord(number: refundMark, till: "99", shift: 1, at: at, clerk: clerk, approver: nil, approvals: [],
                                      originalReceipt: originalMark, originalSoldAt: Timestamp(seconds: soldAtMark), lines: [refundLine],
                                      tenders: [Tender(kind: .cash, amount: line.unitPrice)], reason: ReasonCode.refundDefaults[0],
                                      customerReference: nil, rounding: .zero(currency), training: false)
            return (try json(.sale(sale, templates.sale(sale))), sale.total.minor,
                    try json(.refund(refund, templates.refund(refund))), refund.total.minor)
        }
    }

    /// Loads every till, `parallel` tills at a time (each on its own connection: the tills'
    /// chains are independent, as real tills sending at once are).
    func load(_ settings: CentralSettings, parallel: Int, progress: @escaping @Sendable (Int) -> Void) async throws -> Loaded {
        let templates = try Self.templates()
        let setup = CentralConnection(settings: settings)
        try await setup.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        await setup.drop()
        let perTill = transactions / tills.count
        let counts = tills.indices.map { perTill + ($0 < transactions % tills.count ? 1 : 0) }
        let done = ProgressCount(report: progress)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func start() {
                let index = next
                next += 1
                group.addTask {
                    let connection = CentralConnection(settings: settings)
                    try await loadTill(connection, index: index, count: counts[index], templates: templates, done: done)
                    await connection.drop()
                }
            }
            for _ in 0..<min(parallel, tills.count) { start() }
            while try await group.next() != nil { if next < tills.count { start() } }
        }
        return Loaded(sales: counts.reduce(0) { $0 + $1 - $1 / 10 }, refunds: counts.reduce(0) { $0 + $1 / 10 })
    }

    private func loadTill(_ connection: CentralConnection, index: Int, count: Int,
                          templates: [(sale: String, saleTotal: Int64, refund: String, refundTotal: Int64)], done: ProgressCount) async throws {
        let till = tills[index]
        let key = (0..<32).map { _ in UInt8.random(in: 0...255) }
        try await enrol(connection, till: till, key: key)
        var from = 1
        while from <= count {
            // As a till's outbox sends them: a few hundred entries per transaction.
            let to = min(count, from + Self.batch - 1)
            try await insert(connection, till: till, tillIndex: index, crossTill: tills[(index + 1) % tills.count], key: key,
                             from: from, to: to, templates: templates)
            done.add(to - from + 1)
            from = to + 1
        }
    }

    /// Enrols the till and stores its shift opening (entry 1, the record encoded as the journal
    /// encodes it), hashed and signed by the server as below.
    private func enrol(_ connection: CentralConnection, till: String, key: [UInt8]) async throws {
        let supervisor = User(code: "2001", name: "Supervisor 主管", role: .supervisor)
        let record = JournalRecord.shiftOpened(ShiftRecord(number: 1, till: till, openedAt: Timestamp(seconds: Self.t0),
                                                           openedBy: supervisor, openingFloat: .zero(Self.currency)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload = String(decoding: try encoder.encode(record), as: UTF8.self)
        let shop = shop, keyID = "bench-\(till)", bytes = ByteBuffer(bytes: key), reference = record.reference, t0 = Self.t0
        try await connection.run { db, logger in
            _ = try await db.query("SELECT central_enrol(\(shop), \(till), \(keyID), \(bytes))", logger: logger).collect()
            _ = try await db.query("""
                WITH p AS (SELECT repeat('0', 64) AS prev_hash, encode(sha256(convert_to(\(shop) || '/' || \(till) || '/1', 'UTF8')), 'hex') AS hash)
                INSERT INTO central_entry (shop, till, seq, kind, reference, doc_till, shift, user_code, at, total_minor, currency,
                                           training, payload, prev_hash, hash, mac)
                SELECT \(shop), \(till), 1, 'shiftOpened', \(reference), \(till), 1, '2001', \(t0), 0, 'CNY', false, \(payload), prev_hash, hash,
                       encode(hmac(convert_to(central_signing_text(ROW(\(shop), \(till), 1::bigint, 'shiftOpened', \(reference)::text, \(till),
                                                                      1::bigint, '2001', \(t0), 0::bigint, 'CNY', false, \(payload), prev_hash, hash,
                                                                      '', now(), NULL)::central_entry), 'UTF8'), \(bytes), 'sha256'), 'hex')
                FROM p
                """, logger: logger).collect()
        }
    }

    /// Transactions `from…to` of one till (entries from + 1 … to + 1), made and verified by the server.
    private func insert(_ connection: CentralConnection, till: String, tillIndex: Int, crossTill: String, key: [UInt8], from: Int, to: Int,
                        templates: [(sale: String, saleTotal: Int64, refund: String, refundTotal: Int64)]) async throws {
        let shop = shop, bytes = ByteBuffer(bytes: key)
        let sales = templates.map(\.sale), saleTotals = templates.map(\.saleTotal)
        let refunds = templates.map(\.refund), refundTotals = templates.map(\.refundTotal)
        let t0 = Self.t0, spacing = Int64(2 * tills.count), offset = Int64(tillIndex)
        let (rM, oM, fM, aM, sM, cM, nM) = (Self.receiptMark, Self.originalMark, Self.refundMark, String(Self.atMark), String(Self.soldAtMark),
                                             "\"code\":\"\(Self.clerkCodeMark)\"", Self.clerkNameMark)
        let (from64, to64) = (Int64(from), Int64(to))
        try await connection.run { db, logger in
            _ = try await db.query("""
                WITH n AS (
                    SELECT i, i % 10 = 0 AS refund, 1 + i % 4 AS clerk, (1 + i % 8)::int AS t,
                           i - i / 10 AS sale_no, i / 10 AS refund_no, \(t0) + i * \(spacing) + \(offset) AS at
                    FROM generate_series(\(from64)::bigint, \(to64)::bigint) AS s(i)
                ), d AS (
                    SELECT i + 1 AS seq, refund, at, '100' || clerk AS user_code,
                           CASE WHEN refund THEN 'R' ELSE 'S' END || \(till) || '-' || lpad((CASE WHEN refund THEN refund_no ELSE sale_no END)::text, 6, '0') AS reference,
                           'S' || CASE WHEN refund_no % 3 = 0 THEN \(crossTill) ELSE \(till) END || '-' || lpad(GREATEST(sale_no - 5, 1)::text, 6, '0') AS original,
                           CASE WHEN refund THEN (\(refunds)::text[])[t] ELSE (\(sales)::text[])[t] END AS template,
                           CASE WHEN refund THEN (\(refundTotals)::bigint[])[t] ELSE (\(saleTotals)::bigint[])[t] END AS total,
                           'Clerk ' || clerk || ' 收银员' || clerk AS clerk_name
                    FROM n
                ), p AS (
                    SELECT seq, at, user_code, reference, total, CASE WHEN refund THEN 'refund' ELSE 'sale' END AS kind,
                           replace(replace(replace(replace(replace(replace(replace(replace(template,
                               \(rM), reference), \(fM), reference), \(oM), original), \(aM), at::text), \(sM), (at - 5 * \(spacing))::text),
                               \(cM), '"code":"' || user_code || '"'), \(nM), clerk_name), '"till":"99"', '"till":"' || \(till) || '"') AS payload,
                           encode(sha256(convert_to(\(shop) || '/' || \(till) || '/' || (seq - 1), 'UTF8')), 'hex') AS prev_hash,
                           encode(sha256(convert_to(\(shop) || '/' || \(till) || '/' || seq, 'UTF8')), 'hex') AS hash
                    FROM d
                )
                INSERT INTO central_entry (shop, till, seq, kind, reference, doc_till, shift, user_code, at, total_minor, currency,
                                           training, payload, prev_hash, hash, mac)
                SELECT \(shop), \(till), seq, kind, reference, \(till), 1, user_code, at, total, 'CNY', false, payload, prev_hash, hash,
                       encode(hmac(convert_to(central_signing_text(ROW(\(shop), \(till), seq, kind, reference, \(till), 1::bigint, user_code, at,
                                                                      total, 'CNY', false, payload, prev_hash, hash, '', now(), NULL)::central_entry),
                                              'UTF8'), \(bytes), 'sha256'), 'hex')
                FROM p ORDER BY seq
                """, logger: logger).collect()
        }
    }
}
