import TillCore
import TillGraphics

/// Builds one print job's bytes while tracking what the printer's state will be (style, code
/// page, double-byte mode, justification, line position), so each command is sent only when
/// something changes. Every job starts with ESC @, so no state leaks in from an earlier job.
public struct EscPosWriter {
    public let profile: PrinterProfile
    let text: ProfileText
    public private(set) var bytes: [UInt8] = []

    private var style = TextStyle.reset
    private var justification = Alignment.left
    /// nil: unknown (ESC @ restores the power-on table, which memory switches may have set).
    private var currentPage: ProfileText.Page? = nil
    /// nil: unknown (Chinese models power up in FS & mode; DIP switches may differ).
    private var multibyteOn: Bool? = nil
    /// True when nothing has been printed on the current line (GS V and raster need this).
    public private(set) var atLineStart = true
    /// ESC % 1 in force: codes 0x21…0x7E print the downloaded glyphs (ESC @ cancels it).
    private var userCharactersSelected = false
    /// The codes a glyph was downloaded under (ESC &) this job.
    private var definedCodes = [Bool](repeating: false, count: 128)

    public init(profile: PrinterProfile, text: ProfileText, reserve: Int = 2048) {
        self.profile = profile
        self.text = text
        bytes.reserveCapacity(reserve)
        bytes += EscPos.initialize
        // A model without a Chinese mode may still be a unit switched into one (many clones
        // power up in it, and ESC @ returns to the power-on mode): cancel it, or "TOTAL ¥"
        // prints as GB18030 pairs.
        if profile.multibyte.isEmpty {
            bytes += EscPos.exitMultibyte
            multibyteOn = false
        }
    }

    mutating func append(_ b: [UInt8]) { bytes += b }

    // MARK: styles

    public mutating func setStyle(_ s: TextStyle) {
        if s.font != style.font { bytes += EscPos.font(UInt8(clamping: s.font)) }
        if s.bold != style.bold { bytes += EscPos.bold(s.bold) }
        if s.underline != style.underline { bytes += EscPos.underline(UInt8(clamping: s.underline)) }
        if s.widthScale != style.widthScale || s.heightScale != style.heightScale {
            bytes += EscPos.characterSize(width: s.widthScale, height: s.heightScale)
        }
        if s.invert != style.invert { bytes += EscPos.invert(s.invert) }
        if s.upsideDown != style.upsideDown { bytes += EscPos.upsideDown(s.upsideDown) }
        style = s
    }

    public mutating func justify(_ j: Alignment) {
        // ESC a only takes effect at the start of a line.
        if !atLineStart { newline() }
        if j != justification { bytes += EscPos.justify(j); justification = j }
    }

    // MARK: text

    /// Appends text the printer can print from its own fonts (check with
    /// `ProfileText.printsNatively`); switches code pages and double-byte mode as needed.
    public mutating func write(_ line: String) {
        line.withUTF8Bytes { write(utf8: $0, from: 0, to: $0.count, lookahead: nil) }
    }

