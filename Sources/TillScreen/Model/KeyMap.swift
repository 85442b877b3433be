import TillCore

/// What a bound key does on the till's keypad. The raw value is the name in the `[keys]` table.
public enum KeyCommand: String, CaseIterable, Hashable, Sendable {
    case language, cash, card, credit, quantity, void, refund, blind, postvoid, reprint, drawer
    case xreport, zreport, shift, signout, cancel, quit
    /// NO RECEIPT: the open sale completes without printing its receipt (press again to undo).
    case noreceipt
    /// PRICE CHECK: the keypad's PRICE? key, the price of the typed or scanned code, not sold.
    case pricecheck
    /// Shows or hides the on-screen keypad (shown anyway on a screen wide enough for it).
    case keypad
    /// PARK the open sale / RECALL a parked one (a pick list of those waiting).
    case park, recall
    /// REMOVE TENDER: the typed tender number, else the last tender taken.
    case untender
    /// SEARCH: the typed text, in item names (English or Chinese) and SKUs.
    case search
    /// PRICE: the typed price for the picked line (else the last); DISCOUNT: the typed amount off it.
    case price, discount

    /// The short label in the legend.
    public var label: LocalizedText {
        switch self {
        case .language: return t("中文", "English")
        case .cash: return t("Cash", "现金")
        case .card: return t("Card", "银行卡")
        case .credit: return t("Store credit", "储值")
        case .quantity: return t("Qty ×", "数量×")
        case .void: return t("Void line", "删除行")
        case .refund: return t("Refund", "退款")
        case .blind: return t("No-receipt return", "无收据退货")
        case .postvoid: return t("Post-void", "作废")
        case .reprint: return t("Reprint", "重印")
        case .drawer: return t("Drawer", "钱箱")
        case .xreport: return t("X report", "X 报表")
        case .zreport: return t("Z report", "Z 报表")
        case .shift: return t("Open shift", "开班")
        case .signout: return t("Sign out", "退出")
        case .cancel: return t("Cancel", "取消")
        case .quit: return t("Quit", "关闭")
        case .keypad: return t("Keypad", "键盘")
        case .noreceipt: return t("No receipt", "不要小票")
        case .pricecheck: return t("Price check", "查价")
        case .park: return t("Park sale", "挂单")
        case .recall: return t("Recall", "取单")
        case .untender: return t("Remove tender", "撤销付款")
        case .search: return t("Search", "查找")
        case .price: return t("Price", "改价")
        case .discount: return t("Discount", "折扣")
        }
    }
}

/// Which key runs which command: defaults below, replaced one by one by the `[keys]` table.
public struct KeyMap: Hashable, Sendable {
    public private(set) var bindings: [KeyCommand: ScreenKey]

    public static let defaults: [KeyCommand: ScreenKey] = [
        .language: .function(1), .cash: .function(2), .card: .function(3), .credit: .function(4),
        .quantity: .function(5), .void: .function(6), .refund: .function(7), .blind: .function(8),
        .postvoid: .function(9), .reprint: .function(10), .drawer: .function(11), .xreport: .function(12),
        .zreport: .control("Z"), .shift: .control("N"), .signout: .control("O"), .cancel: .escape,
        .quit: .control("Q"), .keypad: .control("K"),
        .noreceipt: .control("R"), .pricecheck: .control("P"),
        .park: .control("W"), .recall: .control("E"), .untender: .control("U"), .search: .control("F"),
        .price: .control("T"), .discount: .control("D"),
    ]

    public static let standard = KeyMap(checked: defaults)

    private init(checked: [KeyCommand: ScreenKey]) { bindings = checked }

    /// The defaults with `overrides` (command name -> key name) applied. Unknown names and two
    /// commands on one key are refused with the offending entry named.
    public init(overrides: [String: String]) throws(KeyMapProblem) {
        var map = Self.defaults
        for (command, keyName) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let cmd = KeyCommand(rawValue: command.lowercased()) else { throw .unknownCommand(command) }
            guard let key = ScreenKey(name: keyName) else { throw .unknownKey(command: command, key: keyName) }
            map[cmd] = key
        }
        var seen: [ScreenKey: KeyCommand] = [:]
        for cmd in KeyCommand.allCases {
            guard let key = map[cmd] else { continue }
            if let other = seen[key] { throw .sameKey(key.name, other.rawValue, cmd.rawValue) }
            seen[key] = cmd
        }
        bindings = map
    }

    public func command(for key: ScreenKey) -> KeyCommand? {
        bindings.first { $0.value == key }?.key
    }

    public func key(for command: KeyCommand) -> ScreenKey? { bindings[command] }

    /// "F10", or "" when the command has no key.
    public func keyName(_ command: KeyCommand) -> String { bindings[command]?.name ?? "" }

    /// Legend entries in keypad order: ("F2", "Cash").
    public func legend(_ lang: Language) -> [(key: String, label: String)] {
        KeyCommand.allCases.compactMap { cmd in
            bindings[cmd].map { ($0.name, cmd.label.text(lang)) }
        }
    }
}

/// A `[keys]` entry the till cannot use, with what to write instead.
public enum KeyMapProblem: Error, Hashable, Sendable {
    case unknownCommand(String)
    case unknownKey(command: String, key: String)
    case sameKey(String, String, String)

    public var message: LocalizedText {
        switch self {
        case .unknownCommand(let name):
            return t("[keys] names an unknown command \"\(name)\".", "[keys] 中的命令 “\(name)” 未知。")
        case .unknownKey(let command, let key):
            return t("[keys] \(command) = \"\(key)\" is not a key the till knows.", "[keys] \(command) = “\(key)” 不是可用的按键。")
        case .sameKey(let key, let a, let b):
            return t("[keys] puts \(a) and \(b) on the same key \(key).", "[keys] 把 \(a) 和 \(b) 设在了同一个键 \(key) 上。")
        }
    }

    public var remedy: LocalizedText {
        t("Commands: \(KeyCommand.allCases.map(\.rawValue).joined(separator: ", ")). Keys: F1…F12, ^A…^Z (not ^H ^I ^J ^M), Esc; each key once.",
          "命令：\(KeyCommand.allCases.map(\.rawValue).joined(separator: ", "))。按键：F1…F12、^A…^Z（^H ^I ^J ^M 除外）、Esc；每个键只能用一次。")
    }
}

/// A `[keys]` entry the till cannot use: a `Problem` (its message and remedy above, a stable code).
extension KeyMapProblem: Problem {
    public var code: String { "key_map_" + ProblemCode.caseName(of: self) }
}
