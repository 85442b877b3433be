import Logging
import PostgresNIO
import TillCore
import TillPorts

/// A refund reservation still held ("reserved"): goods the central ledger counts as refunded
/// although no till has confirmed the refund. A till killed between its reservation and its
/// local commit leaves one behind; it blocks those goods until it is released.
public struct HeldReservation: Hashable, Sendable {
    public var refundKey: String
    public var refund: String
    public var saleShop: String
    public var sale: String
    public var till: String
    public var clerk: String
    public var reservedAt: Timestamp
    /// Seconds since it was reserved, by the database's clock (the same clock that stamped it).
    public var ageSeconds: Int64
}

extension PostgresCentralJournal {
    /// The reservations held in this till's shop, oldest first; `onlyThisTill`: this till's own.
    public func heldReservations(onlyThisTill: Bool = false) async -> Result<[HeldReservation], CrossTillFailure> {
        let shop = connection.settings.shop, till: String? = onlyThisTill ? till : nil
        return await call { db, logger in
            let rows = try await db.query("""
                SELECT refund_key, sale_shop, sale_receipt, till, reservation, extract(epoch FROM reserved_at)::bigint,
                       extract(epoch FROM now() - reserved_at)::bigint
                FROM central_refund_reservation
                WHERE shop = \(shop) AND state = 'reserved' AND (\(till)::text IS NULL OR till = \(till))
                ORDER BY reserved_at, refund_key
                """, logger: logger)
            var held: [HeldReservation] = []
            for try await (key, saleShop, sale, till, text, at, age) in rows.decode((String, String, String, String, String, Int64, Int64).self) {
                let reservation = CentralLedgerReader.decode(RefundReservation.self, text)
                held.append(HeldReservation(refundKey: key, refund: reservation?.refund.number ?? String(key.drop(while: { $0 != "-" }).dropFirst()),
                                            saleShop: saleShop, sale: sale, till: till, clerk: reservation?.refund.clerk.code ?? "?",
                                            reservedAt: Timestamp(seconds: at), ageSeconds: max(0, age)))
            }
            return .success(held)
        }
    }

    /// Moves this till's held reservation `refundKey` to released, signed, with who released it
    /// (`by`) and when; or to confirmed when `committed` (the refund is in the till's journal,
    /// its confirmation lost). False when it is not held (released, confirmed, or no such row).
    public func settle(refundKey: String, committed: Bool, by: String) async -> Result<Bool, CrossTillFailure> {
        await transaction { [key] db, logger in
            .success(try await Self.move(refundKey, to: committed ? "confirmed" : "released", key: key,
                                         releasedBy: committed ? nil : by, db, logger: logger))
        }
    }
}
