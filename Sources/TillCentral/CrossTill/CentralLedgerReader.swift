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
///
/// Nothing that does not read is skipped (a refund left out would free its goods again): a row
/// too large, a payload that does not decode, a reservation whose signature does not verify
/// refuse the sale by name (`CentralLedgerDamage`, `ReservationSignature.forged`).
enum CentralLedgerReader {
    /// A row's text larger than this is not fetched (an honest sale with its slip is a few
    /// kilobytes): the sale is damaged, and the look-up's deadline is not spent on megabytes.
    static let maximumRowBytes = 1 << 22
    /// At most this many refund rows of one sale are read (`CentralSale.maximumRefunds`, and one
    /// more so that too many is seen as such).
    static let rowLimit = CentralSale.maximumRefunds + 1

    /// Which part of the ledger a row of `query(_:)` is.
    private enum Part: String {
        case carried, sale, entry, reserved
    }

    /// One row of `query(_:)`. `text` is nil when the row is larger than `maximumRowBytes`;
    /// the reservation's columns (what its till signed) are set on `reserved` rows only.
    struct Row: Sendable {
        var part: String
        var shop: String?
        var text: String?
        var refundKey: String?
        var saleShop: String?
        var saleReceipt: String?
        var till: String?
        var state: String?
        var version: Int64?
        var mac: String?
        var macKey: [UInt8]?
    }

    /// Every part of the ledger: four index look-ups, one statement. The sale entry is limited
    /// to one row, as a sale is stored once per shop; refunds and reservations to `rowLimit`.
    static func query(_ key: DocumentKey) -> PostgresQuery {
        let shop = key.shop.description, receipt = key.number.description
        let limit = maximumRowBytes, rows = rowLimit
        return """
            SELECT 'carried', NULL::text, CASE WHEN octet_length(carried_sale) <= \(limit) THEN carried_sale END,
                   NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::bytea
            FROM central_sale_guard WHERE sale_shop = \(shop) AND sale_receipt = \(receipt) AND carried_sale IS NOT NULL
            UNION ALL
            (SELECT 'sale', NULL::text, CASE WHEN octet_length(payload) <= \(limit) THEN payload END,
                    NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::bytea
             FROM central_entry WHERE reference = \(receipt) AND shop = \(shop) AND kind = 'sale' AND NOT training LIMIT 1)
            UNION ALL
            (SELECT 'entry', shop, CASE WHEN octet_length(payload) <= \(limit) THEN payload END,
                    NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::bigint, NULL::text, NULL::bytea
             FROM central_entry WHERE original_receipt = \(receipt) AND kind IN ('refund', 'postVoid') AND NOT training LIMIT \(rows))
            UNION ALL
            (SELECT 'reserved', r.shop, CASE WHEN octet_length(r.reservation) <= \(limit) THEN r.reservation END,
                    r.refund_key, r.sale_shop, r.sale_receipt, r.till, r.state, r.version, r.mac, t.mac_key
             FROM central_refund_reservation r LEFT JOIN central_till t ON t.shop = r.shop AND t.till = r.till
             WHERE r.sale_receipt = \(receipt) AND r.sale_shop = \(shop) LIMIT \(rows))
            """
    }

    static func sale(_ key: DocumentKey, _ db: PostgresConnection, logger: Logger) async throws -> CentralSale? {
        var rows: [Row] = []
        let answer = try await db.query(query(key), logger: logger)
        for try await (part, shop, text, refundKey, saleShop, saleReceipt, till, state, version, mac, macKey)
                in answer.decode((String, String?, String?, String?, String?, String?, String?, String?, Int64?, String?, ByteBuffer?).self) {
            rows.append(Row(part: part, shop: shop, text: text, refundKey: refundKey, saleShop: saleShop, saleReceipt: saleReceipt,
                            till: till, state: state, version: version, mac: mac, macKey: macKey.map { Array($0.readableBytesView) }))
        }
        return try ledger(key, rows: rows)
    }

