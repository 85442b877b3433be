/// The central database's schema, applied in order, each step once (`central_schema` remembers
/// which). Like the till's migrations, a released step is FROZEN: add a step, never edit one.
/// A step's name begins with its place in the order ("v4-…" after "v3-…", one step per number:
/// `CentralSchemaStepTests`); a step renamed after release keeps its old name in `formerNames`.
///
/// The rules that keep each till's chain whole live IN the database (a trigger on
/// `central_entry`), not only in the till's code, so that no client — an old till, psql, a
/// script — can store a gap, a fork or an entry whose MAC does not verify, nor change or delete
/// a stored entry:
///
/// - an entry at (shop, till, seq) is stored only if seq is the till's last + 1 and its
///   prev_hash is the till's last hash (genesis for the first);
/// - its `mac` must be HMAC-SHA256, under the till's escrowed central key, of the entry's
///   signing text (`CentralEntry.signingText`; SQL `central_signing_text`), which covers every
///   stored column including the till's own chain hash;
/// - stored entries are never updated or deleted.
///
/// Why an escrowed *central* key and not the journal key: the till's journal key (HMAC chain and
/// PIN pepper) never leaves the till, so nobody with access to the central database can forge a
/// till's local chain. The central key is derived from it (HMAC(chain key, "till-central-key-v1"))
/// and handed to the central database when the till enrols; with it the database checks every
/// arriving entry byte for byte, and the till checks its own entries' chain hashes with the
/// journal key before sending (so a local entry edited without the key is never sent).
public enum CentralSchema {
    public static let steps: [(name: String, sql: String)] = [
        ("v1-chains", v1),
        ("v2-publications", v2),
        CentralReportSchema.step,
        ("v4-refund-reservations", v4),   // CrossTill/CentralSchema+Reservations.swift
        CentralReportSchema.refundFactsStep,   // Reports/CentralReportSchema+RefundFacts.swift
        publishedUsers,                   // Publication/CentralSchema+Users.swift
        ("v7-refund-conflict-reviews", v7),   // CrossTill/CentralSchema+Reservations.swift
        CentralReportSchema.salesBucketsStep,   // Reports/CentralReportSchema+SalesBuckets.swift
        ("v9-signed-reservations-and-catalogs", signedReservations + orderedPublications),   // CrossTill/CentralSchema+SignedReservations.swift, Publication/CentralSchema+OrderedPublications.swift
        ("v10-reservation-releases", reservationReleases),   // CrossTill/CentralSchema+ReservationReleases.swift
    ]

    /// Names a released step had before it was renamed, by its current name: a database that
    /// applied it under the old name has applied it (it is not run again, and its new name is
    /// recorded beside the old one, so an older till still finds the name it knows).
    /// "v4-refund-reservations" shipped as a second "v3".
    public static let formerNames: [String: [String]] = [
        "v4-refund-reservations": ["v3-refund-reservations"],
    ]

    /// What the back office publishes for every till: a whole catalog (tax classes and items)
    /// per revision, newest wins. A till applies a revision once, as chained entries of its own.
    static let v2 = #"""
    CREATE TABLE central_publication (
        revision bigserial PRIMARY KEY,
        shop text,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        tax_classes text NOT NULL,
        items text NOT NULL
    );
    """#

    static let v1 = #"""
    CREATE EXTENSION IF NOT EXISTS pgcrypto;

    -- One row per till of every shop: its escrowed central key and the head of its chain.
    CREATE TABLE central_till (
        shop text NOT NULL,
        till text NOT NULL,
        key_id text NOT NULL,
        mac_key bytea NOT NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        last_hash text NOT NULL DEFAULT repeat('0', 64),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (shop, till)
    );

    -- Every till's journal entries, in its own order.
    CREATE TABLE central_entry (
        shop text NOT NULL,
        till text NOT NULL,
        seq bigint NOT NULL,
        kind text NOT NULL,
        reference text,
        doc_till text,
        shift bigint,
        user_code text,
        at bigint NOT NULL,
        total_minor bigint,
        currency text,
        training boolean NOT NULL,
        payload text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        mac text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        -- Derived on arrival (not signed): the sale a refund or post-void is against.
        original_receipt text,
        PRIMARY KEY (shop, till, seq),
        FOREIGN KEY (shop, till) REFERENCES central_till (shop, till)
    );
    -- Look-ups by document number (a receipt from another till) and per shift.
    CREATE INDEX central_entry_reference ON central_entry (reference, shop);
    CREATE INDEX central_entry_shift ON central_entry (shop, doc_till, shift, kind);
    -- Every refund and void of a sale, from whichever till: the cross-till returnable check.
    CREATE INDEX central_entry_original ON central_entry (original_receipt, shop) WHERE original_receipt IS NOT NULL;

