import TillCore
import TillEscPos
import TillGraphics

extension PrintEngine {
    mutating func apply(_ command: EscPosCommand, at offset: Int) {
        switch command {
        case let .text(bytes): appendText(bytes)
        case .lineFeed:
            if columnImageHeight > 0 && line.isEmpty {
                // The LF after an ESC * stripe prints the line the stripe is in: the paper moves
                // by the line spacing or the stripe's height, whichever is more, so stripes sent
                // with ESC 3 16/24 (python-escpos, escpos-php) touch, with no gap between them.
                feed(max(0, (lineSpacing ?? defaultLineSpacing) - columnImageHeight))
                columnImageHeight = 0
            } else {
                printLine(advance: currentLineAdvance())
            }
        case .carriageReturn: break  // ignored with auto line feed off (the Epson default)
        case .horizontalTab: tab()
        case .initialize: initialize()
        case let .printMode(n):
            style.font = Int(n & 1)
            style.bold = n & 0x08 != 0
            style.heightScale = n & 0x10 != 0 ? 2 : 1
            style.widthScale = n & 0x20 != 0 ? 2 : 1
            style.underline = n & 0x80 != 0 ? 1 : 0
        case let .emphasized(on), let .doubleStrike(on): style.bold = on
        case let .underline(n): style.underline = n
        case let .justification(n):
            if line.isEmpty { alignment = Alignment(justification: n) ?? .left }
            else {
                // Epson: justification applies only at the beginning of a line.
                alignment = Alignment(justification: n) ?? .left
                diagnose("ESC a in the middle of a line takes effect from the next line on a real printer", at: offset)
            }
        case let .font(n): style.font = n
        case let .codeTable(n):
            codeTable = n
            if let name = CodePages.encoding(for: n, profile: profile) {
                if CodePages.table(name) == nil {
                    diagnose("ESC t \(n) (\(name)): no decoding table for it here; text shows as CP437", at: offset)
                }
            } else {
                diagnose("ESC t \(n): code page not in this printer's table; text prints as CP437", at: offset)
            }
        case let .internationalSet(n): internationalSet = n
        case let .feedLines(n):
            for _ in 0..<max(n, 0) { printLine(advance: currentLineAdvance()) }
        case let .feedDots(n):
            if line.isEmpty { feed(n) } else { printLine(advance: n) }
        case let .lineSpacing(n): lineSpacing = n
        case let .characterSpacing(n): characterSpacing = n
        case let .upsideDown(on): style.upsideDown = on
        case .rotate90: diagnose("ESC V (90° rotation) is not emulated: text prints unrotated", at: offset)
        case let .drawerKick(pin, onMs, offMs): kickDrawer(pin: pin, onMs: onMs, offMs: offMs)
        case let .absolutePosition(dots): padTo(dots: dots)
        case let .relativePosition(dots): if dots > 0 { padTo(dots: lineWidth + dots) }
        case let .tabStops(stops): tabStops = stops
        case let .bitImage(bitmap):
            // ESC * images print within the current line; we give them their own band, and
            // the LF that ends the line feeds only what the line spacing adds beyond them.
            flushLineIfNeeded()
            placeImage(bitmap, label: "bit image \(bitmap.width)x\(bitmap.height)")
            columnImageHeight = max(columnImageHeight, bitmap.height)
        case let .characterSize(w, h):
            style.widthScale = w
            style.heightScale = h
        case let .reverse(on): style.invert = on
        case let .cut(partial, feedDots): cut(partial: partial, feedDots: feedDots, at: offset)
        case let .barcode(symbology, data, functionB): printBarcode(symbology, data: data, functionB: functionB, at: offset)
        case let .barcodeHeight(n): barcodeHeight = max(1, n)
        case let .barcodeModuleWidth(n): barcodeModuleWidth = min(max(n, 1), 6)
        case let .hriPosition(n): hriPosition = n & 3
        case let .hriFont(n): hriFont = n
        case let .leftMargin(n): leftMargin = min(n, profile.media.dots - 1)
        case let .printAreaWidth(n): areaWidth = max(1, min(n, profile.media.dots))
        case let .qrModel(n):
            if n != 50 && n != 2 { diagnose("QR model \(n) not emulated: model 2 is printed", at: offset) }
        case let .qrModuleSize(n): qrModuleSize = min(max(n, 1), 16)
        case let .qrErrorLevel(n):
            switch n {
            case 48: qrLevel = .low
            case 49: qrLevel = .medium
            case 50: qrLevel = .quartile
            case 51: qrLevel = .high
            default: diagnose("QR error level \(n) invalid (48…51)", at: offset)
            }
        case let .qrStore(data): qrData = data
        case .qrPrint: printQR(at: offset)
        case let .pdf417Store(data): pdf417Data = data
        case .pdf417Print: printPDF417(at: offset)
        case let .pdf417Setting(fn, parameters):
            if let problem = pdf417.set(fn, parameters) { diagnose(problem, at: offset) }
        case let .raster(bitmap, sx, sy):
            flushLineIfNeeded()
            let image = scale(bitmap, sx, sy)
            // A line of text the till drew as raster reads back as its text.
            placeImage(image, label: RasterTextReader.read(image, fonts: fontMetrics, paperWidth: profile.media.dots).map { TextRenderer.readTextLabel + $0 } ?? "raster \(image.width)x\(image.height)")
        case let .graphicsStore(bitmap, sx, sy):
            guard profile.raster.graphicsCommands else {
                diagnose("GS ( L / GS 8 L graphics: not supported by \(profile.id); use GS v 0", at: offset)
                return
            }
            storedGraphics = (bitmap, sx, sy)
        case .graphicsPrint:
            guard let (bitmap, sx, sy) = storedGraphics else {
                diagnose("graphics print (fn 50) with no stored graphics", at: offset)
                return
            }
            storedGraphics = nil
            flushLineIfNeeded()
            placeImage(scale(bitmap, sx, sy), label: "graphics \(bitmap.width * sx)x\(bitmap.height * sy)")
        case let .nvDefine(key, bitmap):
            guard profile.nvGraphics.supported else {
                diagnose("NV graphics define: \(profile.id) has no NV graphics memory; nothing stored", at: offset)
                return
            }
            nvGraphics[key] = bitmap
        case let .nvPrint(key, sx, sy):
            guard let bitmap = nvGraphics[key] else {
                diagnose("NV graphics print: no image stored under key \(keyText(key))", at: offset)
                current.items.append(.note("NV image \(keyText(key)) not defined: nothing printed"))
                return
            }
            flushLineIfNeeded()
            placeImage(scale(bitmap, sx, sy), label: "nv image \(keyText(key)) \(bitmap.width * sx)x\(bitmap.height * sy)")
        case .nvDeleteAll: nvGraphics.removeAll()
        case let .nvDelete(key): nvGraphics[key] = nil
        case let .legacyNVDefine(images): legacyNV = images
        case let .legacyNVPrint(index, mode):
            guard index >= 1, index <= legacyNV.count else {
                diagnose("FS p \(index): no NV bit image with that number (\(legacyNV.count) defined)", at: offset)
                return
            }
            flushLineIfNeeded()
            let bitmap = legacyNV[index - 1]
            let sx = mode & 1 == 1 ? 2 : 1, sy = mode & 2 == 2 ? 2 : 1
            placeImage(scale(bitmap, sx, sy), label: "nv bit image \(index) \(bitmap.width * sx)x\(bitmap.height * sy)")
        case let .kanjiMode(on):
            kanjiMode = on
            pendingMultibyte.removeAll()
        case let .defineUserCharacters(first, cells):
            var defined = userCharacters[style.font] ?? [:]
            for (k, cell) in cells.enumerated() { defined[first &+ UInt8(k)] = cell }
            userCharacters[style.font] = defined
        case let .userCharacterSet(on): userCharactersSelected = on
        case let .cancelUserCharacter(code): userCharacters[style.font]?[code] = nil
        case .realtimeStatus, .realtimeRequest: break  // answered on arrival (scanRealtime)
        case let .transmitStatus(n): answerTransmitStatus(n, at: offset)
        case let .automaticStatusBack(mask): enableASB(mask)
        case let .transmitPrinterID(n): answerPrinterID(n)
        case let .processIdRequest(id):
            // Only models whose profile says so answer; the others ignore it, as real ones do.
            if profile.completionMethod == .processId { reply([0x37, 0x22] + id + [0]) }
            else { diagnose("GS ( H 48: this printer model sends no process ID response", at: offset) }
        case .ignored: break
        case let .skipped(bytes, reason):
            let shown = bytes.prefix(8).map { PrintEngine.hex2($0) }.joined(separator: " ") + (bytes.count > 8 ? " …" : "")
            diagnose("\(reason) [\(shown)], \(bytes.count) bytes skipped", at: offset)
        }
    }