    /// Writes `utf8[from..<to]`. `lookahead` is text that follows on the same line, so the code
    /// page chosen here also suits it.
    mutating func write(utf8: UnsafeBufferPointer<UInt8>, from: Int, to: Int, lookahead: UnsafeBufferPointer<UInt8>?) {
        guard from < to else { return }
        // Codes no glyph was downloaded under this job print the printer's own characters even
        // with the set selected, so only text using a code that holds one needs the set off
        // (and any non-ASCII, which a code page may map into those codes).
        if userCharactersSelected && (from..<to).contains(where: { utf8[$0] >= 0x80 || definesGlyph(utf8[$0]) }) {
            endUserCharacters()
        }
        var scan = UTF8Scan(utf8, from: from, to: to)
        while !scan.atEnd {
            let start = scan.position
            let v = scan.next()
            if v >= 0x20 && v < 0x7F {
                // A run of printable ASCII prints as itself: one block copy for the whole run.
                var end = scan.position
                while end < to, utf8[end] >= 0x20, utf8[end] < 0x7F { end += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end]))
                scan.position = end
                continue
            }
            let s = Unicode.Scalar(v)!
            let width = DisplayWidth.of(s)
            // Two-column characters with a two-byte code (all of GBK, Big5, Shift-JIS): the
            // `.multibyte` case below without routing twice or building an array; the same bytes.
            if width == 2 {
                let code = text.twoByteCode(v)
                if code != 0 {
                    if multibyteOn != true { bytes += text.enterBytes; multibyteOn = true }
                    bytes.append(UInt8(truncatingIfNeeded: code >> 8)); bytes.append(UInt8(truncatingIfNeeded: code))
                    continue
                }
            }
            switch text.routeNonASCII(s, width: width) {
            case .ascii:
                bytes.append(UInt8(v))
            case .multibyte:
                if multibyteOn != true { bytes += text.enterBytes; multibyteOn = true }
                let code = text.multibyte!.packedCode(v)
                if code >= 0x100 && code < 0x10000 {
                    bytes.append(UInt8(code >> 8)); bytes.append(UInt8(code & 0xFF))
                } else {
                    bytes += text.multibyte!.bytes(for: s, allowFourByte: true)!
                }
            case .codePage:
                if multibyteOn != false && text.multibyte != nil { bytes += text.exitBytes; multibyteOn = false }
                if let current = currentPage, let b = current.charset.byte(for: s) {
                    bytes.append(b)
                } else {
                    let page = bestPage(UTF8Scan(utf8, from: start, to: to), then: lookahead)
                    bytes += EscPos.codePage(page.number)
                    currentPage = page
                    bytes.append(page.charset.byte(for: s)!)
                }
            case .none:
                bytes.append(0x3F) // '?': callers route such lines to raster; this is the last resort
            }
        }
        atLineStart = false
    }

    /// Downloads glyph cells under consecutive codes from `first` (see `UserCharacterSlots`).
    mutating func defineUserCharacters(first: UInt8, cells: [Bitmap]) {
        guard let height = cells.first?.height else { return }
        let command = EscPos.defineUserCharacters(first: first, cells: cells, heightBytes: (height + 7) / 8)
        guard !command.isEmpty else { return }
        bytes += command
        for code in Int(first)..<(Int(first) + cells.count) { definedCodes[code] = true }
    }

    /// Whether a glyph was downloaded under `byte` this job (ESC @ deletes them all).
    func definesGlyph(_ byte: UInt8) -> Bool { byte < 0x80 && definedCodes[Int(byte)] }

    /// Prints downloaded characters by their codes: single-byte mode, user-defined set selected.
    mutating func writeUserCharacters(_ codes: [UInt8]) {
        guard !codes.isEmpty else { return }
        if multibyteOn != false && text.multibyte != nil { bytes += text.exitBytes; multibyteOn = false }
        if !userCharactersSelected { bytes += EscPos.userCharacterSet(true); userCharactersSelected = true }
        bytes += codes
        atLineStart = false
    }

    /// Back to the printer's own characters for codes 0x21…0x7E (ESC % 0), if needed.
    mutating func endUserCharacters() {
        if userCharactersSelected { bytes += EscPos.userCharacterSet(false); userCharactersSelected = false }
    }

    /// Spaces, one byte each in every mode.
    public mutating func spaces(_ n: Int) {
        guard n > 0 else { return }
        repeatByte(0x20, n)
        atLineStart = false
    }

    /// `n` copies of a printable ASCII byte as text: what `write` does for such a line.
    mutating func writeRepeated(_ byte: UInt8, _ n: Int) {
        guard n > 0 else { return }
        if definesGlyph(byte) { endUserCharacters() }
        repeatByte(byte, n)
        atLineStart = false
    }

    /// `n` copies of `byte`, appended as one block (`append(contentsOf: repeatElement…)` is a
    /// generic call that appends byte by byte).
    mutating func repeatByte(_ byte: UInt8, _ n: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { run in
            run.initialize(repeating: byte)
            bytes.append(contentsOf: run)
        }
    }

    /// The code page holding the first scalar that also holds the most of the code-page
    /// characters after it, so a line of accented text needs one ESC t, not one per letter.
    private func bestPage(_ scan: UTF8Scan, then lookahead: UnsafeBufferPointer<UInt8>?) -> ProfileText.Page {
        var peek = scan
        let first = Unicode.Scalar(peek.next())!
        var best: ProfileText.Page? = nil
        var bestRun = -1
        for page in text.pages where page.charset.byte(for: first) != nil {
            let run = codePageRun(page, scan)
            let total = run.complete ? run.count + (lookahead.map { codePageRun(page, UTF8Scan($0)).count } ?? 0) : run.count
            if total > bestRun { best = page; bestRun = total }
        }
        return best!
    }

    /// How many code-page characters from the start `page` holds before one it lacks.
    private func codePageRun(_ page: ProfileText.Page, _ scan: UTF8Scan) -> (count: Int, complete: Bool) {
        var scan = scan
        var run = 0
        while !scan.atEnd {
            let s = Unicode.Scalar(scan.next())!
            guard text.route(s) == .codePage else { continue }
            guard page.charset.byte(for: s) != nil else { return (run, false) }
            run += 1
        }
        return (run, true)
    }

    public mutating func newline() {
        bytes.append(EscPos.LF)
        atLineStart = true
    }

    /// Paper feed in dots (ESC J), at the start of a line.
    public mutating func feedDots(_ dots: Int) {
        guard dots > 0 else { return }
        if !atLineStart { newline() }
        bytes += EscPos.feedDots(UInt8(min(255, dots)))
    }

    /// Blank lines: LF for a few (one byte each), ESC d n beyond that.
    public mutating func feed(_ lines: Int) {
        guard lines > 0 else { return }
        if !atLineStart { newline() }
        if lines <= 3 { for _ in 0..<lines { bytes.append(EscPos.LF) } }
        else { bytes += EscPos.feedLines(UInt8(min(255, lines))) }
        atLineStart = true
    }

    // MARK: graphics

    /// Prints a bitmap with GS v 0, split by rows so no command carries more than the
    /// profile's limit (and no more than the 2303 rows one command may have).
    public mutating func raster(_ bitmap: Bitmap) {
        guard bitmap.width > 0, bitmap.height > 0 else { return }
        if !atLineStart { newline() }
        let rowBytes = bitmap.rowBytes
        let rowsPerCommand = max(1, min(2303, profile.raster.maxBytesPerCommand / rowBytes))
        var row = 0
        while row < bitmap.height {
            let rows = min(rowsPerCommand, bitmap.height - row)
            // Header then data straight from the bitmap: no intermediate array per command.
            bytes += [EscPos.GS, 0x76, 0x30, 0] + EscPos.le16(rowBytes) + EscPos.le16(rows)
            bytes.append(contentsOf: bitmap.bits[(row * rowBytes)..<((row + rows) * rowBytes)])
            row += rows
        }
        atLineStart = true
    }

    /// Prints a bitmap with the GS ( L / GS 8 L graphics functions (store, then print).
    public mutating func graphics(_ bitmap: Bitmap) {
        if !atLineStart { newline() }
        bytes += EscPos.graphicsStore(widthDots: bitmap.width, rows: bitmap.height, data: bitmap.bits)
        bytes += EscPos.graphicsPrint
        atLineStart = true
    }

    public mutating func nvDefine(key: (UInt8, UInt8), bitmap: Bitmap) {
        bytes += EscPos.nvDelete(key: key)
        bytes += EscPos.nvDefine(key: key, widthDots: bitmap.width, rows: bitmap.height, data: bitmap.bits)
    }

    public mutating func nvPrint(key: (UInt8, UInt8)) {
        if !atLineStart { newline() }
        bytes += EscPos.nvPrint(key: key)
        atLineStart = true
    }

    // MARK: symbols

    public mutating func barcode(_ payload: BarcodePayload, moduleWidth: Int, height: Int) {
        if !atLineStart { newline() }
        endUserCharacters()  // the printed digits (HRI) use codes 0x30…0x39
        // EscPos.barcodeModuleWidth, barcodeHeight and barcode(m:data:), appended in place.
        precondition(payload.data.count <= 255, "GS k function B carries at most 255 data bytes")
        bytes.append(EscPos.GS); bytes.append(0x77); bytes.append(UInt8(moduleWidth))
        bytes.append(EscPos.GS); bytes.append(0x68); bytes.append(max(1, UInt8(max(1, min(255, height)))))
        bytes.append(EscPos.GS); bytes.append(0x6B); bytes.append(payload.m); bytes.append(UInt8(payload.data.count))
        bytes += payload.data
        atLineStart = true
    }

    public mutating func qr(_ data: [UInt8], moduleSize: Int, level: EscPos.QRLevel) {
        if !atLineStart { newline() }
        bytes += EscPos.qrModel2
        // EscPos.qrModuleSize, qrErrorLevel and qrStore, appended in place (no array per command).
        qrFunction(67, param: max(1, min(16, UInt8(moduleSize))))
        qrFunction(69, param: level.rawValue)
        qrFunction(80, param: 0x30, data: data)
        bytes += EscPos.qrPrint
        atLineStart = true
    }

    /// GS ( k pL pH 49 fn param data…: what EscPos.qrFunction builds.
    private mutating func qrFunction(_ fn: UInt8, param: UInt8, data: [UInt8] = []) {
        let length = data.count + 3
        bytes.append(EscPos.GS); bytes.append(0x28); bytes.append(0x6B)
        bytes.append(UInt8(length & 0xFF)); bytes.append(UInt8(length >> 8 & 0xFF))
        bytes.append(0x31); bytes.append(fn); bytes.append(param)
        bytes += data
    }

    // MARK: paper and drawer

    /// Feeds the last line past the blade and cuts; without a cutter, feeds for tearing off.
    /// GS V only works at the start of a line, so a pending line is ended first.
    public mutating func cut(_ kind: EscPos.Cut) {
        if !atLineStart { newline() }
        let cutter = profile.cutter
        guard !cutter.kinds.isEmpty else { feed(cutter.feedLines); return }
        let wanted: PrinterProfile.Cutter.Kind = kind == .full ? .full : .partial
        let actual: EscPos.Cut = cutter.kinds.contains(wanted) ? kind : (cutter.kinds[0] == .full ? .full : .partial)
        if cutter.feedAndCut {
            bytes += EscPos.feedAndCut(actual, lines: UInt8(cutter.feedUnits))
        } else {
            if cutter.feedLines > 0 { bytes += EscPos.feedLines(UInt8(cutter.feedLines)) }
            bytes += EscPos.cut(actual)
        }
        atLineStart = true
    }

    /// ESC p on the first configured pin (pin 2 when the profile lists it).
    public mutating func kickDrawer(pin: Int? = nil, pulseMs: Int? = nil) {
        let chosen = pin ?? (profile.drawer.pins.contains(2) ? 2 : profile.drawer.pins.first ?? 2)
        let on = pulseMs ?? profile.drawer.pulseMs
        bytes += EscPos.drawerKick(pin: chosen, onMs: on, offMs: min(510, on * 2))
    }
}
