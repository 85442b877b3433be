import TillCore

/// What an on-screen or programmable-keyboard key does. Each is carried out by the key
/// interpreter exactly as the keyboard's keys are (`KeyInterpreter.press`): no second path to
/// the core. The raw name is what keypad layout and keyboard map files write.
public enum KeypadAction: Hashable, Sendable {
    /// Typed as if from the keyboard: "7", "00", ".".
    case text(String)
    /// Clears what was typed (and a quantity waiting for its code).
    case clear
    case enter
    /// Shows the sale's total so far.
    case subtotal
    /// Shows the price of the typed or scanned code without selling it.
    case priceCheck
    case command(KeyCommand)
    /// Shows another page of the keypad ("main", "more", "quick": the quick keys).
    case page(String)
    /// Sells (or, in a refund, picks) the item with this SKU: a quick key.
    case item(sku: String)

    /// Every name a file may use, for refusals that suggest the nearest one.
    public static var knownNames: [String] {
        (0...9).map(String.init) + ["00", "point", "clear", "enter", "subtotal"] + KeyCommand.allCases.map(\.rawValue)
            + ["page:NAME", "item:SKU"]
    }

    public init?(name: String) {
        switch name {
        case "00": self = .text("00")
        case "point": self = .text(".")
        case "clear": self = .clear
        case "enter": self = .enter
        case "subtotal": self = .subtotal
        case "pricecheck": self = .priceCheck
        default:
            if name.count == 1, let d = name.first, d.isASCII, d.isNumber { self = .text(name); return }
            if let command = KeyCommand(rawValue: name) { self = .command(command); return }
            if name.hasPrefix("page:"), name.count > 5 { self = .page(String(name.dropFirst(5))); return }
            if name.hasPrefix("item:"), name.count > 5, name.count <= 69 { self = .item(sku: String(name.dropFirst(5))); return }
            return nil
        }
    }

    public var name: String {
        switch self {
        case .text("."): return "point"
        case .text(let t): return t
        case .clear: return "clear"
        case .enter: return "enter"
        case .subtotal: return "subtotal"
        case .priceCheck: return "pricecheck"
        case .command(let c): return c.rawValue
        case .page(let p): return "page:" + p
        case .item(let sku): return "item:" + sku
        }
    }

    /// The label a key gets when its file gives none.
    public var defaultLabel: LocalizedText {
        switch self {
        case .text("."): return t(".", ".")
        case .text(let s): return t(s, s)
        case .clear: return t("CLEAR", "清除")
        case .enter: return t("ENTER", "确认")
        case .subtotal: return t("SUBTOTAL", "小计")
        case .priceCheck: return t("PRICE?", "查价")
        case .command(let c): return c.label
        case .page("quick"): return t("QUICK", "快捷")
        case .page("main"): return t("MAIN", "主键盘")
        case .page(let p): return t(p.uppercased(), p)
        case .item(let sku): return t(sku, sku)
        }
    }

    /// The keypad key that a keyboard key stands for, so pressing it flashes that key too.
    public init?(key: ScreenKey, keymap: KeyMap) {
        if let command = keymap.command(for: key) { self = command == .pricecheck ? .priceCheck : .command(command); return }
        switch key {
        case .character(let c) where c.isASCII && (c.isNumber || c == "."): self = .text(String(c))
        case .enter: self = .enter
        default: return nil
        }
    }
}
