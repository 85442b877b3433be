import PostgresNIO

/// When the 15-minute sales buckets (CentralReportSchema+SalesBuckets) give exactly what the
/// sales entries give: the shop's day starts on a quarter hour, and each end of the period is
/// open or a quarter hour from 1970 to the first second after 9999 (the bucket of a time
/// before 1970, or after 9999, holds all such times).
enum SalesBuckets {
    static let seconds: Int64 = 900

    static func cover(utcOffsetSeconds: Int64, from: Int64, until: Int64) -> Bool {
        func whole(_ bound: Int64) -> Bool {
            bound == .min || bound == .max || (bound >= 0 && bound <= CentralReports.latest + 1 && bound % seconds == 0)
        }
        return utcOffsetSeconds % seconds == 0 && whole(from) && whole(until)
    }
}

extension CentralReports {
    /// The kept sales buckets (`central_sales_bucket`) against the stored sales they come from:
    /// each bucket missing, extra or different, in words. Empty when the trigger kept every one.
    public static func salesBucketDifferences(_ connection: CentralConnection) async throws -> [String] {
        try await connection.run { db, logger in
            let rows = try await db.query("""
                SELECT COALESCE(r.shop, k.shop) || ' till ' || COALESCE(r.till, k.till) || ' clerk ' || COALESCE(r.clerk, k.clerk)
                       || ' from ' || COALESCE(r.bucket, k.bucket) || ': kept ' || COALESCE(k.count, 0) || ' for ' || COALESCE(k.amount_minor, 0)
                       || ', sales give ' || COALESCE(r.count, 0) || ' for ' || COALESCE(r.amount_minor, 0)
                FROM central_sales_buckets_recomputed() r
                FULL JOIN central_sales_bucket k ON k.shop = r.shop AND k.bucket = r.bucket AND k.till = r.till AND k.clerk = r.clerk
                WHERE ROW(r.*) IS DISTINCT FROM ROW(k.*)
                """, logger: logger)
            var out: [String] = []
            for try await line in rows.decode(String.self) { out.append(line) }
            return out
        }
    }
}
