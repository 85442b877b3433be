extension CentralSchema {
    /// Part of step v9: every refund reservation row is signed by the till that holds it, with
    /// the central key its replicated entries are MAC'd with (`central_till.mac_key`), and
    /// checked here in the writing transaction as well as by every till that reads it
    /// (`ReservationSignature`). A row is released by a signed change of state, never deleted,
    /// and each change carries the next `version`, so an older signed state cannot be written
    /// back over a newer one.
    ///
    /// - INSERT: state reserved or unverified, version 1 or more, signed by (shop, till).
    /// - UPDATE: the identifying columns never change; either the next version, signed, in an
    ///   allowed move (reserved → reserved, released, confirmed; released → reserved,
    ///   unverified), or reserved → confirmed unchanged otherwise when that till's refund entry
    ///   is stored (its own MAC vouches for it: `central_refund_replicated`).
    /// - DELETE and TRUNCATE: refused.
    static let signedReservations = #"""
    ALTER TABLE central_refund_reservation DROP CONSTRAINT IF EXISTS central_refund_reservation_state_check;
    ALTER TABLE central_refund_reservation ADD CONSTRAINT central_refund_reservation_state_check
        CHECK (state IN ('reserved', 'confirmed', 'unverified', 'released'));
    ALTER TABLE central_refund_reservation ADD COLUMN version bigint NOT NULL DEFAULT 0;
    ALTER TABLE central_refund_reservation ADD COLUMN mac text;

    -- Must give exactly ReservationSignature.signingText (Swift).
    CREATE FUNCTION central_reservation_signing_text(r central_refund_reservation) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT 'till-reservation-v1' || E'\n' || 'refund_key=' || central_tagged(r.refund_key) || E'\n'
            || 'sale_shop=' || central_tagged(r.sale_shop) || E'\n' || 'sale_receipt=' || central_tagged(r.sale_receipt) || E'\n'
            || 'shop=' || central_tagged(r.shop) || E'\n' || 'till=' || central_tagged(r.till) || E'\n'
            || 'reservation=' || central_tagged(r.reservation) || E'\n' || 'state=' || central_tagged(r.state) || E'\n'
            || 'version=' || central_tagged(r.version) || E'\n'
    $$;

    CREATE FUNCTION central_reservation_verifies(r central_refund_reservation) RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT coalesce((SELECT r.mac = encode(hmac(convert_to(central_reservation_signing_text(r), 'UTF8'), t.mac_key, 'sha256'), 'hex')
                         FROM central_till t WHERE t.shop = r.shop AND t.till = r.till), false)
    $$;

    CREATE FUNCTION central_reservation_check() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'refund reservation % is released by its till, never deleted', OLD.refund_key USING ERRCODE = 'TC112';
        END IF;
        IF TG_OP = 'UPDATE' THEN
            IF NEW.refund_key <> OLD.refund_key OR NEW.shop <> OLD.shop OR NEW.till <> OLD.till THEN
                RAISE EXCEPTION 'refund reservation % cannot be moved to another till', OLD.refund_key USING ERRCODE = 'TC112';
            END IF;
            -- A refund number its till reserves again (released, or held by a till killed before
            -- its commit: its journal never kept it), maybe for another sale: only then may the
            -- row move to that sale, signed by that till.
            IF (NEW.sale_shop <> OLD.sale_shop OR NEW.sale_receipt <> OLD.sale_receipt)
               AND NOT (OLD.state IN ('reserved', 'released') AND NEW.state IN ('reserved', 'unverified')) THEN
                RAISE EXCEPTION 'refund reservation % cannot be moved to another sale', OLD.refund_key USING ERRCODE = 'TC112';
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
    CREATE TRIGGER central_refund_reservation_signed BEFORE INSERT OR UPDATE OR DELETE ON central_refund_reservation
        FOR EACH ROW EXECUTE FUNCTION central_reservation_check();
    CREATE FUNCTION central_reservation_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refund reservations are released by their till, never deleted' USING ERRCODE = 'TC112'; END
    $$;
    CREATE TRIGGER central_refund_reservation_keep BEFORE TRUNCATE ON central_refund_reservation
        FOR EACH STATEMENT EXECUTE FUNCTION central_reservation_no_truncate();
    """#
}
