import TillCore
import TillGraphics

/// Lines with characters the printer's fonts lack, printed as text with those glyphs
/// downloaded as user-defined characters (ESC &). Each distinct glyph costs its dots once a
/// job, at unifont's own 16×16 (34 bytes a Chinese character: the left 12 columns under one
/// code, the other 4 under the next, 16 dots tall), instead of a raster image of every line it
/// appears on; the line keeps the printer's line spacing, so lines never touch. The glyph is
/// smaller than the 24-dot Latin font: the price of staying within 3× the bytes of a printer
/// with its own Chinese font.
extension Job {
    /// Whether downloaded characters can print a line of this style on this profile.
    func canDownload(_ style: TextStyle) -> Bool {
        let cell = profile.fontA
        // Font A only; a cell must hold half a 16×16 glyph.
        return profile.userDefinedCharacters == true && style.font == 0
            && cell.heightDots >= Glyph.height && (8...255).contains(cell.widthDots)
    }

    /// Adds the distinct characters of `texts` the printer's fonts lack, with their glyphs;
    /// false when the font has neither a glyph nor U+FFFD for one of them.
    func missingGlyphs(_ texts: [String], into glyphs: inout [UserCharacterSlots.Glyph], _ bitmaps: inout [Unicode.Scalar: Glyph]) throws -> Bool {
        for text in texts {
            for s in text.unicodeScalars where bitmaps[s] == nil && encoder.text.route(s) == .none {
                let cells = DisplayWidth.of(s)
                // The font is loaded only for a job that needs a glyph from it.
                let font = try bitmapFont()
                guard cells > 0, let glyph = font.glyph(for: s) ?? font.glyph(for: "\u{FFFD}") else { return false }
                bitmaps[s] = glyph
                glyphs.append((s, cells))
            }
        }
        return true
    }

    /// Downloads, in one ESC & at the start of the job, every glyph the document's font A
    /// text lacks, when they fit in the codes; lines then only refer to them. Otherwise lines
    /// download what they need as they come (`userCharacterLine`).
    func downloadDocumentGlyphs(_ doc: SlipDocument) throws {
        guard canDownload(encoder.textStyle(.plain)) else { return }
        var texts: [String] = []
        for block in doc.blocks {
            switch block {
            case .text(let t, let style) where !style.small: texts.append(ProfileText.sanitize(t))
            case .pair(let l, let r, let style) where !style.small: texts += [ProfileText.sanitize(l), ProfileText.sanitize(r)]
            case .banner(let t), .signature(let t): texts.append(ProfileText.sanitize(t))
            case .rule(let c): texts.append(ProfileText.sanitize(c))
            default: continue
            }
        }
        var glyphs: [UserCharacterSlots.Glyph] = []
        var bitmaps: [Unicode.Scalar: Glyph] = [:]
        guard try missingGlyphs(texts, into: &glyphs, &bitmaps), !glyphs.isEmpty,
              glyphs.reduce(0, { $0 + $1.cells }) <= UserCharacterSlots.capacity,
              let placed = userCharacters.assign(glyphs) else { return }
        define(placed, bitmaps)
    }

    /// Sends the glyphs `assign` placed: each glyph's dots one for one, cut at cell widths,
    /// trailing blank columns left out (the printer leaves the rest of the cell blank).
    func define(_ placed: (first: UInt8, download: [UserCharacterSlots.Glyph]), _ bitmaps: [Unicode.Scalar: Glyph]) {
        let width = profile.fontA.widthDots
        var cells: [Bitmap] = []
        for g in placed.download {
            guard let glyph = bitmaps[g.scalar] else { continue }
            let drawn = GlyphCell.render(glyph, width: glyph.width, height: Glyph.height)
            for k in 0..<g.cells {
                var columns = max(0, min(width, glyph.width - k * width))
                while columns > 0 && !(0..<drawn.height).contains(where: { drawn[k * width + columns - 1, $0] }) { columns -= 1 }
                cells.append(drawn.crop(x: k * width, width: columns))
            }
        }
        writer.defineUserCharacters(first: placed.first, cells: cells)
    }

    /// False when the profile or the line's style cannot use downloaded characters (then the
    /// line goes as raster).
    func userCharacterLine(_ line: String, _ style: TextStyle) throws -> Bool {
        guard canDownload(style) else { return false }
        var glyphs: [UserCharacterSlots.Glyph] = []
        var bitmaps: [Unicode.Scalar: Glyph] = [:]
        guard try missingGlyphs([line], into: &glyphs, &bitmaps), let placed = userCharacters.assign(glyphs) else { return false }
        writer.justify(.left)
        writer.setStyle(style)
        if !placed.download.isEmpty { define(placed, bitmaps) }
        var run = ""
        for s in line.unicodeScalars {
            guard bitmaps[s] != nil, let code = userCharacters.code(s) else { run.unicodeScalars.append(s); continue }
            if !run.isEmpty { writer.write(run); run = "" }
            writer.writeUserCharacters((0..<DisplayWidth.of(s)).map { code + UInt8($0) })
        }
        if !run.isEmpty { writer.write(run) }
        // The set stays selected into the next line (a Chinese line after a Chinese line
        // switches nothing); the writer deselects it before anything using codes 0x21…0x7E.
        writer.newline()
        return true
    }
}
