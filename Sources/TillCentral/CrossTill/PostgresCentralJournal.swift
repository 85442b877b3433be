import Logging
import PostgresNIO
import TillCore
import TillPorts

/// The `CentralJournal` port on the shop's PostgreSQL (schema step v4,
/// CentralSchema+Reservations.swift). The returnable check is made IN the database's
/// transaction, under the row lock of the sale's guard (`SELECT … FOR UPDATE`), against every
/// refund recorded centrally — replicated or reserved — and the reservation is recorded in the
/// same transaction: two tills refunding the same goods at once are serialised by the lock, and
/// the second is told what the first took (`CentralSale.refusal(of:)`, the one ledger check the
/// core and the till's journal make too).
///
/// Every reservation row is signed with this till's central key (step v9,
/// CentralSchema+SignedReservations): the database refuses a row that does not verify, and so
/// does every till that reads it (`CentralLedgerReader`), so nobody with only SQL access can
/// hold or release goods. The till enrols its key before its first write, as its outbox does.
///
/// Every call is bounded: the connection's deadlines are the look-up timeout (rounded up to a
/// second), so a stopped server or a stalled link is told as `.unreachable` / `.timedOut`,
/// never a hang. Calls run one at a time (`serially`): a transaction never interleaves with
/// another call on the same connection.
public actor PostgresCentralJournal: CentralJournal {
    let connection: CentralConnection
    /// This till's number and central key (`ReplicationSource.centralKey()`): signs its reservations.
    let till: String
    private let keyID: String
    let key: [UInt8]
    private var prepared = false
    private var enrolled = false
    /// The call running now; the next one starts after it.
    private var tail: Task<Void, Never>?

    public init(settings: CentralSettings, lookupTimeoutMs: Int, till: String, centralKey: (id: String, key: [UInt8])) {
        self.till = till
        keyID = centralKey.id
        key = centralKey.key
        var bounded = settings
        let seconds = max(1, (lookupTimeoutMs + 999) / 1000)
        bounded.queryTimeoutSeconds = min(settings.queryTimeoutSeconds, seconds)
        bounded.connectTimeoutSeconds = min(settings.connectTimeoutSeconds, seconds)
        connection = CentralConnection(settings: bounded)
    }

    public func sale(_ key: DocumentKey) async -> Result<CentralSale, CrossTillFailure> {
        // One statement, one round trip (CentralLedgerReader): the sale or the sale its till
        // carried, every refund anywhere and every reservation, on the connection kept open.
        await call { db, logger in
            guard let sale = try await CentralLedgerReader.sale(key, db, logger: logger) else { return .failure(.notFound) }
            // Checked here in its own currency (and again by the core, in the till's).
            if let damage = sale.damage(expecting: key, currency: sale.sale.totals.gross.currency) { return .failure(.damaged(damage)) }
            return .success(sale)
        }
    }

    public func reserve(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure> {
        await transaction { [key] db, logger in
            let sale = try await Self.lockedSale(reservation, db, logger: logger)
            guard let sale else { return .failure(.notFound) }
            // Already committed under this key (replicated, confirmed or reconciled): the same
            // refund again changes nothing; another refund under its number is refused, never
            // answered "reserved" unchecked (two tills sharing a number, a replaced journal).
            if let stored = try await Self.committedRefund(reservation, db, logger: logger) {
                return Self.sameRefund(stored, reservation.refund) ? .success(())
                    : .failure(.refundNumberTaken(number: reservation.refund.number, shop: reservation.shop))
            }
            // Rows any client can write are checked before the ledger's arithmetic runs on them.
            if let damage = sale.damage(expecting: reservation.sale, currency: reservation.refund.rounding.currency) {
                return .failure(.damaged(damage))
            }
            // The till's own sale is not the one recorded under its number: another till has the
            // same number (or this journal was replaced). Refused, not checked against a stranger's sale.
            if reservation.carriesOwnSale, let own = reservation.ownSale, !Self.sameSale(own, sale.sale) {
                return .failure(.refundNumberTaken(number: own.receipt, shop: reservation.shop))
            }
            if let refusal = sale.refusal(of: reservation) { return .failure(refusal) }
            try await Self.record(reservation, state: "reserved", key: key, db, logger: logger)
            return .success(())
        }
    }

    /// A signed move to "released" (the row stays, so an older signed state cannot come back).
    public func release(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure> {
        await transaction { [key] db, logger in
            try await Self.move(reservation.key, to: "released", key: key, db, logger: logger)
            return .success(())
        }
    }

    public func confirm(_ reservation: RefundReservation) async -> Result<Void, CrossTillFailure> {
        await transaction { [key] db, logger in
            try await Self.move(reservation.key, to: "confirmed", key: key, db, logger: logger)
            return .success(())
        }
    }

    public func reconcile(_ reservation: RefundReservation) async -> Result<ReturnConflict?, CrossTillFailure> {
        await transaction { [key] db, logger in
            let sale = try await Self.lockedSale(reservation, db, logger: logger)
            // Reconciled before (its answer lost on the way back): the same verdict again, so the
            // till records what was found, once.
            if let state = try await Self.reservationState(reservation.key, db, logger: logger) {
                guard state == "unverified" else { return .success(nil) }
                return .success(try await Self.storedConflict(reservation.key, db, logger: logger)?.conflict)
            }
            // The sale has not arrived yet: checked later, never called verified against nothing.
            guard var sale else { return .failure(.notFound) }
            if let damage = sale.damage(expecting: reservation.sale, currency: reservation.refund.rounding.currency) {
                return .failure(.damaged(damage))
            }
            // Another till's unverified refund that has not been reconciled yet is left out: the
            // later of the two to reconcile reports the pair, so a double refund is one conflict.
            let reconciled = try await Self.reservationKeys(reservation.sale, db, logger: logger)
            sale.refunds.removeAll { $0.refund.unverified == true && !reconciled.contains($0.key) }
            // Its entry may have arrived first: the check leaves the refund itself out (`ledger(replacing:)`).
            var conflict: ReturnConflict?
            if case .alreadyReturned(let found)? = sale.refusal(of: reservation) {
                conflict = found
                let earlier = sale.refunds.first { $0.refund.number == found.refund && $0.shop == found.shop }
                let report = CentralLedgerReader.encode(RefundConflictReport(refund: reservation, conflict: found, earlier: earlier))
                try await db.query("""
                    INSERT INTO central_refund_conflict (refund_key, report) VALUES (\(reservation.key), \(report))
                    ON CONFLICT (refund_key) DO NOTHING
                    """, logger: logger)
            }
            try await Self.record(reservation, state: "unverified", key: key, db, logger: logger)
            return .success(conflict)
        }
    }

    public func conflicts() async -> Result<[RefundConflictReport], CrossTillFailure> {
        await call { db, logger in
            var reports: [RefundConflictReport] = []
            let rows = try await db.query("""
                SELECT id, report, extract(epoch FROM found_at)::bigint, reviewed_by, extract(epoch FROM reviewed_at)::bigint
                FROM central_refund_conflict ORDER BY id DESC
                """, logger: logger)
            for try await row in rows.decode((Int64, String, Int64, String?, Int64?).self) {
                if let report = Self.report(row) { reports.append(report) }
            }
            return .success(reports)
        }
    }

    public func review(conflict id: Int64, by supervisor: String) async -> Result<RefundConflictReport?, CrossTillFailure> {
        await call { db, logger in
            try await db.query("""
                UPDATE central_refund_conflict SET reviewed_by = \(supervisor), reviewed_at = now()
                WHERE id = \(id) AND reviewed_by IS NULL
                """, logger: logger)
            let rows = try await db.query("""
                SELECT id, report, extract(epoch FROM found_at)::bigint, reviewed_by, extract(epoch FROM reviewed_at)::bigint
                FROM central_refund_conflict WHERE id = \(id)
                """, logger: logger)
            var found: RefundConflictReport?
            for try await row in rows.decode((Int64, String, Int64, String?, Int64?).self) { found = Self.report(row) }
            return .success(found)
        }
    }

    private static func report(_ row: (Int64, String, Int64, String?, Int64?)) -> RefundConflictReport? {
        guard var report = CentralLedgerReader.decode(RefundConflictReport.self, row.1) else { return nil }
        report.id = row.0
        report.foundAt = Timestamp(seconds: row.2)
        report.reviewedBy = row.3
        report.reviewedAt = row.4.map(Timestamp.init(seconds:))
        return report
    }

    private static func reservationState(_ key: String, _ db: PostgresConnection, logger: Logger) async throws -> String? {
        let rows = try await db.query("""
            SELECT state FROM central_refund_reservation WHERE refund_key = \(key) AND state <> 'released'
            """, logger: logger)
        for try await state in rows.decode(String.self) { return state }
        return nil
    }

    private static func storedConflict(_ key: String, _ db: PostgresConnection, logger: Logger) async throws -> RefundConflictReport? {
        let rows = try await db.query("SELECT report FROM central_refund_conflict WHERE refund_key = \(key)", logger: logger)
        for try await text in rows.decode(String.self) { return CentralLedgerReader.decode(RefundConflictReport.self, text) }
        return nil
    }

    /// The refund keys with a reservation row (reserved, confirmed or reconciled) for a sale.
    private static func reservationKeys(_ sale: DocumentKey, _ db: PostgresConnection, logger: Logger) async throws -> Set<String> {
        let rows = try await db.query("""
            SELECT refund_key FROM central_refund_reservation
            WHERE sale_receipt = \(sale.number.description) AND sale_shop = \(sale.shop.description) AND state <> 'released'
            """, logger: logger)
        var keys: Set<String> = []
        for try await key in rows.decode(String.self) { keys.insert(key) }
        return keys
    }

    /// Closes the connection (tests; a till process simply exits).
    public func close() async { await connection.drop() }

    // MARK: - One transaction's steps

    /// Takes the sale's guard row lock (making the row if this is the sale's first refund,
    /// keeping the till's own sale if it carried one) and reads the sale's ledger under it.
    private static func lockedSale(_ reservation: RefundReservation, _ db: PostgresConnection,
                                   logger: Logger) async throws -> CentralSale? {
        let shop = reservation.sale.shop.description, receipt = reservation.sale.number.description
        let carried: String? = reservation.carriesOwnSale ? reservation.ownSale.map(CentralLedgerReader.encode) : nil
        try await db.query("""
            INSERT INTO central_sale_guard (sale_shop, sale_receipt, carried_sale) VALUES (\(shop), \(receipt), \(carried))
            ON CONFLICT (sale_shop, sale_receipt) DO NOTHING
            """, logger: logger)
        let locked = try await db.query("""
            SELECT carried_sale IS NOT NULL FROM central_sale_guard WHERE sale_shop = \(shop) AND sale_receipt = \(receipt) FOR UPDATE
            """, logger: logger)
        var stored = false
        for try await isCarried in locked.decode(Bool.self) { stored = isCarried }
        if !stored, let carried {
            try await db.query("""
                UPDATE central_sale_guard SET carried_sale = \(carried) WHERE sale_shop = \(shop) AND sale_receipt = \(receipt)
                """, logger: logger)
        }
        // Read under the lock, in this transaction: it sees the carried sale just kept.
        return try await CentralLedgerReader.sale(reservation.sale, db, logger: logger)
    }

    /// The refund committed under the reservation's key: its replicated entry, else its
    /// confirmed or reconciled reservation; nil while only reserved or released (a retry, or the number given out again, may replace it).
    private static func committedRefund(_ reservation: RefundReservation, _ db: PostgresConnection,
                                        logger: Logger) async throws -> RefundRecord? {
        let entries = try await db.query("""
            SELECT payload FROM central_entry WHERE shop = \(reservation.shop.description) AND reference = \(reservation.refund.number)
            AND kind = 'refund'
            """, logger: logger)
        for try await payload in entries.decode(String.self) {
            guard case .refund(let refund, _)? = CentralLedgerReader.decode(JournalRecord.self, payload) else {
                throw CentralLedgerDamage.refundEntry
            }
            return refund
        }
        let rows = try await db.query("""
            SELECT reservation FROM central_refund_reservation WHERE refund_key = \(reservation.key) AND state NOT IN ('reserved', 'released')
            """, logger: logger)
        for try await text in rows.decode(String.self) {
            guard let stored = CentralLedgerReader.decode(RefundReservation.self, text) else { throw CentralLedgerDamage.reservation }
            return stored.refund
        }
        return nil
    }

    /// The same sale: made at the same till and time, the same goods and total.
    private static func sameSale(_ a: SaleRecord, _ b: SaleRecord) -> Bool {
        a.receipt == b.receipt && a.till == b.till && a.at == b.at && a.totals.gross == b.totals.gross
            && a.lines.map(\.sku) == b.lines.map(\.sku) && a.lines.map(\.quantity) == b.lines.map(\.quantity)
    }

    /// The same refund: what it returns and pays, of which sale, by whom, when.
    private static func sameRefund(_ a: RefundRecord, _ b: RefundRecord) -> Bool {
        a.number == b.number && a.till == b.till && a.originalReceipt == b.originalReceipt && a.lines == b.lines
            && a.tenders == b.tenders && a.at == b.at && a.clerk.code == b.clerk.code
    }

    /// Records the refund's reservation, signed, as a new row or as the next version of one
    /// still only reserved or released; a row confirmed or reconciled already stays as it is.
    /// A new reservation moves the row to its new sale: a till killed mid-refund reserves the same
    /// number again for whatever it refunds next, and the first sale's goods are free again.
    private static func record(_ reservation: RefundReservation, state: String, key: [UInt8], _ db: PostgresConnection,
                               logger: Logger) async throws {
        var stored = reservation
        stored.ownSale = nil   // the sale is kept once, on its guard row
        let current = try await lockedRow(reservation.key, key: key, db, logger: logger)
        if let current {
            let allowed = current.state == "reserved" ? ["reserved"] : current.state == "released" ? ["reserved", "unverified"] : []
            guard allowed.contains(state) else { return }
        }
        let signed = ReservationSignature(refundKey: reservation.key, saleShop: reservation.sale.shop.description,
                                          saleReceipt: reservation.sale.number.description, shop: reservation.shop.description,
                                          till: reservation.refund.till, reservation: CentralLedgerReader.encode(stored),
                                          state: state, version: (current?.version ?? 0) + 1)
        let mac = signed.mac(key: key)
        if current == nil {
            try await db.query("""
                INSERT INTO central_refund_reservation (refund_key, sale_shop, sale_receipt, shop, till, reservation, state, version, mac)
                VALUES (\(signed.refundKey), \(signed.saleShop), \(signed.saleReceipt), \(signed.shop), \(signed.till),
                        \(signed.reservation), \(signed.state), \(signed.version), \(mac))
                """, logger: logger)
        } else {
            try await db.query("""
                UPDATE central_refund_reservation SET reservation = \(signed.reservation), state = \(signed.state),
                    version = \(signed.version), mac = \(mac), reserved_at = now(),
                    sale_shop = \(signed.saleShop), sale_receipt = \(signed.saleReceipt)
                WHERE refund_key = \(signed.refundKey)
                """, logger: logger)
        }
    }

    /// Moves a reserved row to `state` ("released", "confirmed"), as its next signed version;
    /// `releasedBy` says who released it when not the till in the course of the refund (step v10).
    /// False when the row was not reserved (nothing moved).
    @discardableResult
    static func move(_ refundKey: String, to state: String, key: [UInt8], releasedBy: String? = nil,
                     _ db: PostgresConnection, logger: Logger) async throws -> Bool {
        guard var signed = try await lockedRow(refundKey, key: key, db, logger: logger), signed.state == "reserved" else { return false }
        signed.state = state
        signed.version += 1
        try await db.query("""
            UPDATE central_refund_reservation SET state = \(signed.state), version = \(signed.version), mac = \(signed.mac(key: key)),
                confirmed_at = CASE WHEN \(signed.state) = 'confirmed' THEN now() END,
                released_by = \(releasedBy), released_at = CASE WHEN \(releasedBy)::text IS NOT NULL THEN now() END
            WHERE refund_key = \(refundKey)
            """, logger: logger)
        return true
    }

    /// The reservation row `refundKey`, locked for this transaction; refused as forged unless it
    /// verifies under this till's key (a till re-signs only what it signed itself).
    static func lockedRow(_ refundKey: String, key: [UInt8], _ db: PostgresConnection,
                                  logger: Logger) async throws -> ReservationSignature? {
        let rows = try await db.query("""
            SELECT sale_shop, sale_receipt, shop, till, reservation, state, version, mac
            FROM central_refund_reservation WHERE refund_key = \(refundKey) FOR UPDATE
            """, logger: logger)
        for try await (saleShop, saleReceipt, shop, till, text, state, version, mac)
                in rows.decode((String, String, String, String, String, String, Int64, String?).self) {
            let row = ReservationSignature(refundKey: refundKey, saleShop: saleShop, saleReceipt: saleReceipt, shop: shop, till: till,
                                           reservation: text, state: state, version: version)
            // Confirmed by its replicated entry, the row keeps the MAC of its reserved state: nothing more to sign.
            if state == "confirmed" { return row }
            guard row.verifies(mac, key: key) else { throw ReservationSignature.forged(refundKey) }
            return row
        }
        return nil
    }

    // MARK: - Bounded, one at a time, failures typed

    typealias Body<T: Sendable> = @Sendable (PostgresConnection, Logger) async throws -> Result<T, CrossTillFailure>

    func call<T: Sendable>(_ body: @escaping Body<T>) async -> Result<T, CrossTillFailure> {
        await serially { [connection] in
            do {
                return try await connection.run { db, logger in
                    // A row that does not read is the sale's damage, not the connection's.
                    do { return try await body(db, logger) } catch let damage as CentralLedgerDamage { return .failure(.damaged(damage.what)) }
                }
            } catch let failure as CentralFailure {
                return .failure(failure.kind)
            } catch {
                return .failure(.unreachable(detail: "\(error)"))
            }
        }
    }

    /// `body` between BEGIN and COMMIT; a refusal (a `.failure` answer) or an error rolls back.
    /// Every transaction writes a signed reservation row, so the till's key is enrolled first.
    func transaction<T: Sendable>(_ body: @escaping Body<T>) async -> Result<T, CrossTillFailure> {
        if case .failure(let failure) = await enrolOnce() { return .failure(failure) }
        return await call { db, logger in
            try await db.query("BEGIN", logger: logger)
            do {
                let answer = try await body(db, logger)
                if case .success = answer {
                    try await db.query("COMMIT", logger: logger)
                } else {
                    try await db.query("ROLLBACK", logger: logger)
                }
                return answer
            } catch {
                _ = try? await db.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Enrols this till's central key (as its outbox does; the same key again changes nothing)
    /// before its first write: the database checks every reservation row with it. Only writes
    /// enrol, so a training till that only looks sales up never names a key.
    private func enrolOnce() async -> Result<Void, CrossTillFailure> {
        guard !enrolled else { return .success(()) }
        let shop = connection.settings.shop, till = till, keyID = keyID, key = key
        let answer = await call { db, logger in
            .success(try await CentralReceiver.enrol(shop: shop, till: till, key: (keyID, key), db, logger: logger))
        }
        switch answer {
        case .failure(let failure): return .failure(failure)
        case .success(let text) where text.hasPrefix("other-key"):
            return .failure(.refused(detail: "till \(till) of shop \(shop) is enrolled with another central key (\(text.dropFirst(10))), not \(keyID)"))
        case .success:
            enrolled = true
            return .success(())
        }
    }

    private func serially<T: Sendable>(_ work: @escaping @Sendable () async -> Result<T, CrossTillFailure>) async -> Result<T, CrossTillFailure> {
        let previous = tail
        // Isolated to this actor (a Task made here inherits it), so `prepared` is read safely.
        let task = Task { () -> Result<T, CrossTillFailure> in
            await previous?.value
            if !self.prepared, case .failure(let failure) = await self.runSchema() { return .failure(failure) }
            return await work()
        }
        tail = Task { _ = await task.value }
        return await task.value
    }

    /// The schema, once per process (the first call may meet a database no till has used yet).
    private func runSchema() async -> Result<Void, CrossTillFailure> {
        do {
            try await connection.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
            prepared = true
            return .success(())
        } catch let failure as CentralFailure {
            return .failure(failure.kind)
        } catch {
            return .failure(.unreachable(detail: "\(error)"))
        }
    }
}
