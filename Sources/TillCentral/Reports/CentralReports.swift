import Foundation
import Logging
import PostgresNIO
import TillCore

/// The central journal's query layer for reports: the refund report's rows (`RefundFact`,
/// `SalesFact`) and each till's running shift figures (`ShiftFigure`), so the figures are the
/// core's one computation over rows, exactly as on a till's own journal.
public enum CentralReports {
    /// Times accepted from the database, 1970 to 9999 (local dates stay computable).
    static let latest: Int64 = 253_402_300_799

    static func clamped(_ seconds: Int64) -> Timestamp { Timestamp(seconds: min(max(seconds, 0), latest)) }

    /// Every refund, return without receipt and post-void of `shop` (nil: every shop) from `from`
    /// up to `until`, with the original sale's clerk and time. Training never counts.
    public static func refundFacts(_ connection: CentralConnection, shop: String?, from: Int64, until: Int64) async throws -> [RefundFact] {
        try await connection.run { db, logger in
            // From the rows kept as each refund arrived (CentralReportSchema+RefundFacts): no payload is read here.
            let rows = try await db.query("""
                SELECT e.shop, e.kind, e.number, e.doc_till, e.clerk, e.clerk_name, e.approver, e.approver_name,
                       e.at, e.amount_minor, e.original_receipt, s.user_code, s.at
                FROM central_refund_fact e
                LEFT JOIN central_entry s ON s.reference = e.original_receipt AND s.shop = e.shop AND s.kind = 'sale'
                WHERE e.at >= \(from) AND e.at < \(until) AND (\(shop)::text IS NULL OR e.shop = \(shop)::text)
                ORDER BY e.shop, e.till, e.seq
                """, logger: logger)
            var facts: [RefundFact] = []
            for try await (shop, kind, number, till, clerk, clerkName, approver, approverName, at, total, original, saleClerk, soldAt)
                in rows.decode((String, String, String, String, String, String?, String?, String?, Int64, Int64, String?, String?, Int64?).self) {
                facts.append(RefundFact(
                    kind: kind == "postVoid" ? .postVoid : (original == nil ? .withoutReceipt : .withReceipt),
                    number: number, shop: shop, till: till, clerk: clerk, clerkName: clerkName ?? clerk,
                    approver: approver, approverName: approverName ?? approver, at: clamped(at), amountMinor: total,
                    saleClerk: saleClerk, soldAt: soldAt.map(clamped)))
            }
            return facts
        }
    }

