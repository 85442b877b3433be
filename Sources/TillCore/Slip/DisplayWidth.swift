/// Terminal and printer column widths: East Asian wide and fullwidth characters take two
/// columns, combining marks none. Used to align Chinese item names on screen and paper.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Inlinable: the ESC/POS encoder calls it for every non-ASCII character it prints.
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        if v < 0x1100 { return 1 }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Width W/F ranges (Unicode 15, the blocks a till meets).
    @inlinable
    static func isWide(_ v: UInt32) -> Bool {
        // CJK Unified Ideographs first: most wide characters on a receipt (also listed below).
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        return (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// Splits `text` into pieces no wider than `width` columns, breaking at spaces where possible
    /// and between any two CJK characters.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = "", currentWidth = 0
        var lastBreak: String.Index? = nil
        for ch in text {
            let w = of(String(ch))
            if currentWidth + w > width, !current.isEmpty {
                if ch != " ", let b = lastBreak, b > current.startIndex {
                    let head = String(current[..<b]), tail = String(current[current.index(after: b)...])
                    lines.append(trimTrailing(head))
                    current = tail
                    currentWidth = of(tail)
                } else {
                    lines.append(trimTrailing(current))
                    current = ""
                    currentWidth = 0
                }
                lastBreak = nil
                if ch == " " { continue }
            }
            if ch == " " { lastBreak = current.endIndex }
            current.append(ch)
            currentWidth += w
        }
        if !current.isEmpty || lines.isEmpty { lines.append(trimTrailing(current)) }
        return lines
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let fitted = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(fitted)))
        return alignRight ? gap + fitted : fitted + gap
    }

    /// `text` cut to at most `width` columns (a wide character that would straddle is dropped).
    public static func truncate(_ text: String, to width: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = of(String(ch))
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return out
    }

    private static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
