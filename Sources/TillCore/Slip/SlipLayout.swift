/// Turns slip blocks into lines of a given column width: shared by the plain-text renderer and
/// the ESC/POS encoder, so paper and screen wrap the same way.
public enum SlipLayout {
    /// The text lines of a `.text` block. A double-width style halves the usable columns.
    public static func textLines(_ text: String, style: SlipStyle, columns: Int) -> [String] {
        let usable = style.doubleWidth ? max(1, columns / 2) : columns
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            DisplayWidth.wrap(String(paragraph), width: usable).map { align($0, style.align, width: usable) }
        }
    }

    /// Lines of a `.pair` block: the left text wraps; the right text sits at the right edge of the
    /// last line, or on a line of its own when they cannot share one.
    public static func pairLines(_ left: String, _ right: String, style: SlipStyle, columns: Int) -> [String] {
        let usable = style.doubleWidth ? max(1, columns / 2) : columns
        let rightWidth = DisplayWidth.of(right)
        var lines = DisplayWidth.wrap(left, width: usable)
        let last = lines.removeLast()
        if DisplayWidth.of(last) + 1 + rightWidth <= usable {
            lines.append(DisplayWidth.pad(last, to: usable - rightWidth) + right)
        } else {
            lines.append(last)
            lines.append(DisplayWidth.pad(right, to: usable, alignRight: true))
        }
        return lines
    }

    public static func align(_ line: String, _ alignment: Alignment, width: Int) -> String {
        let gap = max(0, width - DisplayWidth.of(line))
        switch alignment {
        case .left: return line
        case .right: return String(repeating: " ", count: gap) + line
        case .center: return String(repeating: " ", count: gap / 2) + line
        }
    }
}
