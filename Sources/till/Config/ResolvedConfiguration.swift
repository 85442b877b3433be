import Foundation
import TillCore
import TillCentral
import TillJournal

/// The configuration with defaults filled in and values checked: what the commands use.
struct ResolvedConfiguration {
    var register: RegisterConfig
    var screenLanguage: Language
    var dataDirectory: String
    var pinHashRounds: Int
    /// The shortest PIN per role, checked whenever a PIN is set.
    var pinPolicy: PinPolicy
    /// `journal.key_file`; nil: beside the journal.
    var keyFile: String?
    var printerURL: String
    var slipDirectory: String
    var printerColumns: Int
    /// The printer profile (Devices/printers/ID.json) slips are laid out for.
    var printerProfile: String
    /// A control socket through which faults are injected into the built-in virtual printer.
    var printerControl: String?
    var devicesDirectory: String?
    /// The barcode scanner the screen reads besides the keyboard: "keyboard", serial:// or evdev://.
    var scannerURL: String
    /// The shop logo image (PNG, PGM or PBM) printed on receipts, stored in the printer's NV
    /// memory where the profile allows.
    var logoFile: String?
    /// `[keys]`: the screen's key bindings as written (checked by `till run`, which knows the commands).
    var keyBindings: [String: String]
    /// The on-screen keypad: a layout id in Devices/keypads, or "none".
    var keypadLayout: String
    /// SKUs of the quick-key page, in order.
    var quickKeys: [String]
    /// Whether `quickKeys` was written in the file: only then is a SKU missing from the catalog
    /// an error (the defaults name demo items, which a shop's own catalog may lack).
    var quickKeysConfigured: Bool
    /// A programmable keyboard's map written by `till keypad learn`.
    var keyboardMap: String?
    /// The customer display: "screen" (a panel on the till screen), "none", or a device URL.
    var displayURL: String
    var displayProfile: String
    var customerLanguage: Language
    /// `[[tax.class]]`: tax classes the configuration defines (written to the journal when they differ).
    var taxClasses: [TaxClass]
    /// `[report.refunds]`: when `till report refunds` flags a clerk.
    var refundThresholds: RefundThresholds
    /// `[central]`: the shared PostgreSQL journal; nil when no url is set (the till stands alone).
    var central: CentralSettings?
    /// `[central] lookup_timeout_ms`: how long a cross-till look-up or refund check may take.
    var centralLookupTimeoutMs: Int

    var journalPath: String { dataDirectory + "/journal.sqlite" }
    var trainingJournalPath: String { dataDirectory + "/training.sqlite" }

