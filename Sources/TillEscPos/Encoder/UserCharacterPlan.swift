import TillGraphics

/// The downloaded characters of one job: the cells each glyph is sent as, where in the
/// document each cell is used (so a code is given up by the cell needed latest), and the codes
/// (`UserCharacterSlots`).
struct UserCharacterPlan {
    var slots = UserCharacterSlots()
    /// Each downloaded character's cells, left to right.
    private(set) var cellsOf: [Unicode.Scalar: [Bitmap]] = [:]
    /// The blocks of the document each cell is used in, ascending.
    private var uses: [Bitmap: [Int]] = [:]
    /// The block being encoded.
    var block = 0

    func cells(_ s: Unicode.Scalar) -> [Bitmap]? { cellsOf[s] }

    mutating func add(_ s: Unicode.Scalar, cells: [Bitmap]) { cellsOf[s] = cells }

    /// Records that block `index` prints `cells`.
    mutating func use(_ cells: [Bitmap], inBlock index: Int) {
        for c in cells where uses[c]?.last != index { uses[c, default: []].append(index) }
    }

    /// The first block from the current one on that uses `cell`; Int.max when none does.
    func nextUse(_ cell: Bitmap) -> Int {
        guard let list = uses[cell] else { return Int.max }
        // Binary search: the first index ≥ block.
        var lo = 0, hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid] < block { lo = mid + 1 } else { hi = mid }
        }
        return lo < list.count ? list[lo] : Int.max
    }

    /// A glyph as the cells of a `cellWidth`-dot font: only its inked columns are sent. A
    /// wide glyph's blank columns on the left are dropped (it prints that many dots further
    /// left in its two cells, which the reader allows for), each cell's blank columns on the
    /// right too (the printer leaves the rest of the cell blank).
    static func cells(_ glyph: Glyph, count: Int, cellWidth: Int, condensed: Bool = false) -> [Bitmap] {
        if count == 2 && condensed && cellWidth < glyph.width {
            // One cell, the glyph condensed into it; a space after it keeps the column.
            var cell = GlyphCell.condensed(glyph, width: cellWidth)
            var columns = cell.width
            while columns > 0 && !(0..<cell.height).contains(where: { cell[columns - 1, $0] }) { columns -= 1 }
            cell = cell.crop(x: 0, width: columns)
            return [cell]
        }
        let drawn = GlyphCell.render(glyph, width: glyph.width, height: Glyph.height)
        func inked(_ x: Int) -> Bool { (0..<drawn.height).contains { drawn[x, $0] } }
        var shift = 0
        if count > 1 { while shift < glyph.width - 1 && !inked(shift) { shift += 1 } }
        if shift == glyph.width - 1 && !inked(shift) { shift = 0 }
        var out: [Bitmap] = []
        for k in 0..<count {
            let start = shift + k * cellWidth
            var columns = max(0, min(cellWidth, glyph.width - start))
            while columns > 0 && !inked(start + columns - 1) { columns -= 1 }
            out.append(drawn.crop(x: start, width: columns))
        }
        return out
    }

    /// Whether wide glyphs go condensed into one cell (then a space): on cells of 12 to 15
    /// dots, where a 16-dot glyph needs two codes and two width bytes. That is what keeps
    /// narrow paper (58 mm: 32 to 36 columns, the fewest native bytes to set the glyphs
    /// against) within 3× a Chinese printer's bytes; the glyph keeps every stroke and its 16
    /// rows, three quarters as wide. Paper of 42 columns and more keeps full-width glyphs.
    static func condenses(cellWidth: Int, columns: Int) -> Bool { (12...15).contains(cellWidth) && columns < 42 }
}
