/// The refund report's rows kept as refunds and post-voids arrive (issue 15's figures: the shop's
/// refund report over 1,000,000 central transactions took seconds, nearly all of it parsing
/// every refund's payload — record and slip — as JSON three times per row at read time). Like
/// the running shift totals, `central_refund_fact` is filled by a trigger on `central_entry` in
/// the transaction that stores the entry, so no code path can skip it, and
/// `CentralReports.refundFactDifferences` recomputes it from the entries. Two covering indexes
/// let the report's other reads (sales per clerk and day; each refund's original sale) come from
/// the index alone, and a third finds the latest entry of a clerk in a shift, which the shop's Z
/// report names the clerk from (it used to parse every payload of the shift to keep one).
extension CentralReportSchema {
    static let refundFacts = #"""
    CREATE TABLE central_refund_fact (
        shop text NOT NULL,
        till text NOT NULL,
        seq bigint NOT NULL,
        kind text NOT NULL,
        number text NOT NULL,
        doc_till text NOT NULL,
        clerk text NOT NULL,
        clerk_name text,
        approver text,
        approver_name text,
        at bigint NOT NULL,
        amount_minor bigint NOT NULL,
        original_receipt text,
        PRIMARY KEY (shop, till, seq)
    );
    CREATE INDEX central_refund_fact_at ON central_refund_fact (at);

    -- The report's row of one stored refund or post-void: the columns, and from the signed
    -- payload the clerk's name and the approver (as the report read them before).
    CREATE FUNCTION central_refund_fact_rows()
    RETURNS SETOF central_refund_fact LANGUAGE sql STABLE AS $$
        SELECT e.shop, e.till, e.seq, e.kind, COALESCE(e.reference, ''), COALESCE(e.doc_till, ''), COALESCE(e.user_code, ''),
               d.doc #>> '{clerk,name}', d.doc #>> '{approver,code}', d.doc #>> '{approver,name}',
               e.at, COALESCE(e.total_minor, 0), e.original_receipt
        FROM central_entry e CROSS JOIN LATERAL (SELECT central_document(e.payload, e.kind) AS doc) d
        WHERE e.kind IN ('refund', 'postVoid') AND NOT e.training
    $$;

    CREATE FUNCTION central_refund_fact_entry() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        doc jsonb;
    BEGIN
        doc := central_document(NEW.payload, NEW.kind);
        INSERT INTO central_refund_fact VALUES (
            NEW.shop, NEW.till, NEW.seq, NEW.kind, COALESCE(NEW.reference, ''), COALESCE(NEW.doc_till, ''), COALESCE(NEW.user_code, ''),
            doc #>> '{clerk,name}', doc #>> '{approver,code}', doc #>> '{approver,name}',
            NEW.at, COALESCE(NEW.total_minor, 0), NEW.original_receipt);
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER central_refund_fact_after AFTER INSERT ON central_entry
        FOR EACH ROW WHEN (NEW.kind IN ('refund', 'postVoid') AND NOT NEW.training) EXECUTE FUNCTION central_refund_fact_entry();

    -- Entries stored before this step count too.
    INSERT INTO central_refund_fact SELECT * FROM central_refund_fact_rows();

    -- Sales per shop, clerk and day from the index alone; and each refund's original sale.
    CREATE INDEX central_entry_sales_by_time ON central_entry (shop, at) INCLUDE (doc_till, user_code, total_minor, till, seq)
        WHERE kind = 'sale' AND NOT training;
    CREATE INDEX central_entry_sale_reference ON central_entry (shop, reference) INCLUDE (user_code, at) WHERE kind = 'sale';
    -- A shift report names each clerk from their latest entry in the shift.
    CREATE INDEX central_entry_clerk_latest ON central_entry (shop, doc_till, shift, user_code, seq)
        WHERE kind IN ('sale', 'refund', 'postVoid');
    """#

    static let refundFactsStep = ("v5-report-refund-facts", refundFacts)
}
