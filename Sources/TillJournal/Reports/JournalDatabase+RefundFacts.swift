import GRDB
import TillCore

extension JournalDatabase {
    /// The refund report's rows from this journal: every refund, return without receipt and
    /// post-void (training never counts) made from `from` up to, not including, `until` (seconds
    /// since 1970), with the original sale's clerk and time.
    public func refundFacts(shop: String, from: Int64, until: Int64) throws -> [RefundFact] {
        try read { db in
            var facts: [RefundFact] = []
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT e.kind, e.reference, e.till, e.userCode, e.userName, e.approverCode, u.name, e.at, e.totalMinor,
                       COALESCE(r.originalReceipt, v.originalReceipt), s.userCode, s.at
                FROM journalEntry e
                LEFT JOIN refund r ON r.entrySeq = e.seq
                LEFT JOIN postVoid v ON v.entrySeq = e.seq
                LEFT JOIN document d ON d.reference = COALESCE(r.originalReceipt, v.originalReceipt) AND d.kind = 'S'
                LEFT JOIN journalEntry s ON s.seq = d.entrySeq
                LEFT JOIN user u ON u.code = e.approverCode
                WHERE e.kind IN ('refund', 'postVoid') AND e.training = 0 AND e.at >= ? AND e.at < ?
                ORDER BY e.seq
                """), arguments: [from, until])
            while let row = try rows.next() {
                let v: [DatabaseValue] = (0..<12).map { row[$0] }
                func text(_ i: Int) -> String? { String.fromDatabaseValue(v[i]) }
                let kind: RefundFact.Kind = text(0) == "postVoid" ? .postVoid : (text(9) == nil ? .withoutReceipt : .withReceipt)
                let clerk = text(3) ?? ""
                facts.append(RefundFact(
                    kind: kind, number: text(1) ?? "", shop: shop, till: text(2) ?? "", clerk: clerk,
                    clerkName: text(4) ?? clerk, approver: text(5), approverName: text(6) ?? text(5),
                    at: ReportTime.clamped(v[7]) ?? Timestamp(seconds: 0), amountMinor: Int64.fromDatabaseValue(v[8]) ?? 0,
                    saleClerk: text(10), soldAt: ReportTime.clamped(v[11])))
            }
            return facts
        }
    }

    /// Sales per till, clerk and local day (at `utcOffsetSeconds`) from `from` up to `until`,
    /// summed in SQL over the covering index `journalEntry_kindAt`; names from the users table.
    public func salesFacts(shop: String, utcOffsetSeconds: Int64, from: Int64, until: Int64) throws -> [SalesFact] {
        try read { db in
            // The day is taken in SQL with a floor division that stays right before 1970; `at`
            // is clamped first so a doctored time cannot overflow.
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT g.till, g.userCode, u.name, g.day, g.count, g.total FROM (
                    SELECT till, userCode, day, COUNT(*) AS count, SUM(totalMinor) AS total FROM (
                        SELECT till, userCode, totalMinor, (MIN(MAX(at, ?), ?) + ? + 86400 * 4000000) / 86400 - 4000000 AS day
                        FROM journalEntry INDEXED BY journalEntry_kindAt
                        WHERE kind = 'sale' AND training = 0 AND at >= ? AND at < ?)
                    GROUP BY till, userCode, day) g
                LEFT JOIN user u ON u.code = g.userCode
                """), arguments: [ReportTime.earliest, ReportTime.latest, utcOffsetSeconds, from, until])
            return rows.map { row in
                let v: [DatabaseValue] = (0..<6).map { row[$0] }
                let clerk = String.fromDatabaseValue(v[1]) ?? ""
                let day = min(max(Int64.fromDatabaseValue(v[3]) ?? 0, ReportTime.earliestDay), ReportTime.latestDay)
                return SalesFact(shop: shop, till: String.fromDatabaseValue(v[0]) ?? "", clerk: clerk,
                                 clerkName: String.fromDatabaseValue(v[2]) ?? clerk, day: CivilDate(daysSinceEpoch: day),
                                 count: Int64.fromDatabaseValue(v[4]) ?? 0, amountMinor: Int64.fromDatabaseValue(v[5]) ?? 0)
            }
        }
    }
}

/// Times a report accepts from a file: 1970 to 9999, so that local dates are always computable.
enum ReportTime {
    static let earliest: Int64 = 0
    static let latest: Int64 = 253_402_300_799
    static let earliestDay: Int64 = 0
    static let latestDay: Int64 = latest / 86_400 + 1

    static func clamped(_ value: DatabaseValue) -> Timestamp? {
        Int64.fromDatabaseValue(value).map { Timestamp(seconds: min(max($0, earliest), latest)) }
    }
}
