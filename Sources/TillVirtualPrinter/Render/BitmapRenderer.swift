import TillCore
import TillEscPos
import TillGraphics

/// Draws a page as the printer's dots: `width` dots across (the profile's printable width),
/// as tall as the paper that moved. Text uses GNU Unifont glyphs (8×16 or 16×16) scaled to
/// the profile's font cell (12×24 for font A on most models), so the PNG looks like the slip.
public struct BitmapRenderer {
    public let width: Int
    /// nil when unifont is not installed: characters then print as hollow boxes.
    public let font: BitmapFont?

    public init(width: Int, font: BitmapFont?) {
        self.width = width
        self.font = font
    }

    /// Bands of the page, top to bottom, stacked into one bitmap.
    public func render(_ page: Page) -> Bitmap {
        var bands: [Bitmap] = []
        for item in page.items {
            switch item {
            case let .line(line): bands.append(render(line))
            case let .feed(dots): bands.append(Bitmap(width: width, height: dots))
            case let .image(bitmap, alignment, margin, area, _):
                var band = Bitmap(width: width, height: bitmap.height)
                blit(bitmap, into: &band, x: x(for: bitmap.width, alignment, margin, area), y: 0)
                bands.append(band)
            case let .barcode(b, alignment, margin, area, fonts):
                if let band = render(b, alignment, margin, area, fonts) { bands.append(band) }
            case let .qr(q, alignment, margin, area):
                guard let code = q.code else { continue }
                let side = code.size * q.moduleSize
                var band = Bitmap(width: width, height: side)
                let left = x(for: side, alignment, margin, area)
                for y in 0..<side {
                    for xx in 0..<side where code[xx / q.moduleSize, y / q.moduleSize] { band[left + xx, y] = true }
                }
                bands.append(band)
            case .drawerKick, .note:
                continue
            }
        }
        let height = bands.reduce(0) { $0 + $1.height }
        var bits: [UInt8] = []
        bits.reserveCapacity(((width + 7) / 8) * height)
        for band in bands { bits.append(contentsOf: band.bits) }
        return Bitmap(width: width, height: height, bits: bits)
    }

    func x(for w: Int, _ alignment: Alignment, _ margin: Int, _ area: Int) -> Int {
        let areaWidth = min(area, width) - margin
        switch alignment {
        case .left: return margin
        case .center: return margin + max(0, (areaWidth - w) / 2)
        case .right: return margin + max(0, areaWidth - w)
        }
    }

    func blit(_ src: Bitmap, into dst: inout Bitmap, x: Int, y: Int) {
        for sy in 0..<src.height {
            for sx in 0..<src.width where src[sx, sy] { dst[x + sx, y + sy] = true }
        }
    }

    // MARK: text

    func render(_ line: TextLine) -> Bitmap {
        let fonts = line.fonts.isEmpty ? [FontMetrics(width: 12, height: 24)] : line.fonts
        func metrics(_ f: Int) -> FontMetrics { fonts[min(max(f, 0), fonts.count - 1)] }
        let tallest = line.chars.map { metrics($0.style.font).height * $0.style.heightScale }.max() ?? 0
        var band = Bitmap(width: width, height: max(line.advance, tallest))
        let lineWidth = line.chars.reduce(0) { sum, c in
            sum + (metrics(c.style.font).width * c.cells + line.characterSpacing) * c.style.widthScale
        }
        var x = self.x(for: lineWidth, line.alignment, line.leftMargin, line.areaWidth)
        for c in line.chars {
            let m = metrics(c.style.font)
            let cellW = m.width * c.cells
            let w = (cellW + line.characterSpacing) * c.style.widthScale
            let h = m.height * c.style.heightScale
            let top = tallest - h  // characters of a line share the baseline
            drawChar(c, cellW: cellW, cellH: m.height, into: &band, x: x, y: top, advance: w)
            x += w
        }
        return band
    }

