import Foundation
import Logging
import PostgresNIO
import TillCore

/// Reads one sale's central ledger in ONE statement (one round trip): the sale (replicated, or
/// carried by its own till's reservation on the sale's guard row), and every refund of it
/// recorded anywhere — replicated refund and post-void entries (through the `original_receipt`
/// index) and reservations not replicated yet — each counted once. Inside a reservation's
/// transaction it sees that transaction's own guard row (the lock taken, a carried sale just
/// kept), so the look-up and the locked check read the same ledger the same way.
enum CentralLedgerReader {
    /// Which part of the ledger a row of `query(_:)` is.
    private enum Part: String {
        case carried, sale, entry, reserved
    }

    /// Every part of the ledger as (part, shop of the entry, text): four index look-ups, one
    /// statement. The sale entry is limited to one row, as a sale is stored once per shop.
    static func query(_ key: DocumentKey) -> PostgresQuery {
        let shop = key.shop.description, receipt = key.number.description
        return """
            SELECT 'carried', NULL::text, carried_sale FROM central_sale_guard
            WHERE sale_shop = \(shop) AND sale_receipt = \(receipt) AND carried_sale IS NOT NULL
            UNION ALL
            (SELECT 'sale', NULL::text, payload FROM central_entry
             WHERE reference = \(receipt) AND shop = \(shop) AND kind = 'sale' AND NOT training LIMIT 1)
            UNION ALL
            SELECT 'entry', shop, payload FROM central_entry
            WHERE original_receipt = \(receipt) AND kind IN ('refund', 'postVoid') AND NOT training
            UNION ALL
            SELECT 'reserved', NULL::text, reservation FROM central_refund_reservation
            WHERE sale_receipt = \(receipt) AND sale_shop = \(shop)
            """
    }

    static func sale(_ key: DocumentKey, _ db: PostgresConnection, logger: Logger) async throws -> CentralSale? {
        var rows: [(part: String, shop: String?, text: String)] = []
        for try await row in try await db.query(query(key), logger: logger).decode((String, String?, String).self) {
            rows.append(row)
        }
        return ledger(key, rows: rows)
    }

    /// The ledger from the rows of `query(_:)`: pure, so what is counted does not depend on
    /// the order the database sent the parts in.
    static func ledger(_ key: DocumentKey, rows: [(part: String, shop: String?, text: String)]) -> CentralSale? {
        var replicated: SaleRecord?, carried: SaleRecord?
        var refunds: [String: RefundReservation] = [:]
        var reservations: [RefundReservation] = []
        var voided = false
        for row in rows {
            switch Part(rawValue: row.part) {
            case .carried?:
                carried = decode(SaleRecord.self, row.text)
            case .sale?:
                if case .sale(let record, _)? = decode(JournalRecord.self, row.text) { replicated = record }
            case .entry?:
                guard let giver = row.shop.flatMap(ShopCode.init(parsing:)) else { continue }
                switch decode(JournalRecord.self, row.text) {
                case .refund(let refund, _)?:
                    // A refund names its sale by receipt number; the shop is the foreign sale's, or the giver's own.
                    let against = refund.foreignSale?.key ?? DocumentKey(shop: giver, number: key.number)
                    guard against == key, !refund.training else { continue }
                    let reservation = RefundReservation(sale: key, shop: giver, refund: refund)
                    refunds[reservation.key] = reservation
                case .postVoid?:
                    if giver == key.shop { voided = true }
                default:
                    continue
                }
            case .reserved?:
                if var reservation = decode(RefundReservation.self, row.text) {
                    reservation.ownSale = nil
                    reservations.append(reservation)
                }
            case nil:
                continue
            }
        }
        guard let sale = replicated ?? carried else { return nil }
        // A replicated refund entry wins over its reservation: each refund is counted once.
        for reservation in reservations where refunds[reservation.key] == nil { refunds[reservation.key] = reservation }
        let ordered = refunds.values.sorted { ($0.refund.at, $0.key) < ($1.refund.at, $1.key) }
        return CentralSale(shop: key.shop, sale: sale, refunds: ordered, voided: voided)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
