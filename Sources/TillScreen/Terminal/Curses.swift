import CNCursesW
import TillCore

/// The only code that talks to ncursesw: open and close the screen, draw rows, read keys.
/// Curses keeps global state, so this is used from the main thread only.
enum Curses {
    /// Opens the full screen; key reads give up after `timeoutMs` so the clock and printer
    /// state can be redrawn between keys.
    static func open(timeoutMs: Int32, programmedKeys: [[UInt8]] = []) {
        till_setlocale()
        till_open(timeoutMs)
        till_mouse_reporting(1)
        _ = till_define_key("\u{1B}[<", mouseCode)
        for (i, sequence) in programmedKeys.enumerated() {
            // Learned sequences are checked to be NUL-free when the map is read.
            var bytes = sequence.map { CChar(bitPattern: $0) } + [0]
            _ = bytes.withUnsafeMutableBufferPointer { till_define_key($0.baseAddress, mouseCode + 1 + Int32(i)) }
        }
    }

    /// Sets how long `readKey` waits for a key.
    static func keyTimeout(_ milliseconds: Int32) { till_key_timeout(milliseconds) }

    static func close() {
        till_mouse_reporting(0)
        till_close()
    }

    /// The till's own key codes, above curses' KEY_MAX: the start of a mouse report, then one
    /// per programmable-keyboard key.
    static var mouseCode: Int32 { till_key_max() + 1 }

    static var size: (rows: Int, cols: Int) { (Int(till_rows()), Int(till_cols())) }

    /// Draws `rows` (already fitted to the width); only what changed reaches the terminal.
    static func draw(_ rows: [ScreenRow], cols: Int) {
        for (y, row) in rows.enumerated() {
            var x = 0
            for segment in row.segments {
                // Never write the very last cell: curses would scroll the screen.
                var text = segment.text
                if y == rows.count - 1, x + DisplayWidth.of(text) >= cols {
                    text = DisplayWidth.truncate(text, to: max(0, cols - 1 - x))
                }
                till_set_attrs(Int32(segment.attr.rawValue))
                text.withCString { till_put(Int32(y), Int32(x), $0) }
                x += DisplayWidth.of(text)
            }
            till_set_attrs(0)
            if x < cols { till_clear_to_eol(Int32(y), Int32(x)) }
        }
        till_refresh()
    }

    static var terminalGone: Bool { till_terminal_gone() != 0 }

    /// Forget what is on the terminal and redraw everything next time (after a resize).
    static func clear() { till_clear() }

    /// The next key, or nil when none came within the timeout.
    static func readKey() -> ScreenKey? {
        var ch: UInt32 = 0
        let result = till_get_key(&ch)
        if result == till_err() { return nil }
        if result == till_key_code_yes() {
            let code = Int32(ch)
            if code == mouseCode { return readMouse() }
            if code > mouseCode { return .programmed(Int(code - mouseCode - 1)) }
            return keyCode(code)
        }
        return character(ch)
    }

    /// The rest of an SGR mouse report; nil (ignored) for a release, a drag or anything garbled.
    static func readMouse() -> ScreenKey? {
        var tail = ""
        var ch: UInt32 = 0
        while tail.count < MouseReport.maxTailLength, till_get_key(&ch) == 0, let scalar = Unicode.Scalar(ch) {
            tail.unicodeScalars.append(scalar)
            if scalar == "M" || scalar == "m" { break }
        }
        return MouseReport(sgrTail: tail)?.key
    }

    static func keyCode(_ code: Int32) -> ScreenKey? {
        switch code {
        case till_key_resize(): return .resize
        case till_key_enter(): return .enter
        case till_key_backspace(), till_key_dc(): return .backspace
        case till_key_up(): return .up
        case till_key_down(): return .down
        case till_key_ppage(): return .pageUp
        case till_key_npage(): return .pageDown
        default:
            for n in 1...12 where code == till_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func character(_ ch: UInt32) -> ScreenKey? {
        switch ch {
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(64 + ch))))
        default:
            guard ch >= 32, let scalar = Unicode.Scalar(ch) else { return nil }
            return .character(Character(scalar))
        }
    }
}