    static func hex2(_ v: UInt8) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count < 2 ? "0" + s : s
    }

    func keyText(_ key: [UInt8]) -> String {
        key.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? "\"\(String(decoding: key, as: UTF8.self))\"" : key.map { PrintEngine.hex2($0) }.joined()
    }

    mutating func initialize() {
        columnImageHeight = 0
        line.removeAll()
        lineWidth = 0
        style = TextStyle()
        alignment = .left
        lineSpacing = nil
        characterSpacing = 0
        leftMargin = 0
        areaWidth = profile.media.dots
        codeTable = 0
        internationalSet = 0
        kanjiMode = profile.multibyte.first?.activeAtPowerOn ?? false
        pendingMultibyte.removeAll()
        userCharacters.removeAll()
        userCharactersSelected = false
        tabStops = Array(stride(from: 8, through: 248, by: 8))
        barcodeHeight = 162
        barcodeModuleWidth = 3
        hriPosition = 0
        hriFont = 0
        qrModuleSize = 3
        qrLevel = .low
        qrData = nil
        pdf417Data = nil
        pdf417 = PDF417Settings()
        storedGraphics = nil
    }

    func scale(_ bitmap: Bitmap, _ sx: Int, _ sy: Int) -> Bitmap {
        guard sx > 1 || sy > 1 else { return bitmap }
        var out = Bitmap(width: bitmap.width * sx, height: bitmap.height * sy)
        for y in 0..<out.height {
            for x in 0..<out.width where bitmap[x / sx, y / sy] { out[x, y] = true }
        }
        return out
    }

    // MARK: - paper movement

    func currentLineAdvance() -> Int {
        let spacing = lineSpacing ?? defaultLineSpacing
        let tallest = line.map { metrics($0.style.font).height * $0.style.heightScale }.max()
            ?? metrics(style.font).height * style.heightScale
        return max(spacing, tallest)
    }

    /// Prints the line buffer (an empty buffer feeds one blank line).
    mutating func printLine(advance: Int) {
        columnImageHeight = 0
        current.items.append(.line(TextLine(chars: UserGlyphReader.read(line) { metrics($0).width }, alignment: alignment, leftMargin: leftMargin,
                                            areaWidth: areaWidth, fonts: fontMetrics,
                                            characterSpacing: characterSpacing, advance: advance)))
        line.removeAll()
        lineWidth = 0
        paperFed(advance)
    }

    mutating func flushLineIfNeeded() {
        if !line.isEmpty { printLine(advance: currentLineAdvance()) }
    }

    mutating func feed(_ dots: Int) {
        guard dots > 0 else { return }
        current.items.append(.feed(dots: dots))
        paperFed(dots)
    }

    mutating func placeImage(_ bitmap: Bitmap, label: String) {
        let room = max(0, min(areaWidth, profile.media.dots) - leftMargin)
        let (image, clipped) = cropped(bitmap, width: room)
        if clipped {
            // A peer sending an image wider than the paper would lose its right edge on a real
            // printer: say so on the page and in the diagnostics, never silently.
            current.items.append(.note("\(label) is wider than the \(room)-dot print area: clipped to \(image.width)x\(image.height)"))
            diagnose("\(label): wider than the print area (\(room) dots) or longer than a page; clipped", at: streamOffset)
        }
        current.items.append(.image(image, alignment: alignment, leftMargin: leftMargin, areaWidth: areaWidth, label: label))
        paperFed(image.height)
    }

    mutating func endPage(cut: CutKind?) {
        // Nothing printed (a connection that only asked for status, while a fault left a
        // note): no page; the notes go with the next one. Data that was sent and lost keeps its page.
        guard cut != nil || pageLostData || current.items.contains(where: { if case .note = $0 { return false } else { return true } })
        else { return }
        current.cut = cut
        finishedPages.append(current)
        current = Page()
        pageDots = 0
        blankDotsDropped = 0
        pageHasInk = false
        pageLostData = false
    }

    mutating func cut(partial: Bool, feedDots: Int, at offset: Int) {
        guard line.isEmpty else {
            // Epson executes GS V only at the beginning of a line: a job that forgets the LF
            // before the cut is not cut. Say so loudly; it is a classic driver bug.
            diagnose("cut ignored: GS V received in the middle of a line (send LF first)", at: offset)
            current.items.append(.note("cut ignored: not at the beginning of a line"))
            return
        }
        feed(feedDots)
        guard condition.online else { return }
        guard profile.hasCutter else {
            diagnose("cut ignored: this printer model has no cutter", at: offset)
            current.items.append(.note("no cutter: tear the paper here"))
            return
        }
        if cutterJamPending {
            cutterJamPending = false
            current.items.append(.note("cutter jammed"))
            changeCondition { $0.cutterError = true }
            return
        }
        var kind: CutKind = partial ? .partial : .full
        if !profile.cutter.kinds.contains(.partial) && kind == .partial { kind = .full }
        if !profile.cutter.kinds.contains(.full) && kind == .full { kind = .partial }
        endPage(cut: kind)
    }
}
