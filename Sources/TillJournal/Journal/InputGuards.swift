import GRDB
import TillCore

/// The input rules the journal enforces again inside the append transaction, whatever the layers
/// above did: no control character in anything it signs (SQLite would keep a TEXT only up to a
/// NUL while the hash covers the whole string, and `journal verify` would then call the till's own
/// entry tampered), times within `ValueLimits`, and no entry dated before the one it follows.
enum InputGuards {
    static func check(payload: String, columns: EntryColumns, _ db: Database) throws {
        for (_, value) in columns.databaseValues {
            if case .string(let text) = value.storage { try checkText(text) }
        }
        try checkJSONText(payload)
        if let total = columns.totalMinor, total.magnitude > UInt64(ValueLimits.maximumAmountMinor) {
            throw JournalError.valueOutOfRange(what: "total", value: String(total), range: "at most \(ValueLimits.maximumAmountMinor) minor units")
        }
        let at = Timestamp(seconds: columns.at)
        guard ValueLimits.contains(time: at) else {
            throw JournalError.valueOutOfRange(what: "time", value: String(columns.at), range: "\(ValueLimits.earliestTime.seconds)…\(ValueLimits.latestTime.seconds) s since 1970")
        }
        if let last = try Int64.fetchOne(db, cachedSQL: "SELECT at FROM journalEntry ORDER BY seq DESC LIMIT 1"), columns.at < last {
            throw JournalError.entryBeforeLast(at: at, last: Timestamp(seconds: last))
        }
    }

    /// Text to be stored as it is (user codes and names, catalog fields).
    static func checkText(_ text: String) throws {
        if let bad = InputText.firstForbidden(in: text) {
            throw JournalError.textNotAllowed(character: InputText.name(bad), text: printable(text))
        }
    }

    /// A catalog item as the till would sell it: its text clean and its price within range.
    /// Whoever writes it (the CSV import, a central publication, the back office), the same rules:
    /// a known currency (its minor digits decide every formatted amount), not negative (as the
    /// import refuses), within `ValueLimits`.
    static func checkItem(_ item: CatalogItem) throws {
        for text in [item.sku, item.name, item.taxClassID] + item.barcodes { try checkText(text) }
        let currency = item.price.currency
        guard Currency.known.contains(currency) else {
            throw JournalError.valueOutOfRange(what: "currency of \(item.sku)", value: "\(currency.code) (\(currency.minorDigits) decimals)",
                                               range: Currency.known.map(\.code).joined(separator: ", "))
        }
        guard ValueLimits.contains(amount: item.price), !item.price.isNegative else {
            throw JournalError.valueOutOfRange(what: "price of \(item.sku)", value: item.price.plain,
                                               range: "from 0 to \(ValueLimits.maximumAmountText(currency))")
        }
    }

    /// A tax class as a line's tax is computed from it: clean text, a rate from 0 to 100 %
    /// (a rate of -100 % would divide by zero in every inclusive line's tax).
    static func checkTaxClass(_ taxClass: TaxClass) throws {
        for text in [taxClass.id, taxClass.name] { try checkText(text) }
        guard (0...ValueLimits.maximumTaxRateBasisPoints).contains(taxClass.rateBasisPoints) else {
            throw JournalError.valueOutOfRange(what: "tax rate of \(taxClass.id)", value: "\(taxClass.rateBasisPoints)/10000",
                                               range: "0 to 100 %")
        }
    }

    /// Scans canonical JSON for forbidden characters, raw or escaped (`\u0000`, `\n`), without
    /// decoding it: every string value and key of the record is covered in one pass.
    static func checkJSONText(_ json: String) throws {
        var scalars = json.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            var value = scalar
            if scalar == "\\", let escaped = scalars.next() {
                switch escaped {
                case "u":
                    var code: UInt32 = 0
                    for _ in 0..<4 { code = code * 16 + (scalars.next().flatMap { UInt32(String($0), radix: 16) } ?? 0) }
                    value = Unicode.Scalar(code) ?? "\u{FFFF}"
                case "b": value = "\u{8}"
                case "f": value = "\u{C}"
                case "n": value = "\n"
                case "r": value = "\r"
                case "t": value = "\t"
                default: continue
                }
            }
            if InputText.isForbidden(value) {
                throw JournalError.textNotAllowed(character: InputText.name(value), text: "a journal record")
            }
        }
    }

    /// The text with forbidden characters shown as U+XXXX, so the message itself is safe to print.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if InputText.isForbidden(scalar) { out += "<" + InputText.name(scalar) + ">" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
