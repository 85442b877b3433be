import TillCore
import TillGraphics

/// Lines with characters the printer's fonts lack, printed as text with those glyphs
/// downloaded as user-defined characters (ESC &): each distinct glyph costs its cells once a
/// job (36 bytes a 12×24 cell) instead of a raster image of every line it appears on, and the
/// line keeps the printer's own line spacing.
extension Job {
    /// False when the profile or the line's style cannot use downloaded characters (then the
    /// line goes as raster).
    func userCharacterLine(_ line: String, _ style: TextStyle) throws -> Bool {
        let cell = profile.fontA
        // Downloaded glyphs belong to font A here; ESC & takes at most 3 bytes (24 dots) of height.
        guard profile.userDefinedCharacters == true, style.font == 0,
              (1...24).contains(cell.heightDots), (1...255).contains(cell.widthDots) else { return false }
        let font = try bitmapFont()
        var glyphs: [UserCharacterSlots.Glyph] = []
        var bitmaps: [Unicode.Scalar: Glyph] = [:]
        for s in line.unicodeScalars where encoder.text.route(s) == .none && bitmaps[s] == nil {
            let cells = DisplayWidth.of(s)
            guard cells > 0, let glyph = font.glyph(for: s) ?? font.glyph(for: "\u{FFFD}") else { return false }
            bitmaps[s] = glyph
            glyphs.append((s, cells))
        }
        guard let placed = userCharacters.assign(glyphs) else { return false }
        writer.justify(.left)
        writer.setStyle(style)
        var cells: [Bitmap] = []
        for g in placed.download {
            guard let glyph = bitmaps[g.scalar] else { continue }
            let drawn = GlyphCell.render(glyph, width: g.cells * cell.widthDots, height: cell.heightDots)
            for k in 0..<g.cells { cells.append(drawn.crop(x: k * cell.widthDots, width: cell.widthDots)) }
        }
        writer.defineUserCharacters(first: placed.first, cells: cells)
        var run = ""
        for s in line.unicodeScalars {
            guard bitmaps[s] != nil, let code = userCharacters.code(s) else { run.unicodeScalars.append(s); continue }
            if !run.isEmpty { writer.write(run); run = "" }
            let cellsWide = DisplayWidth.of(s)
            writer.writeUserCharacters((0..<cellsWide).map { code + UInt8($0) })
        }
        if !run.isEmpty { writer.write(run) }
        writer.newline()
        return true
    }
}

extension Bitmap {
    /// Columns x…x+width-1 as a bitmap of their own.
    func crop(x: Int, width: Int) -> Bitmap {
        var out = Bitmap(width: width, height: height)
        for y in 0..<height { for dx in 0..<width where self[x + dx, y] { out[dx, y] = true } }
        return out
    }
}
