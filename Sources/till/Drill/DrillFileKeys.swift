import TOMLKit
import TillCore

/// The keys a drill file may have, read off `DrillFile`'s types (no second list). A misspelt key
/// (`reason_categry`) would otherwise be dropped by the decoder and the drill would score
/// something else than its author meant, so it is an error naming the key and the nearest valid
/// one. `[config]` is checked as the configuration file is.
enum DrillFileKeys {
    typealias F = DrillFile
    static let text = ConfigurationKeys.labels(F.Text(en: "", zh: ""))
    static let topLevel = ConfigurationKeys.labels(F(id: "", title: F.Text(en: "", zh: ""), story: F.Text(en: "", zh: ""),
                                                     par: F.Par(seconds: 0, keystrokes: 0), now: 0, expect: F.Expect(outcome: "")))
    static let tables: [String: [String]] = [
        "title": text, "story": text,
        "par": ConfigurationKeys.labels(F.Par(seconds: 0, keystrokes: 0)),
        "faults": ConfigurationKeys.labels(F.Faults()),
        "expect": ConfigurationKeys.labels(F.Expect(outcome: "")),
    ]
    /// Arrays of tables and their entries' keys.
    static let arrays: [String: [String]] = [
        "items": ConfigurationKeys.labels(F.Item(sku: "", name: "", price: "")),
        "sales": ConfigurationKeys.labels(F.Sale(days_ago: 0, lines: [])),
    ]
    static let refundKeys = ConfigurationKeys.labels(F.Refund(line: 0, quantity: ""))

    static func unknown(in table: TOMLTable, file: String) -> UnknownName? {
        if let bad = UnknownName.check(table.keys, allowed: topLevel, place: file) { return bad }
        for name in table.keys.sorted() {
            if let known = tables[name], let inner = table[name]?.table {
                // One level: `faults.damaged_scans` maps any code, so its own keys are free.
                if let bad = UnknownName.check(inner.keys, allowed: known, place: "\(file) [\(name)]") { return bad }
            } else if let known = arrays[name], let entries = table[name]?.array {
                for (index, value) in entries.enumerated() {
                    guard let entry = value.table else { continue }
                    let place = "\(file) [[\(name)]] \(index + 1)"
                    if let bad = UnknownName.check(entry.keys, allowed: known, place: place) { return bad }
                    for (refundIndex, refund) in (entry["refunds"]?.array ?? []).enumerated() {
                        guard let refundTable = refund.table else { continue }
                        if let bad = UnknownName.check(refundTable.keys, allowed: refundKeys, place: place + " refunds \(refundIndex + 1)") { return bad }
                    }
                }
            } else if name == "config", let inner = table[name]?.table {
                if let bad = ConfigurationKeys.unknown(in: inner, file: "\(file) [config]") { return bad }
            }
        }
        return nil
    }
}