    /// Sales per shop, till, clerk and local day (at `utcOffsetSeconds`), summed in SQL; each
    /// clerk named from their latest sale in the period (greatest till and sequence: one payload
    /// read per clerk). From the 15-minute buckets kept on arrival when the day and the period
    /// are whole buckets (every offset in use is whole quarter hours), else from the entries:
    /// the same figures either way. `fromBuckets: false` reads the entries always (the
    /// benchmark's row-by-row comparison).
    public static func salesFacts(_ connection: CentralConnection, shop: String?, utcOffsetSeconds: Int64,
                                  from: Int64, until: Int64, fromBuckets: Bool = true) async throws -> [SalesFact] {
        let fromBuckets = fromBuckets && SalesBuckets.cover(utcOffsetSeconds: utcOffsetSeconds, from: from, until: until)
        // The clerk's latest sale named, and every group of the clerk named after it. The greatest
        // (till, seq) is taken as the greatest till, then its greatest seq: two linear passes
        // (sorting 70,000 buckets by their text took 0.4 s at 1,000,000 entries).
        let named = """
            n AS (SELECT l.shop, l.clerk, central_document(x.payload, 'sale') #>> '{clerk,name}' AS name
                  FROM l JOIN central_entry x ON x.shop = l.shop AND x.till = l.last_till AND x.seq = l.last_seq)
            SELECT g.shop, g.till, g.clerk, g.day, g.count, g.total, n.name FROM g LEFT JOIN n ON n.shop = g.shop AND n.clerk = g.clerk
            """
        let query: PostgresQuery = fromBuckets ? """
            WITH b AS (SELECT * FROM central_sales_bucket
                       WHERE bucket >= \(from) AND bucket < \(until) AND (\(shop)::text IS NULL OR shop = \(shop)::text)),
            g AS (SELECT shop, till, clerk, (LEAST(GREATEST(bucket, 0), \(latest)) + \(utcOffsetSeconds) + 345600000000) / 86400 - 4000000 AS day,
                         sum(count)::bigint AS count, COALESCE(sum(amount_minor), 0)::bigint AS total
                  FROM b GROUP BY 1, 2, 3, 4),
            t AS (SELECT shop, clerk, max(last_till) AS last_till FROM b GROUP BY 1, 2),
            l AS (SELECT shop, clerk, last_till, max(last_seq) AS last_seq FROM b JOIN t USING (shop, clerk, last_till) GROUP BY 1, 2, 3),
            \(unescaped: named)
            """ : """
            WITH s AS (SELECT shop, till, seq, at, total_minor, COALESCE(doc_till, '') AS doc_till, COALESCE(user_code, '') AS clerk
                       FROM central_entry
                       WHERE kind = 'sale' AND NOT training AND at >= \(from) AND at < \(until) AND (\(shop)::text IS NULL OR shop = \(shop)::text)),
            g AS (SELECT shop, doc_till AS till, clerk, (LEAST(GREATEST(at, 0), \(latest)) + \(utcOffsetSeconds) + 345600000000) / 86400 - 4000000 AS day,
                         count(*) AS count, COALESCE(sum(total_minor), 0)::bigint AS total
                  FROM s GROUP BY 1, 2, 3, 4),
            t AS (SELECT shop, clerk, max(till) AS last_till FROM s GROUP BY 1, 2),
            l AS (SELECT s.shop, s.clerk, t.last_till, max(s.seq) AS last_seq FROM s JOIN t ON t.shop = s.shop AND t.clerk = s.clerk AND t.last_till = s.till
                  GROUP BY 1, 2, 3),
            \(unescaped: named)
            """
        return try await connection.run { db, logger in
            try await db.withTransaction(logger: logger) { tx in
                try await ReportMemory.allow(tx, logger: logger)
                var facts: [SalesFact] = []
                for try await (shop, till, clerk, day, count, total, name)
                    in try await tx.query(query, logger: logger).decode((String, String, String, Int64, Int64, Int64, String?).self) {
                    facts.append(SalesFact(shop: shop, till: till, clerk: clerk, clerkName: name ?? clerk,
                                           day: CivilDate(daysSinceEpoch: min(max(day, 0), latest / 86_400 + 1)),
                                           count: count, amountMinor: total))
                }
                return facts
            }
        }
    }

    /// The X/Z figures of `shop`'s tills (one till with `till`) for `shift`, or each till's latest
    /// shift: read from the running totals (a few rows per till, whatever the journal's size).
    /// A till whose figures do not add up in 64 bits is refused with `ShiftFigureOverflow`.
    public static func shiftTotals(_ connection: CentralConnection, shop: String, till: String?, shift: Int64?) async throws
        -> [CentralShiftReport] {
        try await connection.run { db, logger in
            let opened = try await db.query("""
                SELECT DISTINCT ON (doc_till) doc_till, shift, payload FROM central_entry
                WHERE shop = \(shop) AND kind = 'shiftOpened' AND (\(till)::text IS NULL OR doc_till = \(till)::text)
                      AND (\(shift)::bigint IS NULL OR shift = \(shift)::bigint)
                ORDER BY doc_till, shift DESC
                """, logger: logger)
            var shifts: [ShiftRecord] = []
            for try await (_, _, payload) in opened.decode((String, Int64, String).self) {
                guard case .shiftOpened(let record)? = try? JSONDecoder().decode(JournalRecord.self, from: Data(payload.utf8)) else { continue }
                shifts.append(record)
            }
            var out: [CentralShiftReport] = []
            for record in shifts {
                var figures: [ShiftFigure] = []
                let rows = try await db.query("""
                    SELECT figure, kind, key, count, amount_minor FROM central_shift_total
                    WHERE shop = \(shop) AND till = \(record.till) AND shift = \(record.number)
                    """, logger: logger)
                for try await (figure, kind, key, count, amount) in rows.decode((String, String, String, Int64, Int64).self) {
                    figures.append(ShiftFigure(figure: figure, kind: kind, key: key, count: count, amountMinor: amount))
                }
                var names: [String: String] = [:]
                for code in Set(figures.filter { $0.figure == "document" }.map(\.key)) {
                    // The clerk's latest entry found first (index central_entry_clerk_latest), and only
                    // its payload read: a shift of many entries parses one payload per clerk, not all.
                    let named = try await db.query("""
                        SELECT n.payload::jsonb #>> ARRAY[n.kind, '_0', 'clerk', 'name'] FROM central_entry n
                        WHERE (n.shop, n.till, n.seq) IN (
                            SELECT shop, till, seq FROM central_entry
                            WHERE shop = \(shop) AND doc_till = \(record.till) AND shift = \(record.number) AND user_code = \(code)
                                  AND kind IN ('sale', 'refund', 'postVoid')
                            ORDER BY seq DESC LIMIT 1)
                        """, logger: logger)
                    for try await name in named.decode(String?.self) { names[code] = name }
                }
                var zNumber: String?
                let closed = try await db.query("""
                    SELECT reference FROM central_entry
                    WHERE shop = \(shop) AND doc_till = \(record.till) AND shift = \(record.number) AND kind = 'zReport'
                    """, logger: logger)
                for try await reference in closed.decode(String?.self) { zNumber = reference }
                // Checked: the rows are every till's to write, so a damaged or doctored one is named, never wrapped.
                let totals = try ShiftTotals.checked(shift: record, figures: figures, clerkName: { names[$0] ?? $0 })
                out.append(CentralShiftReport(totals: totals, zNumber: zNumber))
            }
            return out
        }
    }

