/// Sales per shop, till and clerk kept as they arrive, in 15-minute buckets (issue 15's figures:
/// the refund report's rate against sales grouped all 900,000 sales of a 1,000,000-entry shop
/// per clerk and day at read time, 2.5 s). Every UTC offset in use is a whole number of quarter
/// hours, so a local day at any of them is a sum of whole buckets. Like the running shift totals
/// the buckets are filled by a trigger on `central_entry` in the transaction that stores the
/// sale, so no code path can skip them, and `CentralReports.salesBucketDifferences` recomputes
/// them from the entries.
///
/// A bucket is named by the first second it holds; sales dated before 1970 share the bucket
/// -900, and sales after 9999 the bucket 253402300800 (the report clamps such times to 1970 and
/// 9999 as before). Each bucket remembers its latest sale (the greatest till and sequence), from
/// whose payload the report names the clerk. Amounts are numeric: a sum never overflows in the
/// trigger (which would refuse the sale).
extension CentralReportSchema {
    static let salesBuckets = #"""
    CREATE TABLE central_sales_bucket (
        shop text NOT NULL,
        bucket bigint NOT NULL,
        till text NOT NULL,
        clerk text NOT NULL,
        count bigint NOT NULL,
        amount_minor numeric NOT NULL,
        last_till text NOT NULL,
        last_seq bigint NOT NULL,
        PRIMARY KEY (shop, bucket, till, clerk)
    );

    CREATE FUNCTION central_sales_bucket_of(at bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN at < 0 THEN -900 WHEN at > 253402300799 THEN 253402300800 ELSE at - at % 900 END
    $$;

    -- The buckets recomputed from the stored sales: what the trigger must keep to.
    CREATE FUNCTION central_sales_buckets_recomputed()
    RETURNS SETOF central_sales_bucket LANGUAGE sql STABLE AS $$
        SELECT e.shop, central_sales_bucket_of(e.at), COALESCE(e.doc_till, ''), COALESCE(e.user_code, ''),
               count(*), COALESCE(sum(e.total_minor), 0),
               (array_agg(e.till ORDER BY e.till DESC, e.seq DESC))[1], (array_agg(e.seq ORDER BY e.till DESC, e.seq DESC))[1]
        FROM central_entry e
        WHERE e.kind = 'sale' AND NOT e.training
        GROUP BY 1, 2, 3, 4
    $$;

    CREATE FUNCTION central_sales_bucket_entry() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO central_sales_bucket AS b (shop, bucket, till, clerk, count, amount_minor, last_till, last_seq)
        VALUES (NEW.shop, central_sales_bucket_of(NEW.at), COALESCE(NEW.doc_till, ''), COALESCE(NEW.user_code, ''), 1,
                COALESCE(NEW.total_minor, 0), NEW.till, NEW.seq)
        ON CONFLICT (shop, bucket, till, clerk) DO UPDATE
        SET count = b.count + 1, amount_minor = b.amount_minor + EXCLUDED.amount_minor,
            last_till = CASE WHEN (EXCLUDED.last_till, EXCLUDED.last_seq) > (b.last_till, b.last_seq) THEN EXCLUDED.last_till ELSE b.last_till END,
            last_seq = CASE WHEN (EXCLUDED.last_till, EXCLUDED.last_seq) > (b.last_till, b.last_seq) THEN EXCLUDED.last_seq ELSE b.last_seq END;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER central_sales_bucket_after AFTER INSERT ON central_entry
        FOR EACH ROW WHEN (NEW.kind = 'sale' AND NOT NEW.training) EXECUTE FUNCTION central_sales_bucket_entry();

    -- Sales stored before this step count too.
    INSERT INTO central_sales_bucket SELECT * FROM central_sales_buckets_recomputed();
    """#

    static let salesBucketsStep = ("v8-report-sales-buckets", salesBuckets)
}