    -- What arrived and was refused: a gap, a fork, a broken link, a MAC that does not verify.
    CREATE TABLE central_refusal (
        id bigserial PRIMARY KEY,
        shop text NOT NULL,
        till text NOT NULL,
        seq bigint NOT NULL,
        problem text NOT NULL,
        detail text NOT NULL,
        hash text,
        at timestamptz NOT NULL DEFAULT now()
    );

    CREATE FUNCTION central_tagged(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL THEN 'N' ELSE 'T' || octet_length(value) || ':' || value END
    $$;
    CREATE FUNCTION central_tagged(value bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN value IS NULL THEN 'N' ELSE 'I' || value END
    $$;

    -- Must give exactly CentralEntry.signingText (Swift).
    CREATE FUNCTION central_signing_text(e central_entry) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT 'shop=' || central_tagged(e.shop) || E'\n' || 'till=' || central_tagged(e.till) || E'\n'
            || 'seq=' || central_tagged(e.seq) || E'\n' || 'kind=' || central_tagged(e.kind) || E'\n'
            || 'reference=' || central_tagged(e.reference) || E'\n' || 'doc_till=' || central_tagged(e.doc_till) || E'\n'
            || 'shift=' || central_tagged(e.shift) || E'\n' || 'user_code=' || central_tagged(e.user_code) || E'\n'
            || 'at=' || central_tagged(e.at) || E'\n' || 'total_minor=' || central_tagged(e.total_minor) || E'\n'
            || 'currency=' || central_tagged(e.currency) || E'\n'
            || 'training=' || central_tagged(CASE WHEN e.training THEN 1::bigint ELSE 0::bigint END) || E'\n'
            || 'payload=' || central_tagged(e.payload) || E'\n' || 'prev_hash=' || central_tagged(e.prev_hash) || E'\n'
            || 'hash=' || central_tagged(e.hash) || E'\n'
    $$;

    -- The chain rules, for every INSERT whoever makes it. Custom SQLSTATEs name the problem.
    CREATE FUNCTION central_entry_check() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        chain central_till%ROWTYPE;
        stored central_entry%ROWTYPE;
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            RAISE EXCEPTION 'stored entries are never changed or deleted' USING ERRCODE = 'TC009';
        END IF;
        SELECT * INTO chain FROM central_till WHERE shop = NEW.shop AND till = NEW.till FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'till % of shop % is not enrolled', NEW.till, NEW.shop USING ERRCODE = 'TC001';
        END IF;
        IF NEW.seq <= chain.last_seq THEN
            SELECT * INTO stored FROM central_entry WHERE shop = NEW.shop AND till = NEW.till AND seq = NEW.seq;
            IF stored.hash = NEW.hash AND stored.mac = NEW.mac AND stored.payload = NEW.payload
               AND central_signing_text(stored) = central_signing_text(NEW) THEN
                RAISE EXCEPTION 'entry % is stored already', NEW.seq USING ERRCODE = 'TC002';
            END IF;
            RAISE EXCEPTION 'a different entry % is stored already (stored hash %, arriving %)',
                NEW.seq, left(stored.hash, 12), left(NEW.hash, 12) USING ERRCODE = 'TC003';
        END IF;
        IF NEW.seq <> chain.last_seq + 1 THEN
            RAISE EXCEPTION 'entry % arrived after entry % (entries % to % are missing)',
                NEW.seq, chain.last_seq, chain.last_seq + 1, NEW.seq - 1 USING ERRCODE = 'TC004';
        END IF;
        IF NEW.prev_hash <> chain.last_hash THEN
            RAISE EXCEPTION 'entry % does not follow entry % (previous hash %, stored %)',
                NEW.seq, chain.last_seq, left(NEW.prev_hash, 12), left(chain.last_hash, 12) USING ERRCODE = 'TC005';
        END IF;
        IF NEW.mac <> encode(hmac(convert_to(central_signing_text(NEW), 'UTF8'), chain.mac_key, 'sha256'), 'hex') THEN
            RAISE EXCEPTION 'entry % does not verify under the till''s central key', NEW.seq USING ERRCODE = 'TC006';
        END IF;
        UPDATE central_till SET last_seq = NEW.seq, last_hash = NEW.hash WHERE shop = NEW.shop AND till = NEW.till;
        NEW.received_at := now();
        NEW.original_receipt := NULL;
        IF NEW.kind IN ('refund', 'postVoid') THEN
            BEGIN
                -- JournalRecord's JSON: {"refund": {"_0": {…, "originalReceipt": …}, "_1": slip}}.
                NEW.original_receipt := NEW.payload::jsonb #>> ARRAY[NEW.kind, '_0', 'originalReceipt'];
            EXCEPTION WHEN others THEN
                NEW.original_receipt := NULL;
            END;
        END IF;
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER central_entry_chain BEFORE INSERT OR UPDATE OR DELETE ON central_entry
        FOR EACH ROW EXECUTE FUNCTION central_entry_check();
    CREATE FUNCTION central_entry_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'stored entries are never changed or deleted' USING ERRCODE = 'TC009'; END
    $$;
    CREATE TRIGGER central_entry_keep BEFORE TRUNCATE ON central_entry
        FOR EACH STATEMENT EXECUTE FUNCTION central_entry_no_truncate();
    -- A till's chain head moves only through an arriving entry; its key never changes.
    CREATE FUNCTION central_till_check() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        -- Only central_entry_check (one trigger deeper) may move the head.
        IF TG_OP = 'DELETE' OR pg_trigger_depth() < 2 OR NEW.mac_key <> OLD.mac_key OR NEW.key_id <> OLD.key_id
           OR NEW.last_seq < OLD.last_seq OR (NEW.last_seq = OLD.last_seq AND NEW.last_hash <> OLD.last_hash)
           OR NEW.last_seq > OLD.last_seq + 1 THEN
            RAISE EXCEPTION 'a till''s chain head and key change only as entries arrive' USING ERRCODE = 'TC009';
        END IF;
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER central_till_keep BEFORE UPDATE OR DELETE ON central_till
        FOR EACH ROW EXECUTE FUNCTION central_till_check();

    -- Receives one entry: 'stored', 'duplicate' (the same entry again: nothing to do), or a
    -- refusal ('fork', 'gap', 'link', 'mac', 'unknown-till'), recorded in central_refusal.
    CREATE FUNCTION central_receive(e central_entry) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE
        problem text;
    BEGIN
        BEGIN
            INSERT INTO central_entry VALUES (e.*);
            RETURN 'stored';
        EXCEPTION
            WHEN SQLSTATE 'TC002' THEN RETURN 'duplicate';
            WHEN SQLSTATE 'TC001' OR SQLSTATE 'TC003' OR SQLSTATE 'TC004' OR SQLSTATE 'TC005' OR SQLSTATE 'TC006' THEN
                problem := CASE SQLSTATE WHEN 'TC001' THEN 'unknown-till' WHEN 'TC003' THEN 'fork' WHEN 'TC004' THEN 'gap'
                                         WHEN 'TC005' THEN 'link' ELSE 'mac' END;
                INSERT INTO central_refusal (shop, till, seq, problem, detail, hash)
                    VALUES (e.shop, e.till, e.seq, problem, SQLERRM, e.hash);
                RETURN problem || ': ' || SQLERRM;
        END;
    END
    $$;

    -- Enrols a till with its central key; the same key again is a no-op, another key is refused.
    CREATE FUNCTION central_enrol(p_shop text, p_till text, p_key_id text, p_key bytea) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE
        known central_till%ROWTYPE;
    BEGIN
        INSERT INTO central_till (shop, till, key_id, mac_key) VALUES (p_shop, p_till, p_key_id, p_key)
            ON CONFLICT (shop, till) DO NOTHING;
        SELECT * INTO known FROM central_till WHERE shop = p_shop AND till = p_till;
        IF known.key_id <> p_key_id OR known.mac_key <> p_key THEN
            INSERT INTO central_refusal (shop, till, seq, problem, detail)
                VALUES (p_shop, p_till, 0, 'other-key', 'till enrolled with key ' || known.key_id || ', not ' || p_key_id);
            RETURN 'other-key:' || known.key_id;
        END IF;
        RETURN 'enrolled';
    END
    $$;
    """#
}