    /// The ledger from the rows of `query(_:)`: pure, so what is counted does not depend on
    /// the order the database sent the parts in.
    static func ledger(_ key: DocumentKey, rows: [Row]) throws -> CentralSale? {
        var replicated: SaleRecord?, carried: SaleRecord?
        var refunds: [String: RefundReservation] = [:]
        var reservations: [Row] = []
        var voided = false
        for row in rows {
            switch Part(rawValue: row.part) {
            case .carried?:
                guard let text = row.text, let record = decode(SaleRecord.self, text) else { throw CentralLedgerDamage.carriedSale }
                carried = record
            case .sale?:
                guard let text = row.text, case .sale(let record, _)? = decode(JournalRecord.self, text) else {
                    throw CentralLedgerDamage.saleEntry
                }
                replicated = record
            case .entry?:
                guard let giver = row.shop.flatMap(ShopCode.init(parsing:)), let text = row.text,
                      let record = decode(JournalRecord.self, text) else { throw CentralLedgerDamage.refundEntry }
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
            case .reserved?:
                reservations.append(row)
            case nil:
                continue
            }
        }
        guard let sale = replicated ?? carried else { return nil }
        for row in reservations {
            if let reservation = try counted(row, key: key, replicated: refunds) { refunds[reservation.key] = reservation }
        }
        let ordered = refunds.values.sorted { ($0.refund.at, $0.key) < ($1.refund.at, $1.key) }
        return CentralSale(shop: key.shop, sale: sale, refunds: ordered, voided: voided)
    }

    /// A reservation row, checked against its till's central key — released ones too (a release
    /// written by someone else would free goods) — and counted unless its refund's entry already
    /// is (a replicated entry wins: each refund is counted once; its row may have been confirmed
    /// by that entry, `central_refund_replicated`, keeping the MAC of its reserved state).
    private static func counted(_ row: Row, key: DocumentKey, replicated: [String: RefundReservation]) throws -> RefundReservation? {
        guard let refundKey = row.refundKey, let saleShop = row.saleShop, let saleReceipt = row.saleReceipt, let giver = row.shop,
              let till = row.till, let state = row.state, let version = row.version, let text = row.text
        else { throw CentralLedgerDamage.reservation }
        let isReplicated = replicated[refundKey] != nil
        let signed = ReservationSignature(refundKey: refundKey, saleShop: saleShop, saleReceipt: saleReceipt, shop: giver,
                                          till: till, reservation: text, state: state, version: version)
        var asReserved = signed
        asReserved.state = "reserved"
        guard signed.verifies(row.mac, key: row.macKey)
                || (isReplicated && state == "confirmed" && asReserved.verifies(row.mac, key: row.macKey))
        else { throw ReservationSignature.forged(refundKey) }
        guard !isReplicated, state != "released" else { return nil }
        guard var reservation = decode(RefundReservation.self, text), reservation.key == refundKey else {
            throw CentralLedgerDamage.reservation
        }
        // The row's columns and its signed reservation name the same sale (a till reserving its
        // number again moves the row); a row naming another sale is that sale's.
        guard reservation.sale == key else { return nil }
        reservation.ownSale = nil
        return reservation
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

/// A row of the central ledger that cannot be read: the sale is refused as damaged
/// (`CrossTillFailure.damaged`), never checked without the row.
struct CentralLedgerDamage: Error {
    let what: LocalizedText

    static let saleEntry = CentralLedgerDamage(what: LocalizedText(en: "the sale's entry does not read as a sale (or is over 4 MiB)",
                                                                   zh: "该销售的日志条目无法读取为销售记录（或超过 4 MiB）"))
    static let carriedSale = CentralLedgerDamage(what: LocalizedText(en: "the sale its till sent does not read as a sale (or is over 4 MiB)",
                                                                     zh: "其收银台发送的销售无法读取（或超过 4 MiB）"))
    static let refundEntry = CentralLedgerDamage(what: LocalizedText(en: "a refund entry of the sale does not read as a record (or is over 4 MiB)",
                                                                     zh: "该销售的一条退款条目无法读取（或超过 4 MiB）"))
    static let reservation = CentralLedgerDamage(what: LocalizedText(en: "a refund reservation of the sale does not read as one (or is over 4 MiB)",
                                                                     zh: "该销售的一条退款预留无法读取（或超过 4 MiB）"))
}
