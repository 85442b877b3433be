import TOMLKit
import TillCore

/// The keys the configuration file may have: every property of `TillConfiguration` and of each
/// of its tables, read off the types themselves (so a new key needs no second list). A key or
/// table the till does not know is refused with the nearest valid name, never ignored: a
/// misspelt `per_refund_limt` would otherwise leave the shop on the default limit unawares.
enum ConfigurationKeys {
    /// Tables whose keys are names the till checks itself (role, permission, command, tender pair).
    static let freeForm: Set<String> = ["refund.substitution", "security.min_pin_length", "permissions", "keys"]

    static let topLevel = labels(TillConfiguration())

    /// Each table's keys, from an empty value of its type.
    static let tables: [String: [String]] = [
        "till": labels(TillConfiguration.Till()),
        "shop": labels(TillConfiguration.Shop()),
        "tax": labels(TillConfiguration.Tax()),
        "refund": labels(TillConfiguration.Refund()),
        "blind_return": labels(TillConfiguration.BlindReturn()),
        "sale": labels(TillConfiguration.Sale()),
        "security": labels(TillConfiguration.Security()),
        "journal": labels(TillConfiguration.Journal()),
        "cash": labels(TillConfiguration.Cash()),
        "printer": labels(TillConfiguration.Printer()),
        "scanner": labels(TillConfiguration.Scanner()),
        "keypad": labels(TillConfiguration.Keypad()),
        "display": labels(TillConfiguration.Display()),
        "central": labels(TillConfiguration.Central()),
    ]

    static func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }

    /// The first unknown key or table in `table`, nil when every one is known.
    static func unknown(in table: TOMLTable, file: String) -> UnknownName? {
        if let bad = UnknownName.check(table.keys, allowed: topLevel, place: file,
                                       kind: LocalizedText(en: "key or table", zh: "配置项或表")) {
            return bad
        }
        for name in table.keys.sorted() where !freeForm.contains(name) {
            guard let known = tables[name], let inner = table[name]?.table else { continue }
            for key in inner.keys.sorted() where !known.contains(key) {
                return UnknownName(place: "\(file) [\(name)]", name: key, kind: LocalizedText(en: "key", zh: "配置项"), known: known)
            }
        }
        return nil
    }
}
