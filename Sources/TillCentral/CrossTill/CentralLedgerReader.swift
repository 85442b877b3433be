import Foundation
import Logging
import PostgresNIO
import TillCore

/// Reads one sale's central ledger: the sale (replicated, or carried by its own till's
/// reservation), and every refund of it recorded anywhere — replicated refund entries (through
/// the `original_receipt` index) and reservations not replicated yet — each counted once.
enum CentralLedgerReader {
    /// A row's text larger than this is not fetched (an honest sale with its slip is a few
    /// kilobytes): the sale is damaged, and the look-up's deadline is not spent on megabytes.
    static let maximumRowBytes = 1 << 22
    /// At most this many refund rows of one sale are read (`CentralSale.maximumRefunds`, and one
    /// more so that too many is seen as such).
    static let rowLimit = CentralSale.maximumRefunds + 1

    static func sale(_ key: DocumentKey, carried: String?, _ db: PostgresConnection, logger: Logger) async throws -> CentralSale? {
        let shop = key.shop.description, receipt = key.number.description
        var sale: SaleRecord?
        let rows = try await db.query("""
            SELECT CASE WHEN octet_length(payload) <= \(maximumRowBytes) THEN payload END FROM central_entry
            WHERE reference = \(receipt) AND shop = \(shop) AND kind = 'sale' AND NOT training LIMIT 1
            """, logger: logger)
        for try await payload in rows.decode(String?.self) {
            guard let payload, case .sale(let record, _)? = decode(JournalRecord.self, payload) else { throw CentralLedgerDamage.saleEntry }
            sale = record
        }
        if sale == nil, let carried {
            guard let record = decode(SaleRecord.self, carried) else { throw CentralLedgerDamage.carriedSale }
            sale = record
        }
        guard let sale else { return nil }

        var refunds: [String: RefundReservation] = [:]
        var voided = false
        let entries = try await db.query("""
            SELECT shop, CASE WHEN octet_length(payload) <= \(maximumRowBytes) THEN payload END FROM central_entry
            WHERE original_receipt = \(receipt) AND kind IN ('refund', 'postVoid') AND NOT training LIMIT \(rowLimit)
            """, logger: logger)
        for try await (entryShop, payload) in entries.decode((String, String?).self) {
            // An entry that does not read is not skipped: a refund left out would free its goods again.
            guard let giver = ShopCode(parsing: entryShop), let payload, let record = decode(JournalRecord.self, payload) else {
                throw CentralLedgerDamage.refundEntry
            }
            switch record {
            case .refund(let refund, _):
                // A refund names its sale by receipt number; the shop is the foreign sale's, or the giver's own.
                let against = refund.foreignSale?.key ?? DocumentKey(shop: giver, number: key.number)
                guard against == key, !refund.training else { continue }
                let reservation = RefundReservation(sale: key, shop: giver, refund: refund)
                refunds[reservation.key] = reservation
            case .postVoid:
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
            SELECT r.refund_key, r.sale_shop, r.sale_receipt, r.shop, r.till,
                   CASE WHEN octet_length(r.reservation) <= \(maximumRowBytes) THEN r.reservation END,
                   r.state, r.version, r.mac, t.mac_key
            FROM central_refund_reservation r LEFT JOIN central_till t ON t.shop = r.shop AND t.till = r.till
            WHERE r.sale_receipt = \(receipt) AND r.sale_shop = \(shop) LIMIT \(rowLimit)
            """, logger: logger)
        for try await row in reserved.decode((String, String, String, String, String, String?, String, Int64, String?, ByteBuffer?).self) {
            let (refundKey, saleShop, saleReceipt, giver, till, text, state, version, mac, macKey) = row
            // A row too large to read is not skipped: a reservation left out would free its goods again.
            guard let text else { throw CentralLedgerDamage.reservation }
            let replicated = refunds[refundKey] != nil
            let signed = ReservationSignature(refundKey: refundKey, saleShop: saleShop, saleReceipt: saleReceipt, shop: giver,
                                              till: till, reservation: text, state: state, version: version)
            var asReserved = signed
            asReserved.state = "reserved"
            let tillKey = macKey.map { Array($0.readableBytesView) }
            guard signed.verifies(mac, key: tillKey) || (replicated && state == "confirmed" && asReserved.verifies(mac, key: tillKey))
            else { throw ReservationSignature.forged(refundKey) }
            guard !replicated, state != "released" else { continue }
            guard var reservation = decode(RefundReservation.self, text), reservation.key == refundKey else {
                throw CentralLedgerDamage.reservation
            }
            // The row's columns and its signed reservation name the same sale (a till reserving its
            // number again moves the row; a row naming another sale is that sale's).
            guard reservation.sale == key else { continue }
            reservation.ownSale = nil
            refunds[reservation.key] = reservation
        }
        let ordered = refunds.values.sorted { ($0.refund.at, $0.key) < ($1.refund.at, $1.key) }
        return CentralSale(shop: key.shop, sale: sale, refunds: ordered, voided: voided)
    }

    /// nil when `text` is not a `T` (the callers say which row, as `CentralLedgerDamage`).
    static func decode<T: Decodable>(_ type: T.Type, _ text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}

/// A row of the central ledger that cannot be read: the sale is refused as damaged
/// (`CrossTillFailure.damaged`), never checked without the row.
struct CentralLedgerDamage: Error {
    let what: LocalizedText

    static let saleEntry = CentralLedgerDamage(what: LocalizedText(en: "the sale's entry does not read as a sale (or is over 4 MiB)",
                                                                   zh: "该销售的日志条目无法读取为销售记录（或超过 4 MiB）"))
    static let carriedSale = CentralLedgerDamage(what: LocalizedText(en: "the sale its till sent does not read as a sale",
                                                                     zh: "其收银台发送的销售无法读取"))
    static let refundEntry = CentralLedgerDamage(what: LocalizedText(en: "a refund entry of the sale does not read as a record (or is over 4 MiB)",
                                                                     zh: "该销售的一条退款条目无法读取（或超过 4 MiB）"))
    static let reservation = CentralLedgerDamage(what: LocalizedText(en: "a refund reservation of the sale does not read as one (or is over 4 MiB)",
                                                                     zh: "该销售的一条退款预留无法读取（或超过 4 MiB）"))
}