    func drawChar(_ c: PrintedChar, cellW: Int, cellH: Int, into band: inout Bitmap, x: Int, y: Int, advance: Int) {
        let sx = c.style.widthScale, sy = c.style.heightScale
        let h = cellH * sy
        // Dots of the unscaled cell, from the unifont glyph scaled by nearest neighbour.
        var cell = [Bool](repeating: false, count: cellW * cellH)
        if let downloaded = c.userGlyph {
            // A downloaded character prints its own dots one for one from the cell's top left,
            // whatever it reads as; what it does not define stays blank.
            for cy in 0..<min(cellH, downloaded.height) {
                for cx in 0..<min(cellW, downloaded.width) where downloaded[cx, cy] { cell[cy * cellW + cx] = true }
            }
        } else if c.scalar != " " {
            if let glyph = font?.glyph(for: c.scalar) {
                for cy in 0..<cellH {
                    let gy = cy * 16 / cellH
                    for cx in 0..<cellW where glyph[cx * glyph.width / cellW, gy] { cell[cy * cellW + cx] = true }
                }
            } else {
                // No font or no glyph: a hollow box, as printers show unknown characters.
                for cy in 2..<(cellH - 2) {
                    for cx in 1..<(cellW - 1) where cy == 2 || cy == cellH - 3 || cx == 1 || cx == cellW - 2 {
                        cell[cy * cellW + cx] = true
                    }
                }
            }
        }
        if c.style.bold {
            // Emphasis: every dot doubled one dot to the right, as the print head does.
            for cy in 0..<cellH {
                for cx in stride(from: cellW - 1, to: 0, by: -1) where cell[cy * cellW + cx - 1] { cell[cy * cellW + cx] = true }
            }
        }
        let totalW = advance
        for py in 0..<h {
            for px in 0..<totalW {
                let cx = px / sx, cy = py / sy
                var dot = cx < cellW ? cell[cy * cellW + cx] : false
                if c.style.underline > 0 && py >= h - c.style.underline * sy { dot = true }
                if c.style.invert { dot.toggle() }
                if dot {
                    let (ox, oy) = c.style.upsideDown ? (totalW - 1 - px, h - 1 - py) : (px, py)
                    band[x + ox, y + oy] = true
                }
            }
        }
    }

    // MARK: barcodes

    func render(_ b: BarcodeItem, _ alignment: Alignment, _ margin: Int, _ area: Int, _ fonts: [FontMetrics]) -> Bitmap? {
        guard let code = b.barcode else { return nil }
        let barsWidth = code.modules.count * b.moduleWidth
        let hriFont = fonts.isEmpty ? FontMetrics(width: 12, height: 24) : fonts[min(max(b.hriFont, 0), fonts.count - 1)]
        let above = b.hriPosition == 1 || b.hriPosition == 3
        let below = b.hriPosition >= 2
        let textH = hriFont.height
        let height = b.height + (above ? textH : 0) + (below ? textH : 0)
        var band = Bitmap(width: width, height: height)
        let left = x(for: barsWidth, alignment, margin, area)
        let top = above ? textH : 0
        for (i, bar) in code.modules.enumerated() where bar {
            for dx in 0..<b.moduleWidth {
                for y in 0..<b.height { band[left + i * b.moduleWidth + dx, top + y] = true }
            }
        }
        if above || below {
            let chars = code.text.unicodeScalars.map { PrintedChar(scalar: $0, style: TextStyle(), cells: 1) }
            let textWidth = chars.count * hriFont.width
            let tx = left + max(0, (barsWidth - textWidth) / 2)
            for (k, c) in chars.enumerated() {
                if above { drawChar(c, cellW: hriFont.width, cellH: hriFont.height, into: &band, x: tx + k * hriFont.width, y: 0, advance: hriFont.width) }
                if below { drawChar(c, cellW: hriFont.width, cellH: hriFont.height, into: &band, x: tx + k * hriFont.width, y: top + b.height, advance: hriFont.width) }
            }
        }
        return band
    }
}
