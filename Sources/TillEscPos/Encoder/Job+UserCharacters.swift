import TillCore
import TillGraphics

/// Lines with characters the printer's fonts lack, printed as text with those glyphs
/// downloaded as user-defined characters (ESC &). Each distinct cell costs its inked dots once
/// a job while codes last, at unifont's own 16×16 (about 32 bytes a Chinese character: up to
/// 12 columns under one code, the rest under another, 16 dots tall), instead of a raster image
/// of every line it appears on; the line keeps the printer's line spacing, so lines never
/// touch. The glyph is smaller than the 24-dot Latin font: the price of staying within 3× the
/// bytes of a printer with its own Chinese font.
extension Job {
    /// Whether downloaded characters can print a line of this style on this profile.
    func canDownload(_ style: TextStyle) -> Bool {
        let cell = profile.fontA
        // Font A only; a cell must hold half a 16×16 glyph.
        return profile.userDefinedCharacters == true && style.font == 0
            && cell.heightDots >= Glyph.height && (8...255).contains(cell.widthDots)
    }

    /// The cells of each character of `text` the printer's fonts lack, in order (loading and
    /// cutting each glyph once a job); nil when the font has neither a glyph nor U+FFFD for
    /// one of them.
    func missingCells(_ text: String) throws -> [(scalar: Unicode.Scalar, cells: [Bitmap])]? {
        var out: [(scalar: Unicode.Scalar, cells: [Bitmap])] = []
        for s in text.unicodeScalars where encoder.text.route(s) == .none {
            if let cells = userGlyphs.cells(s) { out.append((s, cells)); continue }
            let count = DisplayWidth.of(s)
            // The font is loaded only for a job that needs a glyph from it.
            let font = try bitmapFont()
            guard count > 0, let glyph = font.glyph(for: s) ?? font.glyph(for: "\u{FFFD}") else { return nil }
            let cells = UserCharacterPlan.cells(glyph, count: count, cellWidth: profile.fontA.widthDots,
                                               condensed: UserCharacterPlan.condenses(cellWidth: profile.fontA.widthDots, columns: profile.fontA.columns))
            userGlyphs.add(s, cells: cells)
            out.append((s, cells))
        }
        return out
    }

    /// Plans the document's downloads: which blocks use each cell, then one ESC & at the start
    /// of the job for the cells used first, as many as there are codes. Lines then download
    /// only cells no code holds, in place of those needed latest.
    func downloadDocumentGlyphs(_ doc: SlipDocument) throws {
        guard canDownload(encoder.textStyle(.plain)) else { return }
        var order: [Bitmap] = []
        var seen = Set<Bitmap>()
        var printed = [Int](repeating: 0, count: 128)
        for (index, block) in doc.blocks.enumerated() {
            var texts: [String] = []
            var downloads = true
            switch block {
            case .text(let t, let style) where !style.small: texts.append(ProfileText.sanitize(t))
            case .pair(let l, let r, let style) where !style.small: texts += [ProfileText.sanitize(l), ProfileText.sanitize(r)]
            case .banner(let t), .signature(let t): texts.append(ProfileText.sanitize(t))
            case .rule(let c): texts.append(ProfileText.sanitize(c))
            case .text(let t, _), .barcode(_, let t), .qr(let t): texts.append(t); downloads = false
            case .pair(let l, let r, _): texts += [l, r]; downloads = false
            default: continue
            }
            for text in texts { for b in text.utf8 where b < 0x80 { printed[Int(b)] += 1 } }
            guard downloads else { continue }
            for text in texts {
                guard let found = try missingCells(text) else { continue }
                let cells = found.flatMap(\.cells)
                userGlyphs.use(cells, inBlock: index)
                for c in cells where seen.insert(c).inserted { order.append(c) }
            }
        }
        guard !order.isEmpty else { return }
        userGlyphs.slots.preference = EscPos.userCharacterCodes.sorted { printed[Int($0)] != printed[Int($1)] ? printed[Int($0)] < printed[Int($1)] : $0 < $1 }
        let plan = userGlyphs
        if let placed = userGlyphs.slots.assign(Array(order.prefix(UserCharacterSlots.capacity)), nextUse: plan.nextUse) {
            define(placed)
        }
    }

    /// Sends cells by code: one ESC & per run of consecutive codes.
    func define(_ placed: [(code: UInt8, cell: Bitmap)]) {
        var i = 0
        while i < placed.count {
            var j = i + 1
            while j < placed.count && Int(placed[j].code) == Int(placed[j - 1].code) + 1 { j += 1 }
            writer.defineUserCharacters(first: placed[i].code, cells: placed[i..<j].map(\.cell))
            i = j
        }
    }

    /// False when the profile or the line's style cannot use downloaded characters (then the
    /// line goes as raster).
    func userCharacterLine(_ line: String, _ style: TextStyle) throws -> Bool {
        guard canDownload(style), let found = try missingCells(line) else { return false }
        let plan = userGlyphs
        guard let placed = userGlyphs.slots.assign(found.flatMap(\.cells), nextUse: plan.nextUse) else { return false }
        writer.justify(.left)
        writer.setStyle(style)
        define(placed)
        var cellsOf: [Unicode.Scalar: [Bitmap]] = [:]
        for f in found { cellsOf[f.scalar] = f.cells }
        var run = ""
        for s in line.unicodeScalars {
            guard let cells = cellsOf[s] else { run.unicodeScalars.append(s); continue }
            if !run.isEmpty { writer.write(run); run = "" }
            writer.writeUserCharacters(cells.compactMap { userGlyphs.slots.code($0) })
            // A condensed wide glyph: one cell, and a space for its second column.
            if cells.count < DisplayWidth.of(s) { writer.spaces(DisplayWidth.of(s) - cells.count) }
        }
        if !run.isEmpty { writer.write(run) }
        // The set stays selected into the next line (a Chinese line after a Chinese line
        // switches nothing); the writer deselects it before anything using codes 0x21…0x7E.
        writer.newline()
        return true
    }
}
