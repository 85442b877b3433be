extension CentralSchema {
    /// Part of step v9: the catalog half of a revision is signed like its users (the chain
    /// user key's id and HMAC over revision, shop, tax classes and items: `SignedCatalog`), and
    /// revisions are strictly ordered. A publisher takes the publication lock, numbers its
    /// revision one above the newest and stores it in the same transaction
    /// (`CatalogPublication.publish`); the trigger takes the same lock for every insert,
    /// whoever makes it, and refuses a revision that is not above every stored one, so of two
    /// back offices publishing at once the one that commits later always has the higher
    /// revision, and no till can see a newer revision before an older one.
    static let orderedPublications = #"""
    ALTER TABLE central_publication ADD COLUMN catalog_key_id text;
    ALTER TABLE central_publication ADD COLUMN catalog_signature text;

    CREATE FUNCTION central_publication_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        newest bigint;
    BEGIN
        -- CatalogPublication.publicationLock: held to the end of the transaction.
        PERFORM pg_advisory_xact_lock(1896185611);
        SELECT max(revision) INTO newest FROM central_publication;
        IF NEW.revision <= coalesce(newest, 0) THEN
            RAISE EXCEPTION 'revision % is not above the newest stored revision %', NEW.revision, newest USING ERRCODE = 'TC111';
        END IF;
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER central_publication_order BEFORE INSERT ON central_publication
        FOR EACH ROW EXECUTE FUNCTION central_publication_in_order();
    """#
}
