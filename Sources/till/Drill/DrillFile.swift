import Foundation
import TOMLKit
import TillCore
import TillTraining

/// A drill file (TOML; the format is documented in Sources/till/Drills/README.md). Setup (past
/// sales, configuration overrides, a fixed clock), the customer's story, scripted faults and the
/// expected outcome.
struct DrillFile: Codable {
    struct Text: Codable {
        var en: String
        var zh: String
        var localized: LocalizedText { LocalizedText(en: en, zh: zh) }
    }
    struct Par: Codable {
        var seconds: Int
        var keystrokes: Int
    }
    struct Sale: Codable {
        var days_ago: Int
        var clerk: String?
        var tender: String?
        var reference: String?
        /// [code, quantity] pairs.
        var lines: [[String]]
        var refunds: [Refund]?
        var voided: Bool?
    }
    struct Refund: Codable {
        var line: Int
        var quantity: String
        var reason: String?
    }
    /// A catalog item added, or replacing the demo item with the same SKU.
    struct Item: Codable {
        var sku: String
        var name: String
        var price: String
        var barcodes: [String]?
        var tax_class: String?
        var returnable: Bool?
        var weighed: Bool?
    }
    struct Faults: Codable {
        /// A scan of the key arrives as the value (a damaged label with a wrong check digit).
        var damaged_scans: [String: String]?
        /// "paper-out-at-slip": the paper runs out just as the refund slip prints.
        var printer: String?
    }
    struct Expect: Codable {
        var outcome: String
        var lines: [[String]]?
        var amount: String?
        var tender: String?
        var reason_category: String?
        var supervisor: Bool?
        var slip_printed: Bool?
        var refusal: String?
        var allowed_refusals: [String]?
    }

    var id: String
    var title: Text
    var story: Text
    var par: Par
    /// The drill's "now", seconds since 1970 UTC; past sales are placed relative to it.
    var now: Int64
    /// Same tables and keys as the configuration file (e.g. [config.refund]).
    var config: TillConfiguration?
    var items: [Item]?
    var sales: [Sale]?
    var faults: Faults?
    var expect: Expect

    static func load(_ path: String) throws -> DrillFile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIError(code: "drill_file_unreadable", en: "Cannot read drill \(path): \(ErrorCause.text(error).en)",
                           zh: "无法读取演练文件 \(path)：\(ErrorCause.text(error).zh)。",
                           remedyEn: "Check the path; `till drill list` shows the stock drills.", remedyZh: "请检查路径；`till drill list` 列出内置演练。")
        }
        do {
            let table = try TOMLTable(string: text)
            if let unknown = DrillFileKeys.unknown(in: table, file: path) {
                throw CLIError(code: "drill_key_unknown", en: unknown.message.en, zh: unknown.message.zh,
                               remedyEn: unknown.remedy.en + " Sources/till/Drills/README.md lists every key.",
                               remedyZh: unknown.remedy.zh + "所有键名见 Sources/till/Drills/README.md。")
            }
            let drill = try TOMLDecoder().decode(DrillFile.self, from: table)
            try drill.checkTimes()
            _ = try drill.expectation(currency: .cny)
            _ = try drill.catalogItems(currency: .cny)
            return drill
        } catch let error as any Problem {
            throw error
        } catch {
            let why = ConfigErrorText.describe(error)
            throw CLIError(code: "drill_file_invalid", en: "Drill \(path) is not valid: \(why.en).", zh: "演练文件 \(path) 格式有误：\(why.zh)。",
                           remedyEn: "Fix the key named above; Sources/till/Drills/README.md documents the format.",
                           remedyZh: "请修正上述项；格式见 Sources/till/Drills/README.md。")
        }
    }

    /// `now` and every sale's `days_ago` within their documented ranges (`ValueLimits`), so the
    /// drill's history can be dated without overflow.
    func checkTimes() throws {
        guard ValueLimits.contains(time: Timestamp(seconds: now)) else {
            throw CLIError.badSetting("now", value: String(now), expected: "seconds since 1970 from \(ValueLimits.earliestTime.seconds) to \(ValueLimits.latestTime.seconds)")
        }
        for sale in sales ?? [] where !(0...Int(ValueLimits.maximumDays)).contains(sale.days_ago) {
            throw CLIError.badSetting("sales.days_ago", value: String(sale.days_ago), expected: "a whole number from 0 to \(ValueLimits.maximumDays)")
        }
    }

    /// The drill's catalog items, checked like an import.
    func catalogItems(currency: Currency) throws -> [CatalogItem] {
        try (items ?? []).map { item in
            guard let price = Money(parsing: item.price, currency: currency) else {
                throw CLIError.badSetting("items.price", value: item.price, expected: "an amount such as \"12.50\"")
            }
            for code in item.barcodes ?? [] {
                if case .wrongCheckDigit(let expected, let found) = GTIN.verify(code) {
                    throw CLIError(Refusal.barcodeCheckDigitWrong(code: code, expected: expected, found: found))
                }
            }
            return CatalogItem(sku: item.sku, barcodes: item.barcodes ?? [], name: item.name, price: price,
                               taxClassID: item.tax_class ?? "VAT13", returnable: item.returnable ?? true,
                               weighed: item.weighed ?? false)
        }
    }

    func expectation(currency: Currency) throws -> DrillExpectation {
        func bad(_ key: String, _ value: String) -> CLIError {
            CLIError.badSetting("expect.\(key)", value: value, expected: "see Sources/till/Drills/README.md")
        }
        guard let outcome = DrillExpectation.Outcome(rawValue: expect.outcome) else { throw bad("outcome", expect.outcome) }
        let lines = try expect.lines.map { try $0.map { pair -> DrillExpectation.Line in
            guard pair.count == 2, let qty = Quantity(parsing: pair[1]) else { throw bad("lines", pair.joined(separator: " ")) }
            return DrillExpectation.Line(sku: pair[0], quantity: qty)
        } }
        let amount = try expect.amount.map { text -> Money in
            guard let m = Money(parsing: text, currency: currency) else { throw bad("amount", text) }
            return m
        }
        let tender = try expect.tender.map { text -> TenderKind in
            guard let t = TenderKind(rawValue: text) else { throw bad("tender", text) }
            return t
        }
        return DrillExpectation(outcome: outcome, lines: lines, amount: amount, tender: tender,
                                reasonCategory: expect.reason_category, supervisor: expect.supervisor,
                                slipPrinted: expect.slip_printed, refusal: expect.refusal,
                                allowedRefusals: expect.allowed_refusals ?? [])
    }
}
