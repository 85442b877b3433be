import Foundation
import Logging
import PostgresNIO
import TillCore

/// Reads one sale's central ledger: the sale (replicated, or carried by its own till's
/// reservation), and every refund of it recorded anywhere — replicated refund entries (through
/// the `original_receipt` index) and reservations not replicated yet — each counted once.
enum CentralLedgerReader {
    static func sale(_ key: DocumentKey, carried: String?, _ db: PostgresConnection, logger: Logger) async throws -> CentralSale? {
        let shop = key.shop.description, receipt = key.number.description
        var sale: SaleRecord?
        let rows = try await db.query("""
            SELECT payload FROM central_entry
            WHERE reference = \(receipt) AND shop = \(shop) AND kind = 'sale' AND NOT training LIMIT 1
            """, logger: logger)
        for try await payload in rows.decode(String.self) {
            if case .sale(let record, _)? = decode(JournalRecord.self, payload) { sale = record }
        }
        if sale == nil, let carried { sale = decode(SaleRecord.self, carried) }
        guard let sale else { return nil }

        var refunds: [String: RefundReservation] = [:]
        var voided = false
        let entries = try await db.query("""
            SELECT shop, payload FROM central_entry
            WHERE original_receipt = \(receipt) AND kind IN ('refund', 'postVoid') AND NOT training
            """, logger: logger)
        for try await (entryShop, payload) in entries.decode((String, String).self) {
            guard let giver = ShopCode(parsing: entryShop) else { continue }
            switch decode(JournalRecord.self, payload) {
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
        }
        // Every row is checked against its till's central key, released ones too (a release
        // written by someone else would free goods). A refund already replicated is counted from
        // its entry, whose MAC was checked on arrival; its row may have been confirmed by that
        // entry (`central_refund_replicated`), keeping the MAC of its reserved state.
        let reserved = try await db.query("""
            SELECT r.refund_key, r.sale_shop, r.sale_receipt, r.shop, r.till, r.reservation, r.state, r.version, r.mac, t.mac_key
            FROM central_refund_reservation r LEFT JOIN central_till t ON t.shop = r.shop AND t.till = r.till
            WHERE r.sale_receipt = \(receipt) AND r.sale_shop = \(shop)
            """, logger: logger)
        for try await row in reserved.decode((String, String, String, String, String, String, String, Int64, String?, ByteBuffer?).self) {
            let (refundKey, saleShop, saleReceipt, giver, till, text, state, version, mac, key) = row
            let replicated = refunds[refundKey] != nil
            let signed = ReservationSignature(refundKey: refundKey, saleShop: saleShop, saleReceipt: saleReceipt, shop: giver,
                                              till: till, reservation: text, state: state, version: version)
            var asReserved = signed
            asReserved.state = "reserved"
            let tillKey = key.map { Array($0.readableBytesView) }
            guard signed.verifies(mac, key: tillKey) || (replicated && state == "confirmed" && asReserved.verifies(mac, key: tillKey))
            else { throw ReservationSignature.forged(refundKey) }
            guard !replicated, state != "released", var reservation = decode(RefundReservation.self, text), reservation.key == refundKey else { continue }
            reservation.ownSale = nil
            refunds[reservation.key] = reservation
        }
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
