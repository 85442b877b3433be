import TillCore
import TillGraphics

/// Lays a printer-neutral slip out for one printer profile and encodes it as ESC/POS:
/// columns from the profile's fonts, wide (CJK) characters counted as two columns, right-aligned
/// amounts, and each line printed from the printer's fonts or, when it lacks a glyph, as a
/// raster image drawn from unifont. Build one per printer and reuse it: the code-page tables
/// are made once. A class, so jobs share it by reference instead of copying the profile.
public final class SlipEncoder: Sendable {
    public let profile: PrinterProfile
    public let text: ProfileText
    let fontAColumns: Int
    let smallColumns: Int
    let smallFontIndex: UInt8

    public convenience init(profile: PrinterProfile) {
        self.init(profile: profile, text: ProfileText(profile: profile))
    }

    public init(profile: PrinterProfile, text: ProfileText) {
        self.profile = profile
        self.text = text
        fontAColumns = profile.fontA.columns
        smallColumns = profile.smallFont.columns
        smallFontIndex = UInt8(profile.smallFontIndex)
    }

    public func encode(_ doc: SlipDocument, options: EncodeOptions = EncodeOptions()) throws -> EncodedJob {
        let job = Job(encoder: self, options: options)
        try job.downloadDocumentGlyphs(doc)
        for (index, block) in doc.blocks.enumerated() {
            job.userGlyphs.block = index
            try job.add(block)
        }
        if let cut = options.cut { job.writer.cut(cut) } else if !job.writer.atLineStart { job.writer.newline() }
        if options.openDrawer { job.writer.kickDrawer() }
        return EncodedJob(bytes: job.writer.bytes, nvState: job.nvState, rasterText: job.rasterText, warnings: job.warnings)
    }

    /// The style a slip style prints with on this profile.
    func textStyle(_ s: SlipStyle) -> TextStyle {
        TextStyle(bold: s.bold, underline: s.underline ? 1 : 0, widthScale: s.doubleWidth ? 2 : 1,
                  heightScale: s.doubleHeight ? 2 : 1, invert: s.invert, font: s.small ? Int(smallFontIndex) : 0)
    }

    func columns(_ s: SlipStyle) -> Int { s.small ? smallColumns : fontAColumns }
}

/// One job in progress (a class: the layout's closures then share it, not copy it).
final class Job {
    let encoder: SlipEncoder
    let options: EncodeOptions
    var writer: EscPosWriter
    var nvState: NVGraphicsState?
    var rasterText: [(text: String, bitmap: Bitmap)] = []
    var warnings: [String] = []
    var userGlyphs = UserCharacterPlan()
    private var font: BitmapFont?

    var profile: PrinterProfile { encoder.profile }

    init(encoder: SlipEncoder, options: EncodeOptions) {
        self.encoder = encoder
        self.options = options
        self.writer = EscPosWriter(profile: encoder.profile, text: encoder.text)
        self.nvState = options.nvState
    }

    func add(_ block: SlipBlock) throws {
        switch block {
        case .text(let t, let style):
            let t = ProfileText.sanitize(t)
            try lines(SlipLayout.textLines(t, style: style, columns: encoder.columns(style)), style)
        case .pair(let left, let right, let style):
            let lines = SlipLayout.pairLines(ProfileText.sanitize(left), ProfileText.sanitize(right),
                                             style: style, columns: encoder.columns(style))
            try self.lines(lines, style)
        case .rule(let ch):
            let c = ProfileText.sanitize(ch).first.map(String.init) ?? "-"
            let cols = profile.fontA.columns / max(1, DisplayWidth.of(c))
            try lines([String(repeating: c, count: cols)], .plain)
        case .feed(let n):
            writer.feed(n)
        case .barcode(let symbology, let data):
            try barcode(symbology, data)
        case .qr(let data):
            try qr(data)
        case .logo:
            logo()
        case .banner(let t):
            // Double size and reversed, padded to the full width so the black band spans the paper.
            let style = SlipStyle(bold: true, doubleWidth: true, doubleHeight: true, invert: true, align: .center)
            let usable = max(1, profile.fontA.columns / 2)
            let lines = SlipLayout.textLines(ProfileText.sanitize(t), style: style, columns: profile.fontA.columns)
                .map { DisplayWidth.pad($0, to: usable) }
            try self.lines(lines, style)
        case .signature(let caption):
            writer.feed(2)
            try lines([String(repeating: "_", count: max(10, profile.fontA.columns * 2 / 3)), ProfileText.sanitize(caption)], .plain)
        }
    }

