/// The central database's part for reports (issue 15): running shift totals per shop, till and
/// shift, kept by a trigger on `central_entry` in the transaction that stores each arriving
/// entry (no code path can skip it), so a shop's Z report reads a few rows at any size. The
/// figures are `ShiftFigure`'s, taken from the signed payload's own numbers (its tenders, and a
/// sale's `totals.tax`, the tax of lines not voided), and verified against a recomputation by
/// `CentralReports.recomputedFigures`.
enum CentralReportSchema {
    static let v3 = #"""
    CREATE TABLE central_shift_total (
        shop text NOT NULL,
        till text NOT NULL,
        shift bigint NOT NULL,
        figure text NOT NULL,
        kind text NOT NULL,
        key text NOT NULL,
        count bigint NOT NULL,
        amount_minor bigint NOT NULL,
        PRIMARY KEY (shop, till, shift, figure, kind, key)
    );

    -- Refunds and sales by time, for the refund report.
    CREATE INDEX central_entry_kind_at ON central_entry (kind, at) WHERE NOT training;

    CREATE FUNCTION central_shift_total_add(p_shop text, p_till text, p_shift bigint, p_figure text, p_kind text,
                                            p_key text, p_amount bigint) RETURNS void LANGUAGE sql AS $$
        INSERT INTO central_shift_total (shop, till, shift, figure, kind, key, count, amount_minor)
        VALUES (p_shop, p_till, p_shift, p_figure, p_kind, p_key, 1, p_amount)
        ON CONFLICT (shop, till, shift, figure, kind, key) DO UPDATE
        SET count = central_shift_total.count + 1, amount_minor = central_shift_total.amount_minor + EXCLUDED.amount_minor;
    $$;

    -- The figures one stored entry adds (an entry the chain check refused never gets here).
    CREATE FUNCTION central_shift_total_entry() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        doc jsonb;
        tender jsonb;
    BEGIN
        IF NEW.training OR NEW.kind NOT IN ('sale', 'refund', 'postVoid') OR NEW.doc_till IS NULL OR NEW.shift IS NULL THEN
            RETURN NULL;
        END IF;
        PERFORM central_shift_total_add(NEW.shop, NEW.doc_till, NEW.shift, 'document', NEW.kind, COALESCE(NEW.user_code, ''),
                                        COALESCE(NEW.total_minor, 0));
        -- The chain check has accepted the entry: its payload never refuses it here. One that is
        -- not a record's JSON adds no tenders or tax, and the recomputation reads it the same way.
        doc := central_document(NEW.payload, NEW.kind);
        IF jsonb_typeof(doc -> 'tenders') = 'array' THEN
            FOR tender IN SELECT value FROM jsonb_array_elements(doc -> 'tenders') LOOP
                PERFORM central_shift_total_add(NEW.shop, NEW.doc_till, NEW.shift, 'tender', NEW.kind,
                                                COALESCE(tender ->> 'kind', ''), central_minor(tender #>> '{amount,minor}'));
            END LOOP;
        END IF;
        IF NEW.kind = 'sale' THEN
            PERFORM central_shift_total_add(NEW.shop, NEW.doc_till, NEW.shift, 'tax', 'sale', '',
                                            central_minor(doc #>> '{totals,tax,minor}'));
        END IF;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER central_shift_total_after AFTER INSERT ON central_entry
        FOR EACH ROW EXECUTE FUNCTION central_shift_total_entry();

    -- Entries stored before this step count too.
    INSERT INTO central_shift_total (shop, till, shift, figure, kind, key, count, amount_minor)
    SELECT shop, till, shift, figure, kind, key, count, amount FROM central_shift_figures_recomputed();
    """#

    /// The figures recomputed from the stored entries: what the trigger must keep to (also
    /// `CentralReports.recomputedFigures`). Created before v3's backfill uses it.
    static let recomputeFunction = #"""
    CREATE FUNCTION central_minor(value text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value ~ '^-?[0-9]{1,18}$' THEN value::bigint ELSE 0 END
    $$;

    -- The record inside a payload ({"sale": {"_0": …}}), nil when the payload is not JSON.
    CREATE FUNCTION central_document(payload text, kind text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
        RETURN payload::jsonb -> kind -> '_0';
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END
    $$;

    CREATE FUNCTION central_shift_figures_recomputed()
    RETURNS TABLE (shop text, till text, shift bigint, figure text, kind text, key text, count bigint, amount bigint)
    LANGUAGE sql STABLE AS $$
        SELECT e.shop, e.doc_till, e.shift, 'document', e.kind, COALESCE(e.user_code, ''), count(*), COALESCE(sum(e.total_minor), 0)::bigint
        FROM central_entry e
        WHERE NOT e.training AND e.kind IN ('sale', 'refund', 'postVoid') AND e.doc_till IS NOT NULL AND e.shift IS NOT NULL
        GROUP BY 1, 2, 3, 5, 6
        UNION ALL
        SELECT e.shop, e.doc_till, e.shift, 'tender', e.kind, COALESCE(t ->> 'kind', ''), count(*), sum(central_minor(t #>> '{amount,minor}'))::bigint
        FROM central_entry e,
             jsonb_array_elements(CASE WHEN jsonb_typeof(central_document(e.payload, e.kind) -> 'tenders') = 'array'
                                       THEN central_document(e.payload, e.kind) -> 'tenders' ELSE '[]'::jsonb END) t
        WHERE NOT e.training AND e.kind IN ('sale', 'refund', 'postVoid') AND e.doc_till IS NOT NULL AND e.shift IS NOT NULL
        GROUP BY 1, 2, 3, 5, 6
        UNION ALL
        SELECT e.shop, e.doc_till, e.shift, 'tax', 'sale', '', count(*), sum(central_minor(central_document(e.payload, e.kind) #>> '{totals,tax,minor}'))::bigint
        FROM central_entry e
        WHERE NOT e.training AND e.kind = 'sale' AND e.doc_till IS NOT NULL AND e.shift IS NOT NULL
        GROUP BY 1, 2, 3
    $$;
    """#

    static let step = ("v3-report-totals", recomputeFunction + "\n" + v3)
}