    init(_ file: TillConfiguration, environment: [String: String]) throws {
        let tillID = file.till?.id ?? "01"
        guard tillID.count == 2, tillID.allSatisfy(\.isASCIIDigit) else {
            throw CLIError.badSetting("till.id", value: tillID, expected: "two digits, e.g. \"01\"")
        }
        let code = file.till?.currency ?? "CNY"
        guard let currency = Currency.named(code) else {
            throw CLIError.badSetting("till.currency", value: code,
                                      expected: Currency.known.map(\.code).joined(separator: ", "))
        }
        let maxAmount = ValueLimits.maximumAmountText(currency)
        func money(_ key: String, _ text: String?, _ fallback: Int64, minimumMinor: Int64 = 0) throws -> Int64 {
            guard let text else { return fallback }
            let lowest = DecimalText.format(minimumMinor, scale: currency.minorDigits)
            guard let value = Money(parsing: text, currency: currency), value.minor >= minimumMinor,
                  ValueLimits.contains(amount: value) else {
                throw CLIError.badSetting(key, value: text, expected: "an amount from \(lowest) to \(maxAmount), such as \"500.00\"")
            }
            return value.minor
        }
        /// A whole-number key within its documented range (`ConfigRanges`).
        func number(_ key: String, _ value: Int?, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let value else { return fallback }
            guard range.contains(value) else {
                throw CLIError.badSetting(key, value: String(value), expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        func language(_ key: String, _ text: String?) throws -> Language {
            guard let text else { return Language.fromLocale(environment["LC_ALL"] ?? environment["LANG"]) }
            guard let lang = Language(rawValue: text) else { throw CLIError.badSetting(key, value: text, expected: "\"en\" or \"zh\"") }
            return lang
        }

        var refund = RefundPolicy()
        refund.windowDays = Int64(try number("refund.window_days", file.refund?.window_days, 30, ConfigRanges.windowDays))
        refund.perRefundLimitMinor = try money("refund.per_refund_limit", file.refund?.per_refund_limit, 50_000)
        refund.clerkShiftLimitMinor = try money("refund.clerk_shift_limit", file.refund?.clerk_shift_limit, 100_000)
        refund.substitution = try Self.substitution(file.refund)

        var blind = BlindReturnPolicy()
        blind.enabled = file.blind_return?.enabled ?? true
        blind.supervisorAboveMinor = try money("blind_return.supervisor_above", file.blind_return?.supervisor_above, 0)
        blind.maximumMinor = try money("blind_return.maximum", file.blind_return?.maximum, 20_000)
        blind.requireCustomerReference = file.blind_return?.require_customer_reference ?? false
        if let pricing = file.blind_return?.pricing {
            if pricing == "current" { blind.pricing = .currentPrice }
            else if pricing.hasPrefix("lowest:"), let days = Int64(pricing.dropFirst(7)), (1...ValueLimits.maximumDays).contains(days) {
                blind.pricing = .lowestInDays(days)
            } else {
                throw CLIError.badSetting("blind_return.pricing", value: pricing,
                                          expected: "\"current\" or \"lowest:DAYS\" with DAYS from 1 to \(ValueLimits.maximumDays)")
            }
        }
        if let tenders = file.blind_return?.tenders {
            blind.tenders = try tenders.map {
                guard let kind = TenderKind(rawValue: $0) else {
                    throw CLIError.badSetting("blind_return.tenders", value: $0, expected: "cash, card, storeCredit")
                }
                return kind
            }
        }

        var permissions = RolePermissions.standard
        for (roleName, names) in file.permissions ?? [:] {
            guard let role = Role(rawValue: roleName) else {
                throw CLIError.badSetting("permissions", value: roleName, expected: Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            permissions.table[role] = Set(try names.map {
                guard let p = Permission(rawValue: $0) else {
                    throw CLIError.badSetting("permissions.\(roleName)", value: $0,
                                              expected: Permission.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return p
            })
        }

        let offsetText = file.till?.utc_offset ?? "system"
        // "system": the machine's offset now (a fixed offset from then on, as the journal's dates need).
        let systemOffset = Int64(TimeZone.current.secondsFromGMT())
        guard let offset = offsetText == "system" ? systemOffset : Self.parseOffset(offsetText) else {
            throw CLIError.badSetting("till.utc_offset", value: offsetText, expected: "\"+08:00\", \"-05:00\" (at most 14 hours) or \"system\"")
        }
        let lockout = PinLockoutPolicy(maxAttempts: try number("security.max_pin_attempts", file.security?.max_pin_attempts, 5, ConfigRanges.maxPinAttempts),
                                       lockSeconds: Int64(try number("security.lockout_seconds", file.security?.lockout_seconds, 300, ConfigRanges.lockoutSeconds)),
                                       utcOffsetSeconds: offset)
        var policy = StorePolicy(refund: refund, blindReturn: blind, lockout: lockout, permissions: permissions)
        policy.priceChange = PriceChangePolicy(
            overrideApprovalAboveMinor: try money("sale.price_override_approval_above", file.sale?.price_override_approval_above, 2_000),
            discountApprovalAboveMinor: try money("sale.discount_approval_above", file.sale?.discount_approval_above, 2_000))
        let increment = try money("cash.rounding_increment", file.cash?.rounding_increment, 1, minimumMinor: 1)
        guard increment <= ConfigRanges.maximumRoundingIncrementMinor else {
            throw CLIError.badSetting("cash.rounding_increment", value: file.cash?.rounding_increment ?? "",
                                      expected: "an amount from \(DecimalText.format(1, scale: currency.minorDigits)) to \(DecimalText.format(ConfigRanges.maximumRoundingIncrementMinor, scale: currency.minorDigits))")
        }
        for (key, text) in [("shop.name", file.shop?.name), ("shop.tax_id", file.shop?.tax_id), ("shop.footer", file.shop?.footer),
                            ("shop.tax_id_label", file.shop?.tax_id_label)]
            + (file.shop?.address ?? []).map({ ("shop.address", Optional($0)) }) {
            // Shop texts go into every signed slip: a control character there would make every sale unrecordable.
            if let text, let bad = InputText.firstForbidden(in: text) {
                throw CLIError.badSetting(key, value: text.unicodeScalars.map { InputText.isForbidden($0) ? InputText.name($0) : String($0) }.joined(),
                                          expected: "text without control characters (\(InputText.name(bad)))")
            }
        }
        var shop = ShopInfo(name: file.shop?.name ?? "Till Demo Shop 演示商店",
                            addressLines: file.shop?.address ?? ["1 Demo Street", "演示路1号"],
                            taxID: file.shop?.tax_id, footer: file.shop?.footer ?? "Thank you 谢谢惠顾",
                            logo: file.shop?.logo ?? (file.shop?.logo_file != nil))
        let receiptLanguage = try language("till.receipt_language", file.till?.receipt_language)
        shop.taxIDLabel = try TaxIDLabel.resolve(file.shop?.tax_id_label, receiptLanguage: receiptLanguage)
        register = RegisterConfig(till: tillID, currency: currency, policy: policy,
                                  cashRounding: CashRounding(increment: max(1, increment)), shop: shop,
                                  receiptLanguage: receiptLanguage,
                                  utcOffsetSeconds: offset, training: false)
        register.cashDenominationsMinor = try CashDenominationSetting.resolve(file.cash?.denominations, currency: currency)
        register.shopCode = try Self.shopCode(file.shop?.code)
        let crossTill = try Self.crossTill(file.central, money: { try money($0, $1, $2) })
        register.central = crossTill.policy
        centralLookupTimeoutMs = crossTill.timeoutMs
        screenLanguage = try language("till.language", file.till?.language)
        dataDirectory = file.till?.data_dir ?? Paths.defaultDataDirectory(environment)
        pinHashRounds = try number("security.pin_hash_rounds", file.security?.pin_hash_rounds, 210_000, ConfigRanges.pinHashRounds)
        var pins = PinPolicy.standard
        for (roleName, length) in file.security?.min_pin_length ?? [:] {
            guard let role = Role(rawValue: roleName) else {
                throw CLIError.badSetting("security.min_pin_length", value: roleName,
                                          expected: Role.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard PinPolicy.digits.contains(length) else {
                throw CLIError.badSetting("security.min_pin_length.\(roleName)", value: String(length), expected: "4 to 8")
            }
            pins.minimumLength[role] = length
        }
        pinPolicy = pins
        keyFile = file.journal?.key_file
        printerURL = file.printer?.url ?? "virtual"
        slipDirectory = file.printer?.out_dir ?? dataDirectory + "/slips"
        printerColumns = try number("printer.columns", file.printer?.columns, 42, ConfigRanges.printerColumns)
        printerProfile = file.printer?.profile ?? "generic-80"
        printerControl = file.printer?.control
        devicesDirectory = file.printer?.devices_dir
        scannerURL = file.scanner?.url ?? "keyboard"
        logoFile = file.shop?.logo_file
        keyBindings = file.keys ?? [:]
        keypadLayout = file.keypad?.layout ?? "pos-4x6"
        quickKeys = file.keypad?.quick_keys ?? ["TEA-JAS", "MUG-01", "KETTLE", "RICECOOK", "RICE-KG", "APPLE-KG"]
        guard quickKeys.count <= 32, quickKeys.allSatisfy({ !$0.isEmpty && $0.count <= 64 && !$0.contains(where: \.isNewline) }) else {
            throw CLIError.badSetting("keypad.quick_keys", value: quickKeys.joined(separator: ","), expected: "at most 32 SKUs from the catalog")
        }
        quickKeysConfigured = file.keypad?.quick_keys != nil
        keyboardMap = file.keypad?.keyboard
        displayURL = file.display?.url ?? "screen"
        displayProfile = file.display?.profile ?? "generic-vfd-gb18030"
        taxClasses = try TaxClassSetting.resolve(file.tax?.class)
        refundThresholds = try RefundReportSettings.resolve(file.report?.refunds)
        central = try Self.central(file.central, shop: register.shopCode, environment: environment)
        customerLanguage = try file.display?.language.map { try language("display.language", $0) } ?? register.receiptLanguage
    }

    /// The tender-substitution table: the three older switches first (shorthands for their
    /// pairs), then `[refund.substitution]`, whose every key is a pair and every value a decision.
    static func substitution(_ refund: TillConfiguration.Refund?) throws -> TenderSubstitutionPolicy {
        typealias Pair = TenderSubstitutionPolicy.Pair
        var policy = TenderSubstitutionPolicy()
        if let allow = refund?.allow_store_credit {
            for paid in [TenderKind.cash, .card] { policy.decisions[Pair(paid: paid, refunded: .storeCredit)] = allow ? .allowed : .refused }
        }
        if let supervisor = refund?.cash_for_card_needs_supervisor {
            policy.decisions[Pair(paid: .card, refunded: .cash)] = supervisor ? .supervisor : .refused
        }
        if let allow = refund?.allow_card_for_cash {
            policy.decisions[Pair(paid: .cash, refunded: .card)] = allow ? .allowed : .refused
        }
        let pairs = Dictionary(uniqueKeysWithValues: Pair.all.map { ($0.key, $0) })
        for (key, value) in refund?.substitution ?? [:] {
            guard let pair = pairs[key] else {
                throw CLIError.badSetting("refund.substitution", value: key,
                                          expected: Pair.all.map(\.key).joined(separator: ", "))
            }
            guard let decision = TenderSubstitutionPolicy.Decision(rawValue: value) else {
                throw CLIError.badSetting("refund.substitution.\(key)", value: value, expected: "allowed, supervisor, refused")
            }
            policy.decisions[pair] = decision
        }
        return policy
    }

    static func parseOffset(_ text: String) -> Int64? { UTCOffsetText.parse(text) }
}
