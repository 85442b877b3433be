import Foundation
import TillCore
import TillDevices
import TillEscPos
import TillJournal
import TillScreen

/// The till's own hardware for `till run`: the on-screen keypad (with the shop's quick keys), a
/// programmable keyboard's learned map and the customer display. Each is checked before the
/// screen opens, so a bad file is named with its fix instead of a half-working till.
struct ScreenHardware {
    var keypad: KeypadLayout?
    var keyboard: KeyboardMap?
    var display: CustomerDisplayDriver?
    /// The customer's language, and whether their display shows Chinese.
    var customerLanguage: Language
    var chineseFont: Bool

    init(_ config: ResolvedConfiguration, journal: JournalDatabase, keyboardOverride: String?) throws {
        customerLanguage = config.customerLanguage
        chineseFont = true
        if config.keypadLayout != "none" {
            let dir = try DevicesDirectory.resolve(config.devicesDirectory) + "/keypads"
            let layout = try Self.layout(config.keypadLayout, in: dir)
            let items = try config.quickKeys.compactMap { sku -> QuickKey? in
                guard let item = try journal.item(code: sku) else {
                    guard config.quickKeysConfigured else { return nil }
                    throw CLIError(code: "quick_key_not_in_catalog", en: "keypad.quick_keys names \"\(sku)\", which is not in the catalog.",
                                   zh: "keypad.quick_keys 中的 “\(sku)” 不在商品目录中。",
                                   remedyEn: "Use SKUs from `till catalog list`, or remove it.",
                                   remedyZh: "请使用 `till catalog list` 中的商品编号，或删除该项。")
                }
                return QuickKey(item: item)
            }
            keypad = layout.withQuickKeys(items)
        }
        if let path = keyboardOverride ?? config.keyboardMap {
            keyboard = try Self.keyboardMap(path)
        }
        switch config.displayURL {
        case "screen", "none":
            display = nil
        default:
            let address: PrinterAddress
            do { address = try PrinterAddress(parsing: config.displayURL) } catch {
                throw CLIError(code: "display_address_unreadable", en: "display.url \"\(config.displayURL)\" is not a device address: \(ErrorCause.text(error).en)",
                               zh: "display.url “\(config.displayURL)” 不是设备地址：\(ErrorCause.text(error).zh)",
                               remedyEn: "Use \"screen\", \"none\", serial:///dev/ttyUSB1?baud=9600, usb://VID:PID or tcp://HOST:PORT.",
                               remedyZh: "请使用 “screen”、“none”、serial:///dev/ttyUSB1?baud=9600、usb://VID:PID 或 tcp://HOST:PORT。")
            }
            let profile = try Self.displayProfile(config)
            chineseFont = profile.chinese != nil
            display = CustomerDisplayDriver(address: address, profile: profile)
        }
    }

    static func layout(_ id: String, in dir: String) throws -> KeypadLayout {
        let known = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        guard known.contains(id) else {
            let unknown = UnknownName(place: "keypad.layout", name: id, kind: LocalizedText(en: "keypad layout", zh: "键盘布局"), known: known)
            throw CLIError(code: "keypad_layout_unknown", message: unknown.message, remedy: unknown.remedy)
        }
        return try layoutFile(dir + "/" + id + ".json")
    }

    static func layoutFile(_ path: String) throws -> KeypadLayout { try parseFile(path, KeypadLayout.parse) }

    static func keyboardMap(_ path: String) throws -> KeyboardMap { try parseFile((path as NSString).expandingTildeInPath, KeyboardMap.parse) }

    /// A keypad layout or keyboard map read and checked; a problem is named with its fix.
    static func parseFile<T>(_ path: String, _ parse: (Data, String) throws(KeypadFileError) -> T) throws -> T {
        do {
            guard let data = FileManager.default.contents(atPath: path) else { throw KeypadFileError.unreadable(path) }
            return try parse(data, (path as NSString).lastPathComponent)
        } catch let error as KeypadFileError {
            throw CLIError(code: "keypad_file_unusable", message: error.message, remedy: error.remedy)
        }
    }

    static func displayProfile(_ config: ResolvedConfiguration) throws -> CustomerDisplayProfile {
        do {
            return try CustomerDisplayProfile.named(config.displayProfile, in: try DevicesDirectory.resolve(config.devicesDirectory) + "/displays")
        } catch let error as DisplayProfileError {
            throw CLIError(code: "keypad_file_unusable", message: error.message, remedy: error.remedy)
        }
    }

    /// Puts the keypad, the programmed keys and the emulated panel into the screen's state.
    func configure(_ ui: inout ScreenState, _ screen: ScreenRunner, displayURL: String) {
        ui.keypad = keypad
        ui.keypadPage = keypad?.pages.first?.id ?? ""
        ui.programmedKeys = keyboard?.entries.map(\.action) ?? []
        screen.programmedSequences = keyboard?.entries.map(\.sends) ?? []
        ui.customerPanel = displayURL == "screen" ? customerLanguage : nil
        if let display {
            let (language, chinese) = (customerLanguage, chineseFont)
            screen.onState = { state in display.show(CustomerDisplayContent(state, language: language, chineseFont: chinese)) }
            screen.displayOnline = { display.isOnline }
            screen.deviceProblem = { display.problem.map(ScreenMessage.failure) }
            display.start()
        }
    }
}