    /// Prints laid-out lines: from the printer's fonts when it has every glyph, else as raster.
    func lines(_ lines: [String], _ slipStyle: SlipStyle) throws {
        let style = encoder.textStyle(slipStyle)
        // Trailing spaces cost bytes and print nothing, unless they are reversed or underlined.
        let keepTrailing = style.invert || style.underline > 0
        for var line in lines {
            if !keepTrailing { while line.hasSuffix(" ") { line.removeLast() } }
            if encoder.text.printsNatively(line) {
                writer.justify(.left)
                writer.setStyle(style)
                writer.write(line)
                writer.newline()
            } else if try !userCharacterLine(line, style) {
                try rasterLine(line, style)
            }
        }
    }

    func bitmapFont() throws -> BitmapFont {
        if let font { return font }
        let loaded = try BitmapFont.cached(path: options.fontPath)
        font = loaded
        return loaded
    }

    func rasterLine(_ line: String, _ style: TextStyle) throws {
        let cell = style.font == 0 ? profile.fontA : profile.smallFont
        let bitmap = LineRasterizer.render(line, font: try bitmapFont(), cellWidth: cell.widthDots, cellHeight: cell.heightDots,
                                           style: style, maxWidth: profile.media.dots)
        writer.justify(.left)
        writer.raster(bitmap)
        rasterText.append((line, bitmap))
        // A raster line is exactly as tall as its glyphs, which fill the cell: without a gap
        // the next line's top dots touch this one's bottom (the dot of 主 joins the line above).
        let lineSpacing = Int((Double(profile.media.dpi) / 6).rounded())
        writer.feedDots(max(lineSpacing - bitmap.height, bitmap.height / 8))
    }

    var defaultBarcodeHeight: Int { options.barcodeHeight ?? max(40, profile.media.dpi * 2 / 5) }

    func barcode(_ symbology: Symbology, _ data: String) throws {
        let payload = try BarcodePayload(symbology, data)
        // Widest module (≤ 3 dots, the Epson default) that fits with 10-module quiet zones.
        // The widest fitting width ≤ 3, else the narrowest fitting one (no sorted copies).
        var widest: Int? = nil, narrowest: Int? = nil
        for w in profile.barcodes.moduleWidths where w * (payload.modules + 20) <= profile.media.dots {
            if w <= 3 && w > (widest ?? Int.min) { widest = w }
            if w < (narrowest ?? Int.max) { narrowest = w }
        }
        guard let width = widest ?? narrowest else {
            warnings.append(BarcodeDataError.tooWide(symbology, modules: payload.modules, dots: profile.media.dots).description)
            try lines([data], .centered)
            return
        }
        writer.justify(.center)
        if profile.supportsNative(symbology.rawValue) {
            writer.barcode(payload, moduleWidth: width, height: defaultBarcodeHeight)
        } else {
            let symbol = try Barcode1D.encode(symbology, data: payload.data)
            writer.raster(SymbolBitmaps.barcode(symbol, moduleDots: width, height: defaultBarcodeHeight))
        }
    }

    func qr(_ data: String) throws {
        let bytes = Array(data.utf8)
        let modules = QRSizing.modulesPerSide(bytes: bytes.count, level: options.qrLevel)
        // About two thirds of the paper width at most, 8 dots a module at most.
        let moduleDots = max(1, min(8, (profile.media.dots * 2 / 3) / (modules + 8)))
        writer.justify(.center)
        if profile.qr.native {
            writer.qr(bytes, moduleSize: moduleDots, level: options.qrLevel)
        } else {
            let code = try QRCode.encode(bytes, level: QRSizing.graphicsLevel(options.qrLevel))
            writer.raster(SymbolBitmaps.qr(code, moduleDots: max(1, min(8, profile.media.dots / (code.size + 8)))))
        }
    }

    func logo() {
        guard let logo = options.logo else { return }
        writer.justify(.center)
        let keyBytes = Array(options.logoKey.utf8)
        if profile.nvGraphics.supported, var state = nvState, keyBytes.count == 2,
           keyBytes.allSatisfy({ (32...126).contains($0) }) {
            let key = (keyBytes[0], keyBytes[1])
            if !state.holds(logo, key: options.logoKey) {
                writer.nvDefine(key: key, bitmap: logo)
                state.entries[options.logoKey] = .init(digest: NVGraphicsState.digest(logo), width: logo.width, height: logo.height)
                nvState = state
            }
            writer.nvPrint(key: key)
        } else {
            writer.raster(logo)
        }
    }
}
