import Crypto
import TillPorts

/// An entry as the central journal stores it: the till's `OutgoingEntry` under its central key
/// (shop, till, seq), with the MAC the database checks on arrival.
public struct CentralEntry: Sendable, Equatable {
    public var shop: String
    public var till: String
    public var entry: OutgoingEntry
    public var mac: String

    /// Signs `entry` with the till's central key.
    public init(shop: String, till: String, entry: OutgoingEntry, key: [UInt8]) {
        self.shop = shop
        self.till = till
        self.entry = entry
        mac = ""
        mac = Self.mac(signingText, key: key)
    }

    public init(shop: String, till: String, entry: OutgoingEntry, mac: String) {
        self.shop = shop
        self.till = till
        self.entry = entry
        self.mac = mac
    }

    /// Must equal SQL `central_signing_text` (CentralSchema): type-tagged and length-prefixed
    /// fields, so no two different entries give the same text.
    public var signingText: String {
        func text(_ value: String?) -> String { value.map { "T\($0.utf8.count):" + $0 } ?? "N" }
        func int(_ value: Int64?) -> String { value.map { "I\($0)" } ?? "N" }
        let fields: [(String, String)] = [
            ("shop", text(shop)), ("till", text(till)), ("seq", int(entry.seq)), ("kind", text(entry.kind)),
            ("reference", text(entry.reference)), ("doc_till", text(entry.till)), ("shift", int(entry.shift)),
            ("user_code", text(entry.userCode)), ("at", int(entry.at)), ("total_minor", int(entry.totalMinor)),
            ("currency", text(entry.currency)), ("training", int(entry.training ? 1 : 0)), ("payload", text(entry.payload)),
            ("prev_hash", text(entry.prevHash)), ("hash", text(entry.hash)),
        ]
        return fields.map { "\($0.0)=\($0.1)\n" }.joined()
    }

    static func mac(_ text: String, key: [UInt8]) -> String {
        HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: key))
            .map { byte in let hex = String(byte, radix: 16); return byte < 16 ? "0" + hex : hex }.joined()
    }
}
