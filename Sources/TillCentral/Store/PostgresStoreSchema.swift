/// The tables of one PostgreSQL store (`PostgresRegisterStore`), all in its own schema, so a
/// store is made and dropped whole and never meets the central replication tables. Every row
/// of the journal is in `entry` (the chained record, its payload the record's JSON); the other
/// tables are its projections, written in the same transaction, and what look-ups read.
enum PostgresStoreSchema {
    static let statements = [
        // One row: every append takes it FOR UPDATE first, so appends to one store are serialised
        // and each decides on what the one before it committed.
        "CREATE TABLE store_lock (id int PRIMARY KEY)",
        "INSERT INTO store_lock (id) VALUES (1)",
        """
        CREATE TABLE entry (
            seq bigint PRIMARY KEY, kind text NOT NULL, reference text, till text, shift bigint, user_code text,
            user_name text, approver_code text, at bigint NOT NULL, total_minor bigint, training boolean NOT NULL, payload text NOT NULL,
            prev_hash text NOT NULL, hash text NOT NULL)
        """,
        "CREATE INDEX entry_till_shift ON entry (till, shift, kind)",
        // What the append rules look up among the entries: events by reference (parked sales,
        // drawer opens, reconciliations) and the latest approval one person gave another.
        "CREATE INDEX entry_reference ON entry (reference, kind)",
        "CREATE INDEX entry_approval ON entry (user_code, approver_code, kind)",
        """
        CREATE TABLE document (
            reference text PRIMARY KEY, kind text NOT NULL, till text NOT NULL, sequence bigint,
            entry_seq bigint NOT NULL REFERENCES entry (seq))
        """,
        "CREATE INDEX document_till ON document (till, kind)",
        """
        CREATE TABLE sale_line (
            receipt text NOT NULL, line_no int NOT NULL, sku text NOT NULL, at bigint NOT NULL, training boolean NOT NULL,
            voided boolean NOT NULL, thousandths bigint NOT NULL, unit_price_minor bigint NOT NULL,
            discount_minor bigint NOT NULL, tax_minor bigint NOT NULL, currency text NOT NULL, till text NOT NULL,
            shift bigint NOT NULL, PRIMARY KEY (receipt, line_no))
        """,
        "CREATE INDEX sale_line_sku ON sale_line (sku, at)",
        """
        CREATE TABLE refund (
            number text PRIMARY KEY, original_receipt text, till text NOT NULL, shift bigint NOT NULL,
            user_code text NOT NULL, training boolean NOT NULL, total_minor bigint NOT NULL, currency text NOT NULL,
            entry_seq bigint NOT NULL)
        """,
        "CREATE INDEX refund_receipt ON refund (original_receipt)",
        """
        CREATE TABLE refund_line (
            refund text NOT NULL, original_receipt text, original_line_no int NOT NULL, thousandths bigint NOT NULL)
        """,
        "CREATE INDEX refund_line_receipt ON refund_line (original_receipt, original_line_no)",
        "CREATE TABLE post_void (number text PRIMARY KEY, original_receipt text NOT NULL UNIQUE)",
        "CREATE TABLE shift (till text NOT NULL, number bigint NOT NULL, entry_seq bigint NOT NULL, currency text NOT NULL, PRIMARY KEY (till, number))",
        "CREATE TABLE z_report (till text NOT NULL, shift bigint NOT NULL, number text NOT NULL, PRIMARY KEY (till, shift))",
        """
        CREATE TABLE tender (
            entry_seq bigint NOT NULL, document_kind text NOT NULL, till text NOT NULL, shift bigint NOT NULL,
            training boolean NOT NULL, tender_kind text NOT NULL, amount_minor bigint NOT NULL, tender_reference text,
            currency text NOT NULL)
        """,
        "CREATE INDEX tender_shift ON tender (till, shift)",
        "CREATE INDEX tender_note ON tender (tender_kind, tender_reference)",
        """
        CREATE TABLE slip (
            reference text PRIMARY KEY, entry_seq bigint NOT NULL, till text NOT NULL, document text NOT NULL,
            print_state text NOT NULL, printed boolean NOT NULL, attempts int NOT NULL)
        """,
        "CREATE TABLE tax_class (id text PRIMARY KEY, body text NOT NULL)",
        "CREATE TABLE item (sku text PRIMARY KEY, body text NOT NULL)",
        "CREATE TABLE barcode (code text PRIMARY KEY, sku text NOT NULL REFERENCES item (sku))",
        // The money settings the till last ran under (`recordMoneySettings`): what the append rules
        // read the permission table and the price-change thresholds from.
        "CREATE TABLE money_settings (id int PRIMARY KEY, settings text NOT NULL)",
        "CREATE TABLE app_user (code text PRIMARY KEY, name text NOT NULL, role text NOT NULL, pin_hash text NOT NULL)",
        "CREATE TABLE pin_attempt (code text PRIMARY KEY, failures bigint NOT NULL, locked_until bigint)",
        "CREATE TABLE drill_attempt (id bigserial PRIMARY KEY, trainee text NOT NULL, started_at bigint NOT NULL, body text NOT NULL)",
    ]
}
