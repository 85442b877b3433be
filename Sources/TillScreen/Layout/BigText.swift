/// Amounts three rows high, for the change due and the refund paid out: read from across the
/// counter. Digits, '.', ',' and '-' only; the currency stays in the normal-size label above.
enum BigText {
    private static let glyphs: [Character: [String]] = [
        "0": ["█▀█", "█ █", "█▄█"], "1": ["▀█ ", " █ ", "▄█▄"], "2": ["▀▀█", "█▀▀", "█▄▄"],
        "3": ["▀▀█", " ▀█", "▄▄█"], "4": ["█ █", "▀▀█", "  █"], "5": ["█▀▀", "▀▀█", "▄▄█"],
        "6": ["█▀▀", "█▀█", "█▄█"], "7": ["▀▀█", "  █", "  █"], "8": ["█▀█", "█▀█", "█▄█"],
        "9": ["█▀█", "▀▀█", "▄▄█"], ".": [" ", " ", "▄"], ",": [" ", " ", "▄"], "-": ["   ", "▀▀▀", "   "],
    ]

    /// Three rows for `text`; characters without a glyph are left out.
    static func rows(_ text: String) -> [String] {
        var rows = ["", "", ""]
        for ch in text {
            guard let glyph = glyphs[ch] else { continue }
            for i in 0..<3 { rows[i] += glyph[i] + " " }
        }
        return rows
    }
}
