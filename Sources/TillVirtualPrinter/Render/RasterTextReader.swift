import TillEscPos
import TillGraphics

/// Reads a raster image back into text when it is a line of characters drawn cell by cell
/// from the font (`GlyphCell`'s rule, as the till draws a line the printer's fonts lack), so the
/// `.txt` page keeps "王主管" instead of "[raster 576x24]". Anything else (a logo, a barcode,
/// bold strokes) reads as nil and keeps its label.
enum RasterTextReader {
    static func read(_ image: Bitmap, fonts: [FontMetrics], paperWidth: Int) -> String? {
        // The till never draws a line wider than the paper.
        guard image.width <= paperWidth else { return nil }
        for font in fonts {
            for sy in 1...2 where font.height * sy == image.height {
                for sx in 1...2 {
                    if let text = read(image, cellWidth: font.width * sx) { return text }
                }
            }
        }
        return nil
    }

    static func read(_ image: Bitmap, cellWidth: Int) -> String? {
        guard cellWidth >= 8 else { return nil }
        var text = ""
        var x = 0
        var glyphs = 0
        func blank(_ columns: Range<Int>) -> Bool { columns.allSatisfy { c in (0..<image.height).allSatisfy { !image[c, $0] } } }
        while x + cellWidth <= image.width {
            // Blank cells are spaces, found without copying them out.
            if blank(x..<(x + cellWidth)) {
                text += " "
                x += cellWidth
                continue
            }
            let narrow = image.crop(x: x, width: cellWidth)
            if x + 2 * cellWidth <= image.width, let s = UserGlyphReader.scalar(image.crop(x: x, width: 2 * cellWidth), glyphWidth: 16) {
                text.unicodeScalars.append(s)
                x += 2 * cellWidth
            } else if let s = UserGlyphReader.scalar(narrow, glyphWidth: 8) {
                text.unicodeScalars.append(s)
                x += cellWidth
            } else {
                return nil
            }
            glyphs += 1
        }
        // What is left past the last whole cell (padding to a whole byte) must be blank.
        guard glyphs > 0, blank(x..<image.width) else { return nil }
        while text.last == " " { text.removeLast() }
        return text
    }
}
