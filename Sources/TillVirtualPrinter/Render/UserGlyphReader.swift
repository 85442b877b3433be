import TillEscPos
import TillGraphics

/// Reads downloaded characters (ESC &) back into text, as a person reads the slip: two
/// neighbouring cells drawn from one 16-dot glyph of the font (by `GlyphCell`'s rule) are that
/// wide character, one cell drawn from an 8-dot glyph that narrow one. Anything else stays
/// U+FFFD, printed with its own dots. Identical glyphs read as the CJK unified ideograph
/// (一, not the Kangxi radical ⼀), else as the lowest code point.
enum UserGlyphReader {
    /// A glyph's dots as one number (FNV-1a over width and rows): the index holds numbers,
    /// not 56,000 arrays, and a look-up checks the glyph itself against the font.
    static func key(width: Int, rows: [UInt16]) -> UInt64 {
        var h: UInt64 = (0xCBF2_9CE4_8422_2325 ^ UInt64(truncatingIfNeeded: width)) &* 0x100_0000_01B3
        for v in rows {
            h = (h ^ UInt64(v & 0xFF)) &* 0x100_0000_01B3
            h = (h ^ UInt64(v >> 8)) &* 0x100_0000_01B3
        }
        return h
    }

    /// Built on first use (about a second in a debug build), from unifont; empty without it.
    static let index: [UInt64: Unicode.Scalar] = {
        guard let font = VirtualPrinter.defaultFont() else { return [:] }
        var map: [UInt64: Unicode.Scalar] = [:]
        map.reserveCapacity(60_000)
        font.forEachGlyph { scalar, glyph in
            let k = key(width: glyph.width, rows: glyph.rows)
            if let held = map[k], isUnified(held) || !isUnified(scalar) { return }
            map[k] = scalar
        }
        return map
    }()

    static func isUnified(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

    static func scalar(_ cell: Bitmap, glyphWidth: Int) -> Unicode.Scalar? {
        guard let glyph = GlyphCell.read(cell, glyphWidth: glyphWidth),
              let s = index[key(width: glyph.width, rows: glyph.rows)],
              VirtualPrinter.defaultFont()?.glyph(for: s) == glyph else { return nil }
        return s
    }

    /// A wide glyph sent without its blank columns on the left (the encoder sends only inked
    /// columns): its dots moved back right, tried from the smallest shift.
    static func shiftedScalar(_ pair: Bitmap) -> Unicode.Scalar? {
        guard pair.width == 16 else { return nil }
        for shift in 1..<16 {
            // The columns moved past the glyph's 16 must be blank.
            guard !(0..<pair.height).contains(where: { pair[16 - shift, $0] }) else { return nil }
            if let s = scalar(Bitmap(width: shift, height: pair.height).besides(pair.crop(x: 0, width: 16 - shift)), glyphWidth: 16) { return s }
        }
        return nil
    }

    static func read(_ chars: [PrintedChar], cellWidth: (Int) -> Int) -> [PrintedChar] {
        guard chars.contains(where: { $0.userGlyph != nil }) else { return chars }
        var out: [PrintedChar] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard var cell = c.userGlyph else { out.append(c); i += 1; continue }
            cell = cell.widened(to: cellWidth(c.style.font))
            if i + 1 < chars.count, let right = chars[i + 1].userGlyph, chars[i + 1].style == c.style,
               right.height == cell.height {
                let pair = cell.besides(right).widened(to: 16)
                if let s = scalar(pair, glyphWidth: 16) ?? shiftedScalar(pair) {
                    out.append(PrintedChar(scalar: s, style: c.style, cells: 2, userGlyph: pair))
                    i += 2
                    continue
                }
            }
            if let narrow = scalar(cell.widened(to: 8), glyphWidth: 8) {
                out.append(PrintedChar(scalar: narrow, style: c.style, cells: 1, userGlyph: cell))
                i += 1
                continue
            }
            // A wide glyph condensed into one cell, its second column the space after it.
            if i + 1 < chars.count, chars[i + 1].scalar == " ", chars[i + 1].userGlyph == nil, chars[i + 1].style == c.style,
               let original = c.userGlyph, let s = CondensedGlyphReader.scalar(original, cellWidth: cellWidth(c.style.font)) {
                out.append(PrintedChar(scalar: s, style: c.style, cells: 2, userGlyph: cell))
                i += 2
                continue
            }
            out.append(PrintedChar(scalar: "\u{FFFD}", style: c.style, cells: 1, userGlyph: cell))
            i += 1
        }
        return out
    }
}

extension Bitmap {
    /// At least `width` dots wide, the new columns blank.
    func widened(to width: Int) -> Bitmap {
        guard width > self.width else { return self }
        return besides(Bitmap(width: width - self.width, height: height))
    }

    /// This bitmap with `right` placed after it, tops aligned.
    func besides(_ right: Bitmap) -> Bitmap {
        var out = Bitmap(width: width + right.width, height: max(height, right.height))
        for y in 0..<out.height {
            for x in 0..<width where self[x, y] { out[x, y] = true }
            for x in 0..<right.width where right[x, y] { out[width + x, y] = true }
        }
        return out
    }
}
