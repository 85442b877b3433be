extension CentralSchema {
    /// Cross-till refunds (`PostgresCentralJournal`): every refund with receipt is reserved here
    /// before its till commits it, under the row lock of its sale's guard, so of two tills
    /// refunding the same goods at once the second sees the first's reservation.
    ///
    /// - `central_sale_guard`: one row per sale (shop, receipt) that a refund was checked
    ///   against; locked FOR UPDATE for the check-and-record. It holds the sale a till sent with
    ///   the refund of its own sale not replicated yet (`carried_sale`), so that refund is not
    ///   refused as "no such sale (yet)"; the replicated sale wins once it arrives.
    /// - `central_refund_reservation`: one row per refund key ("0001-R02-000004"): reserved,
    ///   confirmed (the till committed it; its replicated entry confirms it too, idempotently),
    ///   or unverified (given offline and reconciled later).
    /// - `central_refund_conflict`: the same goods refunded twice while a till was cut off.
    static let v4 = #"""
    CREATE TABLE central_sale_guard (
        sale_shop text NOT NULL,
        sale_receipt text NOT NULL,
        carried_sale text,
        PRIMARY KEY (sale_shop, sale_receipt)
    );

    CREATE TABLE central_refund_reservation (
        refund_key text PRIMARY KEY,
        sale_shop text NOT NULL,
        sale_receipt text NOT NULL,
        shop text NOT NULL,
        till text NOT NULL,
        reservation text NOT NULL,
        state text NOT NULL CHECK (state IN ('reserved', 'confirmed', 'unverified')),
        reserved_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        FOREIGN KEY (sale_shop, sale_receipt) REFERENCES central_sale_guard (sale_shop, sale_receipt)
    );
    CREATE INDEX central_refund_reservation_sale ON central_refund_reservation (sale_receipt, sale_shop);

    CREATE TABLE central_refund_conflict (
        id bigserial PRIMARY KEY,
        refund_key text NOT NULL UNIQUE,
        report text NOT NULL,
        found_at timestamptz NOT NULL DEFAULT now()
    );

    -- A refund's entry arriving from its till confirms its reservation (whether or not the
    -- till's own confirmation got through): the same refund key, idempotently.
    CREATE FUNCTION central_refund_replicated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.kind = 'refund' AND NOT NEW.training AND NEW.reference IS NOT NULL THEN
            UPDATE central_refund_reservation SET state = 'confirmed', confirmed_at = now()
                WHERE refund_key = NEW.shop || '-' || NEW.reference AND state = 'reserved';
        END IF;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER central_entry_confirms_refund AFTER INSERT ON central_entry
        FOR EACH ROW EXECUTE FUNCTION central_refund_replicated();
    """#

    /// A supervisor marks a conflict reviewed (`till central conflicts --review ID`): who and when, once.
    static let v7 = #"""
    ALTER TABLE central_refund_conflict ADD COLUMN reviewed_by text, ADD COLUMN reviewed_at timestamptz;
    """#
}
