/// A key as the screen sees it, whatever terminal sent it: the pure part never sees curses codes.
public enum ScreenKey: Hashable, Sendable {
    case character(Character)
    /// F1…F12.
    case function(Int)
    /// Ctrl plus a letter, stored upper-case ("Q" for Ctrl-Q).
    case control(Character)
    case enter, backspace, escape, up, down, pageUp, pageDown, resize
    /// A press of the mouse's first button or a touch, at a screen cell (0-based).
    case mouse(column: Int, row: Int)
    /// A key of a programmable POS keyboard, by its index in the learned keyboard map.
    case programmed(Int)
}

extension ScreenKey {
    /// Parses a key name from the `[keys]` table: "F1"…"F12", "^Q" / "Ctrl-Q", "Esc".
    public init?(name: String) {
        let upper = name.uppercased().replacingOccurrences(of: " ", with: "")
        if upper == "ESC" || upper == "ESCAPE" { self = .escape; return }
        if upper.hasPrefix("F"), let n = Int(upper.dropFirst()), (1...12).contains(n) { self = .function(n); return }
        for prefix in ["^", "CTRL-", "CTRL+", "C-"] where upper.hasPrefix(prefix) {
            let rest = upper.dropFirst(prefix.count)
            // Ctrl-H, -I, -J, -M are Backspace, Tab and Enter on a terminal: not usable as commands.
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter,
                  !"HIJM".contains(letter) else { return nil }
            self = .control(letter)
            return
        }
        return nil
    }

    /// The name shown in the legend: "F2", "^Z", "Esc".
    public var name: String {
        switch self {
        case .function(let n): return "F\(n)"
        case .control(let c): return "^\(c)"
        case .escape: return "Esc"
        case .enter: return "Enter"
        case .character(let c): return String(c)
        case .backspace: return "Bksp"
        case .up: return "↑"
        case .down: return "↓"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .resize: return "resize"
        case .mouse(let column, let row): return "mouse \(column),\(row)"
        case .programmed(let n): return "key \(n + 1)"
        }
    }
}
