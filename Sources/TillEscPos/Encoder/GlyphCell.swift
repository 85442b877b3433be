import TillGraphics

/// A font glyph scaled to a printer's character cell by nearest neighbour: the one drawing rule
/// for characters the printer lacks, whether they go as downloaded characters (ESC &) or inside
/// raster lines, and the rule the virtual printer reads such dots back into text with.
public enum GlyphCell {
    public static func render(_ glyph: Glyph, width: Int, height: Int) -> Bitmap {
        var cell = Bitmap(width: max(1, width), height: max(1, height))
        for y in 0..<cell.height {
            let gy = y * Glyph.height / cell.height
            for x in 0..<cell.width where glyph[x * glyph.width / cell.width, gy] { cell[x, y] = true }
        }
        return cell
    }

    /// A wide glyph narrowed to `width` columns (fewer than its own) by merging neighbouring
    /// columns: a dot in any source column inks the column it falls in, so no stroke is lost
    /// (a nearest-neighbour drop would erase the one-dot strokes of 中 or 川). Rows unchanged.
    public static func condensed(_ glyph: Glyph, width: Int) -> Bitmap {
        let w = max(1, min(width, glyph.width))
        var cell = Bitmap(width: w, height: Glyph.height)
        for y in 0..<Glyph.height {
            for x in 0..<glyph.width where glyph[x, y] { cell[x * w / glyph.width, y] = true }
        }
        return cell
    }

    /// The glyph a cell was drawn from by `render`, or nil when the dots are not exactly such a
    /// drawing of a `glyphWidth`-dot glyph (cells smaller than the glyph cannot be read back).
    public static func read(_ cell: Bitmap, glyphWidth: Int) -> Glyph? {
        guard glyphWidth == 8 || glyphWidth == 16, cell.width >= glyphWidth, cell.height >= Glyph.height else { return nil }
        var rows = [UInt16](repeating: 0, count: Glyph.height)
        for gy in 0..<Glyph.height {
            // The first cell row drawn from glyph row gy, likewise for columns.
            let y = (gy * cell.height + Glyph.height - 1) / Glyph.height
            for gx in 0..<glyphWidth where cell[(gx * cell.width + glyphWidth - 1) / glyphWidth, y] {
                rows[gy] |= 1 << UInt16(glyphWidth - 1 - gx)
            }
        }
        let glyph = Glyph(width: glyphWidth, rows: rows)
        return render(glyph, width: cell.width, height: cell.height) == cell ? glyph : nil
    }
}