    /// The running figures recomputed from the stored entries, per (shop, till, shift); for
    /// checking that the running totals are what the entries add up to.
    public static func figureDifferences(_ connection: CentralConnection) async throws -> [String] {
        try await connection.run { db, logger in
            let rows = try await db.query("""
                SELECT COALESCE(r.shop, k.shop) || ' ' || COALESCE(r.till, k.till) || '/' || COALESCE(r.shift, k.shift) || ' '
                       || COALESCE(r.figure, k.figure) || ' ' || COALESCE(r.kind, k.kind) || ' ' || COALESCE(r.key, k.key) || ': kept '
                       || COALESCE(k.count, 0) || ' for ' || COALESCE(k.amount_minor, 0) || ', entries give '
                       || COALESCE(r.count, 0) || ' for ' || COALESCE(r.amount, 0)
                FROM central_shift_figures_recomputed() r
                FULL JOIN central_shift_total k USING (shop, till, shift, figure, kind, key)
                WHERE r.count IS DISTINCT FROM k.count OR r.amount IS DISTINCT FROM k.amount_minor
                """, logger: logger)
            var out: [String] = []
            for try await line in rows.decode(String.self) { out.append(line) }
            return out
        }
    }
}

extension CentralReports {
    /// The refund report's kept rows (`central_refund_fact`) against the stored refunds and
    /// post-voids they come from: each row missing, extra or different, in words. Empty when
    /// the trigger kept every one exactly.
    public static func refundFactDifferences(_ connection: CentralConnection) async throws -> [String] {
        try await connection.run { db, logger in
            let rows = try await db.query("""
                SELECT COALESCE(r.shop, k.shop) || ' ' || COALESCE(r.till, k.till) || '/' || COALESCE(r.seq, k.seq) || ' '
                       || COALESCE(r.number, k.number) || ': '
                       || CASE WHEN k.seq IS NULL THEN 'not kept' WHEN r.seq IS NULL THEN 'kept, but no such entry' ELSE 'kept differently' END
                FROM central_refund_fact_rows() r
                FULL JOIN central_refund_fact k ON k.shop = r.shop AND k.till = r.till AND k.seq = r.seq
                WHERE ROW(r.*) IS DISTINCT FROM ROW(k.*)
                """, logger: logger)
            var out: [String] = []
            for try await line in rows.decode(String.self) { out.append(line) }
            return out
        }
    }
}

/// One till's shift as the central journal has it: its figures and, once closed, its Z number.
public struct CentralShiftReport: Sendable, Hashable {
    public var totals: ShiftTotals
    public var zNumber: String?
}
