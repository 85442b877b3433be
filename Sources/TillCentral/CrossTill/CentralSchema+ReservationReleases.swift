extension CentralSchema {
    /// Who released a refund reservation that its refund did not (`till central reservations
    /// --release`, or the till at its start finding a refund its journal never kept), and when,
    /// so the row explains why goods held came free. Set with the signed move to "released"
    /// (the columns are outside the signed text: they say who, the MAC says it was the till's
    /// own key); NULL when the till released it in the course of the refund (Esc, no answer).
    ///
    /// And a released row may be reserved again for another sale: its till gives the refund
    /// number out again (its journal never kept it, so the next refund takes it), and the row
    /// must then be filed under the sale it now reserves (`central_reservation_check` as in
    /// v9 otherwise).
    static let reservationReleases = #"""
    ALTER TABLE central_refund_reservation ADD COLUMN released_by text, ADD COLUMN released_at timestamptz;

    CREATE OR REPLACE FUNCTION central_reservation_check() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'refund reservation % is released by its till, never deleted', OLD.refund_key USING ERRCODE = 'TC112';
        END IF;
        IF TG_OP = 'UPDATE' THEN
            -- A refund number its till reserves again (released, or held by a till killed before
            -- its commit: its journal never kept it), maybe for another sale: only then may the
            -- row move to that sale, signed by that till.
            IF NEW.refund_key <> OLD.refund_key OR NEW.shop <> OLD.shop OR NEW.till <> OLD.till
               OR ((NEW.sale_shop <> OLD.sale_shop OR NEW.sale_receipt <> OLD.sale_receipt)
                   AND NOT (OLD.state IN ('reserved', 'released') AND NEW.state IN ('reserved', 'unverified'))) THEN
                RAISE EXCEPTION 'refund reservation % cannot be moved to another sale or till', OLD.refund_key USING ERRCODE = 'TC112';
            END IF;
            -- Confirmed by the refund entry itself (its MAC was checked on arrival).
            IF OLD.state = 'reserved' AND NEW.state = 'confirmed' AND NEW.version = OLD.version
               AND NEW.reservation = OLD.reservation AND NEW.mac IS NOT DISTINCT FROM OLD.mac
               AND EXISTS (SELECT 1 FROM central_entry e WHERE e.shop = NEW.shop AND e.till = NEW.till AND e.kind = 'refund'
                           AND e.reference = substr(NEW.refund_key, length(NEW.shop) + 2)) THEN
                RETURN NEW;
            END IF;
            IF NEW.version <> OLD.version + 1 OR NOT (
                   (OLD.state = 'reserved' AND NEW.state IN ('reserved', 'released', 'confirmed'))
                OR (OLD.state = 'released' AND NEW.state IN ('reserved', 'unverified'))) THEN
                RAISE EXCEPTION 'refund reservation % cannot go from % (version %) to % (version %)',
                    OLD.refund_key, OLD.state, OLD.version, NEW.state, NEW.version USING ERRCODE = 'TC112';
            END IF;
        ELSIF NEW.state NOT IN ('reserved', 'unverified') OR NEW.version < 1 THEN
            RAISE EXCEPTION 'refund reservation % cannot start as % (version %)', NEW.refund_key, NEW.state, NEW.version
                USING ERRCODE = 'TC112';
        END IF;
        IF NOT central_reservation_verifies(NEW) THEN
            RAISE EXCEPTION 'refund reservation % does not verify under the central key of till % of shop %',
                NEW.refund_key, NEW.till, NEW.shop USING ERRCODE = 'TC112';
        END IF;
        RETURN NEW;
    END
    $$;
    """#
}
