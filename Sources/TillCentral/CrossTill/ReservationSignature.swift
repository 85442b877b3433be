import Crypto
import TillCore

/// A refund reservation row as its till signs it (step v9, CentralSchema+SignedReservations):
/// every column that says what is held — the key, the sale, the till, the reservation itself —
/// its state and its version, MAC'd with the till's central key. The database checks it as the
/// row is written; every till reading the row checks it again (`verifies`), so a row written or
/// changed by anyone without that key is refused (`CrossTillFailure.forgedReservation`).
struct ReservationSignature: Equatable {
    var refundKey: String
    var saleShop: String
    var saleReceipt: String
    var shop: String
    var till: String
    var reservation: String
    var state: String
    var version: Int64

    /// Must equal SQL `central_reservation_signing_text`: tagged and length-prefixed, as `CentralEntry.signingText`.
    var signingText: String {
        func text(_ value: String) -> String { "T\(value.utf8.count):" + value }
        let fields: [(String, String)] = [
            ("refund_key", text(refundKey)), ("sale_shop", text(saleShop)), ("sale_receipt", text(saleReceipt)),
            ("shop", text(shop)), ("till", text(till)), ("reservation", text(reservation)), ("state", text(state)),
            ("version", "I\(version)"),
        ]
        return "till-reservation-v1\n" + fields.map { "\($0.0)=\($0.1)\n" }.joined()
    }

    func mac(key: [UInt8]) -> String { CentralEntry.mac(signingText, key: key) }

    /// True when `mac` is this row's MAC under `key` (compared in constant time).
    func verifies(_ mac: String?, key: [UInt8]?) -> Bool {
        guard let mac, let key else { return false }
        let wanted = Array(self.mac(key: key).utf8), given = Array(mac.utf8)
        guard wanted.count == given.count else { return false }
        return zip(wanted, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// What the reading till is told of a row that does not verify.
    static func forged(_ key: String) -> CentralFailure {
        CentralFailure(code: "central_reservation_forged",
                       en: "Refund reservation \(key) in the central journal does not verify under its till's central key: it was written or changed in the database, not by that till.",
                       zh: "中央日志中的退款预留 \(key) 无法用其收银机的中央密钥验证：它是在数据库中被写入或改动的，并非由该收银机。",
                       remedyEn: "Tell a supervisor: the administrator must find who writes to central_refund_reservation and remove the forged row; this sale cannot be refunded with receipt until then.",
                       remedyZh: "请通知主管：管理员须查明是谁写入了 central_refund_reservation 并删除伪造的记录；在此之前此笔销售不能凭收据退款。",
                       kind: .forgedReservation(key: key))
    }
}
