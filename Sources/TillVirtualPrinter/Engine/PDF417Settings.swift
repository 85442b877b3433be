import TillGraphics

/// The PDF417 settings of `GS ( k` cn 48 (fn 65…70), as a printer holds them until ESC @.
struct PDF417Settings {
    var options = PDF417Options()
    /// Dots per module, 2…8 (fn 67); Epson's default 3.
    var moduleWidth = 3
    /// Row height in modules, 2…8 (fn 68); Epson's default 3.
    var rowHeight = 3
    /// Truncated PDF417 (fn 70 n = 1): printed as standard here, with a diagnostic.
    var truncated = false

    /// Applies fn `fn` with its parameters; out-of-range values are ignored as a printer does,
    /// and the problem returned for the diagnostics.
    mutating func set(_ fn: UInt8, _ p: [UInt8]) -> String? {
        guard let n = p.last else { return nil }
        let v = Int(n)
        switch fn {
        case 65:
            if v <= 30 { options.columns = v } else { return "PDF417 columns \(v) invalid (0…30): ignored" }
        case 66:
            if v == 0 || (3...90).contains(v) { options.rows = v } else { return "PDF417 rows \(v) invalid (0, 3…90): ignored" }
        case 67:
            if (2...8).contains(v) { moduleWidth = v } else { return "PDF417 module width \(v) invalid (2…8): ignored" }
        case 68:
            if (2...8).contains(v) { rowHeight = v } else { return "PDF417 row height \(v) invalid (2…8): ignored" }
        case 69:
            // m = 48: level n − 48 (0…8); m = 49: n × 10 % of the data (1…40).
            guard p.count >= 2 else { return "PDF417 error correction: missing parameter" }
            if p[0] == 48, (48...56).contains(v) { options.errorCorrection = .level(v - 48) }
            else if p[0] == 49, (1...40).contains(v) { options.errorCorrection = .ratio(tenths: v) }
            else { return "PDF417 error correction m=\(p[0]) n=\(v) invalid: ignored" }
        case 70:
            truncated = n & 1 == 1
            if truncated { return "truncated PDF417 is printed as standard PDF417" }
        default: break
        }
        return nil
    }

    /// The most data columns whose symbol (with its quiet zones) fits `dots`: automatic
    /// sizes stay on the paper, as a printer's do.
    func columnsFitting(_ dots: Int) -> Int {
        max(1, (dots / moduleWidth - 4 - 1) / 17 - 4)
    }

    /// The symbol's dots: modules `moduleWidth` wide, rows `rowHeight × moduleWidth` tall, with
    /// the two-module quiet zone a reader needs on every side.
    func bitmap(_ symbol: PDF417) -> Bitmap {
        let quiet = 2 * moduleWidth, rowDots = rowHeight * moduleWidth
        var out = Bitmap(width: symbol.width * moduleWidth + 2 * quiet, height: symbol.rows * rowDots + 2 * quiet)
        for (r, row) in symbol.modules.enumerated() {
            for (m, dark) in row.enumerated() where dark {
                for dx in 0..<moduleWidth { for dy in 0..<rowDots { out[quiet + m * moduleWidth + dx, quiet + r * rowDots + dy] = true } }
            }
        }
        return out
    }
}
