import TillCore
import TillGraphics

/// Draws a line of text as a bitmap from a unifont-style font, one character cell per display
/// column at the printer font's cell size, so a line the printer cannot print itself (Chinese
/// on a Western model) still lines up with the text lines around it.
public enum LineRasterizer {
    public static func render(_ line: String, font: BitmapFont, cellWidth: Int, cellHeight: Int,
                              style: TextStyle, maxWidth: Int) -> Bitmap {
        let cw = cellWidth * style.widthScale, ch = cellHeight * style.heightScale
        let columns = DisplayWidth.of(line)
        // A whole number of bytes a row: GS v 0 states the width in bytes, so a printer (or a
        // decoder) sees a multiple of 8 dots anyway.
        let width = max(8, (min(maxWidth, columns * cw) + 7) / 8 * 8)
        var bitmap = Bitmap(width: width, height: ch)
        var x0 = 0
        for scalar in line.unicodeScalars {
            let cols = DisplayWidth.of(scalar)
            guard cols > 0 else { continue }
            let boxW = cols * cw
            if x0 + boxW > width { break }
            if scalar != " ", let glyph = font.glyph(for: scalar) ?? font.glyph(for: "\u{FFFD}") {
                for ty in 0..<ch {
                    let gy = ty * Glyph.height / ch
                    for tx in 0..<boxW where glyph[tx * glyph.width / boxW, gy] {
                        bitmap[x0 + tx, ty] = true
                        // Bold: thicken strokes by one dot per width step, as printers do.
                        if style.bold { bitmap[x0 + tx + style.widthScale, ty] = true }
                    }
                }
            }
            if style.underline > 0 {
                for y in max(0, ch - 2 * style.heightScale)..<ch { for x in x0..<(x0 + boxW) { bitmap[x, y] = true } }
            }
            x0 += boxW
        }
        if style.invert {
            for i in bitmap.bits.indices { bitmap.bits[i] = ~bitmap.bits[i] }
            // Clear the padding bits past the width so they do not print as a black edge.
            let spare = bitmap.rowBytes * 8 - width
            if spare > 0 {
                let mask = UInt8(0xFF) << UInt8(spare)
                for y in 0..<bitmap.height { bitmap.bits[y * bitmap.rowBytes + bitmap.rowBytes - 1] &= mask }
            }
        }
        return bitmap
    }
}
