import TOMLKit
import TillCore
import TillJournal

/// `[[tax.class]]` in the configuration: the shop's tax classes, so a shop without demo data can
/// define the classes its catalog names (`till catalog import` refuses a row naming an undefined
/// one). Each entry is checked here; the journal gets them (one chained entry) when a command
/// opens it and they differ from what it holds.
///
/// ```toml
/// [[tax.class]]
/// id = "VAT13"            # what the catalog's tax_class column names: letters, digits, - and _ (1–16)
/// name = "VAT 13% 增值税"  # printed on receipts beside the tax
/// rate = "13"             # percent, 0 to 100, at most two decimals ("9.5", "13%")
/// inclusive = true        # shelf prices include the tax (default); false: added at the till
/// ```
struct TaxClassSetting: Codable {
    var id: String?
    var name: String?
    var rate: String?
    var inclusive: Bool?

    static let keys = ConfigurationKeys.labels(TaxClassSetting())
    /// The classes, each checked (`TaxClass.checked`); `position` (1-based) names an entry in errors.
    static func resolve(_ entries: [TaxClassSetting]?) throws -> [TaxClass] {
        var classes: [TaxClass] = []
        for (index, entry) in (entries ?? []).enumerated() {
            let place = "tax.class[\(index + 1)]"
            switch TaxClass.checked(id: entry.id, name: entry.name, rate: entry.rate, inclusive: entry.inclusive) {
            case .failure(let problem):
                throw CLIError.badSetting(place + "." + problem.field.rawValue, value: problem.value, expected: problem.expected.en)
            case .success(let taxClass):
                guard !classes.contains(where: { $0.id == taxClass.id }) else {
                    throw CLIError.badSetting(place + ".id", value: taxClass.id, expected: "an id not used by an earlier [[tax.class]]")
                }
                classes.append(taxClass)
            }
        }
        return classes
    }

    /// Writes the configured classes the journal lacks or holds differently, as one chained entry
    /// (none when they all match): the catalog can name them from then on.
    static func apply(_ classes: [TaxClass], to journal: JournalDatabase) throws {
        guard !classes.isEmpty else { return }
        let held = Dictionary(try journal.taxClasses().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = classes.filter { held[$0.id] != $0 }
        try journal.upsert(taxClasses: changed)
    }

    /// The first unknown key in any `[[tax.class]]` entry, with the nearest valid one.
    static func unknownKey(in table: TOMLTable, file: String) -> UnknownName? {
        guard let entries = table["tax"]?.table?["class"]?.array else { return nil }
        for (index, value) in entries.enumerated() {
            guard let entry = value.table else { continue }
            if let bad = UnknownName.check(entry.keys, allowed: keys, place: "\(file) [[tax.class]] \(index + 1)") { return bad }
        }
        return nil
    }
}
