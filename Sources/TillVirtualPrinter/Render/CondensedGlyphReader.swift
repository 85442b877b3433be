import Synchronization
import TillEscPos
import TillGraphics

/// Reads back wide glyphs the encoder condensed into one cell (`GlyphCell.condensed`, on
/// narrow paper): an index from each wide unifont glyph's condensed dots (blank columns on
/// the right dropped, as the encoder sends them) to its character, built once per cell width
/// on first use. Identical drawings read as the CJK unified ideograph, as `UserGlyphReader`.
enum CondensedGlyphReader {
    private static let indexes = Mutex<[Int: [Bitmap: Unicode.Scalar]]>([:])

    static func trimmed(_ cell: Bitmap) -> Bitmap {
        var columns = cell.width
        while columns > 0 && !(0..<cell.height).contains(where: { cell[columns - 1, $0] }) { columns -= 1 }
        return columns == cell.width ? cell : cell.crop(x: 0, width: columns)
    }

    static func index(width: Int) -> [Bitmap: Unicode.Scalar] {
        if let built = indexes.withLock({ $0[width] }) { return built }
        var map: [Bitmap: Unicode.Scalar] = [:]
        VirtualPrinter.defaultFont()?.forEachGlyph { scalar, glyph in
            guard glyph.width == 16 else { return }
            let k = trimmed(GlyphCell.condensed(glyph, width: width))
            if let held = map[k], UserGlyphReader.isUnified(held) || !UserGlyphReader.isUnified(scalar) { return }
            map[k] = scalar
        }
        indexes.withLock { $0[width] = map }
        return map
    }

    /// The wide character `cell` (16 dots tall, at most `cellWidth` wide) is the condensed
    /// drawing of, if any.
    static func scalar(_ cell: Bitmap, cellWidth: Int) -> Unicode.Scalar? {
        guard (12...15).contains(cellWidth), cell.width <= cellWidth, cell.height == Glyph.height else { return nil }
        let key = trimmed(cell)
        guard !(key.width == 0) else { return nil }
        return index(width: cellWidth)[key]
    }
}
