import Logging
import PostgresNIO
import TillCore

/// The shop's refund report from the central journal, summed where the rows are (issue 15's
/// figures: a shop of 1,000,000 entries sent 100,000 refund rows and every sale's day to the
/// till, which spent seconds decoding and adding them up). The refunds come grouped
/// (`RefundFactGroup`, a few hundred rows), the sales from the 15-minute buckets kept on arrival
/// (CentralReportSchema+SalesBuckets); the core's one computation makes the report of them.
/// `CentralReportEquivalenceTests` checks it against the report computed from every entry.
extension CentralReports {
    /// The refund report of `shop` (nil: every shop) for the local days `from` to `to` at
    /// `utcOffsetSeconds`, reading entries made from `start` up to `until` (the period's seconds).
    public static func refundReport(_ connection: CentralConnection, shop: String?, utcOffsetSeconds: Int64, from: CivilDate?,
                                    to: CivilDate?, start: Int64, until: Int64, perRefundLimitMinor: Int64,
                                    thresholds: RefundThresholds) async throws -> RefundReport {
        let refunds = try await refundGroups(connection, shop: shop, utcOffsetSeconds: utcOffsetSeconds, from: start, until: until,
                                             perRefundLimitMinor: perRefundLimitMinor, thresholds: thresholds)
        let sales = try await salesFacts(connection, shop: shop, utcOffsetSeconds: utcOffsetSeconds, from: start, until: until)
        return RefundReport(refunds: refunds, sales: sales, from: from, to: to, thresholds: thresholds)
    }

    /// `refundFacts` grouped in SQL by everything the report reads of a refund. The two flags
    /// that depend on the configuration are decided with bounds the core computes
    /// (`RefundFlag.justUnderLimitAmounts`, `soonAfterSaleSeconds`); times are clamped to
    /// 1970…9999 as `refundFacts` clamps them; the rank keeps "named as last journalled".
    public static func refundGroups(_ connection: CentralConnection, shop: String?, utcOffsetSeconds: Int64, from: Int64, until: Int64,
                                    perRefundLimitMinor: Int64, thresholds: RefundThresholds) async throws -> [RefundFactGroup] {
        let under = RefundFlag.justUnderLimitAmounts(limit: perRefundLimitMinor, percent: thresholds.underLimitPercent)
        let (low, high) = (under?.lowerBound ?? 1, under?.upperBound ?? 0)
        let soon = RefundFlag.soonAfterSaleSeconds(minutes: thresholds.soonAfterSaleMinutes)
        return try await connection.run { db, logger in try await db.withTransaction(logger: logger) { db in
            try await ReportMemory.allow(db, logger: logger)
            let rows = try await db.query("""
                WITH f AS (
                    SELECT e.shop, e.till AS entry_till, e.seq, e.kind, e.doc_till, e.clerk, COALESCE(e.clerk_name, e.clerk) AS clerk_name,
                           e.approver, COALESCE(e.approver_name, e.approver) AS approver_name,
                           LEAST(GREATEST(e.at, 0), \(latest)) AS at, e.amount_minor, e.original_receipt IS NULL AS blind,
                           s.user_code AS sale_clerk, LEAST(GREATEST(s.at, 0), \(latest)) AS sold_at
                    FROM central_refund_fact e
                    LEFT JOIN central_entry s ON s.reference = e.original_receipt AND s.shop = e.shop AND s.kind = 'sale'
                    WHERE e.at >= \(from) AND e.at < \(until) AND (\(shop)::text IS NULL OR e.shop = \(shop)::text)),
                r AS (SELECT f.*, row_number() OVER (ORDER BY f.shop, f.entry_till, f.seq) AS rank FROM f)
                SELECT shop, kind, blind, doc_till, clerk, clerk_name, approver, approver_name,
                       (at + \(utcOffsetSeconds) + 345600000000) / 86400 - 4000000,
                       sale_clerk IS NOT NULL AND sale_clerk = clerk,
                       sold_at IS NOT NULL AND at - sold_at <= \(soon),
                       amount_minor BETWEEN \(low) AND \(high),
                       count(*), LEAST(GREATEST(sum(amount_minor), \(Int64.min)), \(Int64.max))::bigint, max(rank)
                FROM r GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
                """, logger: logger)
            var groups: [RefundFactGroup] = []
            for try await (shop, kind, blind, till, clerk, clerkName, approver, approverName, day, own, soonAfter, underLimit, count, amount, rank)
                in rows.decode((String, String, Bool, String, String, String, String?, String?, Int64, Bool, Bool, Bool, Int64, Int64, Int64).self) {
                groups.append(RefundFactGroup(
                    kind: kind == "postVoid" ? .postVoid : (blind ? .withoutReceipt : .withReceipt), shop: shop, till: till, clerk: clerk,
                    clerkName: clerkName, approver: approver, approverName: approverName, day: CivilDate(daysSinceEpoch: day),
                    ofOwnSale: own, offline: false, conflict: false, soonAfterSale: soonAfter, justUnderLimit: underLimit,
                    tally: RefundTally(count: count, amountMinor: amount), lastRank: rank))
            }
            return groups
        } }
    }
}

/// The refund report's sums are grouped by hash in memory (a few hundred groups of 100,000
/// refunds): with the server's default 4 MB PostgreSQL sorted them on disk instead, a second
/// more at 1,000,000 entries. For the report's own transaction only.
enum ReportMemory {
    static func allow(_ db: PostgresConnection, logger: Logger) async throws {
        try await db.query("SET LOCAL work_mem = '64MB'", logger: logger)
    }
}
