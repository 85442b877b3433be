import Foundation
import TOMLKit
import TillCore

/// The configuration file (TOML). Every key is optional: a missing key takes the default shown
/// by `till config defaults`, which is also the documentation of each key.
struct TillConfiguration: Codable {
    struct Till: Codable {
        var id: String?
        var currency: String?
        var language: String?
        var receipt_language: String?
        var utc_offset: String?
        var data_dir: String?
    }
    struct Shop: Codable {
        var name: String?
        var address: [String]?
        var tax_id: String?
        var tax_id_label: String?
        var footer: String?
        var logo: Bool?
        var logo_file: String?
        /// One to four digits: the shop in receipt codes and cross-till look-ups (`ShopCode`).
        var code: String?
    }
    struct Refund: Codable {
        var window_days: Int?
        var per_refund_limit: String?
        var clerk_shift_limit: String?
        var allow_store_credit: Bool?
        var cash_for_card_needs_supervisor: Bool?
        var allow_card_for_cash: Bool?
        /// `[refund.substitution]`: "paid_to_refunded" -> "allowed" | "supervisor" | "refused".
        var substitution: [String: String]?
    }
    struct BlindReturn: Codable {
        var enabled: Bool?
        var pricing: String?
        var supervisor_above: String?
        var maximum: String?
        var tenders: [String]?
        var require_customer_reference: Bool?
    }
    struct Sale: Codable {
        var price_override_approval_above: String?
        var discount_approval_above: String?
    }
    struct Security: Codable {
        var max_pin_attempts: Int?
        var lockout_seconds: Int?
        var pin_hash_rounds: Int?
        /// Role name -> shortest PIN allowed when a PIN is set (4-8; supervisor and admin 6 by default).
        var min_pin_length: [String: Int]?
    }
    struct Journal: Codable {
        /// The journal's key file (HMAC chain key and PIN pepper), default beside the journal.
        var key_file: String?
    }
    struct Cash: Codable {
        var rounding_increment: String?
        /// The notes and coins a cash count lists (`CashDenominationSetting`).
        var denominations: [String]?
    }
    struct Printer: Codable {
        var url: String?
        var profile: String?
        var out_dir: String?
        var columns: Int?
        var control: String?
        var devices_dir: String?
    }

    struct Tax: Codable {
        /// `[[tax.class]]`: the shop's tax classes (`TaxClassSetting`).
        var `class`: [TaxClassSetting]?
    }

    var till: Till?
    var shop: Shop?
    /// `[report.refunds]`: the refund report's flag thresholds (`RefundReportSettings`).
    var report: RefundReportSettings.Table?
    var tax: Tax?
    var refund: Refund?
    var blind_return: BlindReturn?
    var sale: Sale?
    var security: Security?
    var cash: Cash?
    var printer: Printer?
    var journal: Journal?
    struct Scanner: Codable {
        var url: String?
    }
    var scanner: Scanner?
    struct Keypad: Codable {
        var layout: String?
        var quick_keys: [String]?
        var keyboard: String?
    }
    /// The on-screen keypad, its quick keys and a programmable keyboard's learned map.
    var keypad: Keypad?
    struct Display: Codable {
        var url: String?
        var profile: String?
        var language: String?
    }
    /// The customer display (pole display).
    var display: Display?
    /// The shared PostgreSQL journal (TillConfiguration+Central.swift).
    var central: Central?
    /// Role name -> permission names, replacing that role's defaults.
    var permissions: [String: [String]]?
    /// The till screen's keypad: command name -> key name (`cash = "F2"`), replacing that command's default.
    var keys: [String: String]?

    static func load(path: String) throws -> TillConfiguration {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIError(code: "config_file_unreadable", en: "Cannot read the configuration file \(path): \(ErrorCause.text(error).en)",
                           zh: "无法读取配置文件 \(path)：\(ErrorCause.text(error).zh)。",
                           remedyEn: "Check the path, or run `till config defaults > \(path)` to create one.",
                           remedyZh: "请检查路径，或运行 `till config defaults > \(path)` 创建配置文件。")
        }
        do {
            let table = try TOMLTable(string: text)
            if let unknown = ConfigurationKeys.unknown(in: table, file: path) ?? TaxClassSetting.unknownKey(in: table, file: path) {
                throw CLIError(code: "config_key_unknown", en: unknown.message.en, zh: unknown.message.zh,
                               remedyEn: unknown.remedy.en + " `till config defaults` lists every key.",
                               remedyZh: unknown.remedy.zh + "`till config defaults` 列出所有配置项。")
            }
            return try TOMLDecoder().decode(TillConfiguration.self, from: table)
        } catch let error as any Problem {
            throw error
        } catch {
            let why = ConfigErrorText.describe(error)
            throw CLIError(code: "config_file_invalid", en: "The configuration file \(path) is not valid: \(why.en).",
                           zh: "配置文件 \(path) 格式有误：\(why.zh)。",
                           remedyEn: "Fix the line named above; `till config defaults` shows every key with its type.",
                           remedyZh: "请修正上述行；`till config defaults` 列出所有配置项及其类型。")
        }
    }
}
