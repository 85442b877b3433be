import TillGraphics

/// How far a job moves the paper, in dots, read from its bytes by the opcode table
/// (`EscPosCommandSplitter`): text lines at their tallest character or the line spacing, feeds,
/// raster and stored graphics, barcodes with their human-readable line, QR symbols, the feed
/// before a cut. The driver turns it into the time a printer needs at its paper speed, so its
/// wait for a confirmation is long enough. NV images defined before the job, and PDF417, are
/// not counted (their size is not in the job's bytes).
public struct EscPosPaperEstimate {
    let profile: PrinterProfile
    private(set) var dots = 0
    private var lineSpacing: Int?
    private var font = 0
    private var heightMultiplier = 1
    private var lineTallest = 0
    private var barcodeHeight = 162
    private var hriPosition = 0
    private var hriFont = 0
    private var qrModuleSize = 3
    private var qrLevel = QRErrorCorrection.low
    private var qrData: [UInt8] = []
    private var storedGraphicsHeight: Int?

    /// The paper `bytes` move on a printer of `profile`.
    public static func dots(of bytes: [UInt8], profile: PrinterProfile) -> Int {
        var estimate = EscPosPaperEstimate(profile: profile)
        var starts = EscPosCommandSplitter.starts(bytes)
        starts.append(bytes.count)
        for (start, end) in zip(starts, starts.dropFirst()) { estimate.read(Array(bytes[start..<end])) }
        return estimate.dots
    }

    init(profile: PrinterProfile) { self.profile = profile }

    private var defaultLineSpacing: Int { Int((Double(profile.media.dpi) / 6).rounded()) }
    private func fontHeight(_ n: Int) -> Int {
        profile.fonts.isEmpty ? 24 : profile.fonts[min(max(n, 0), profile.fonts.count - 1)].heightDots
    }
    private var lineAdvance: Int {
        max(lineSpacing ?? defaultLineSpacing, lineTallest, fontHeight(font) * heightMultiplier)
    }

    private mutating func endLine() {
        dots += lineAdvance
        lineTallest = 0
    }

    private mutating func feed(_ n: Int) {
        dots += max(0, n)
    }

    /// One command (or run of text) of the job.
    private mutating func read(_ c: [UInt8]) {
        guard let first = c.first else { return }
        if first >= 0x20 {
            lineTallest = max(lineTallest, fontHeight(font) * heightMultiplier)
            return
        }
        if first == 0x0A { return endLine() }
        guard c.count >= 2 else { return }
        func le(_ k: Int) -> Int { k + 1 < c.count ? Int(c[k]) | Int(c[k + 1]) << 8 : 0 }
        func p(_ k: Int) -> Int { k < c.count ? Int(c[k]) : 0 }
        switch (first, c[1]) {
        case (EscPos.ESC, 0x40):
            self = EscPosPaperEstimate(profile: profile, dots: dots)
        case (EscPos.ESC, 0x64): for _ in 0..<p(2) { endLine() }
        case (EscPos.ESC, 0x4A): feed(p(2))
        case (EscPos.ESC, 0x33): lineSpacing = p(2)
        case (EscPos.ESC, 0x32): lineSpacing = nil
        case (EscPos.ESC, 0x4D): font = p(2) >= 0x30 ? p(2) - 0x30 : p(2)
        case (EscPos.ESC, 0x21):
            font = p(2) & 1
            heightMultiplier = p(2) & 0x10 != 0 ? 2 : 1
        case (EscPos.ESC, 0x2A): lineTallest = max(lineTallest, p(2) >= 32 ? 24 : 8)
        case (EscPos.GS, 0x21): heightMultiplier = (p(2) & 0x07) + 1
        case (EscPos.GS, 0x68): barcodeHeight = max(1, p(2))
        case (EscPos.GS, 0x48): hriPosition = (p(2) >= 0x30 ? p(2) - 0x30 : p(2)) & 3
        case (EscPos.GS, 0x66): hriFont = p(2) >= 0x30 ? p(2) - 0x30 : p(2)
        case (EscPos.GS, 0x6B):
            feed(barcodeHeight + (hriPosition == 0 ? 0 : fontHeight(hriFont) * (hriPosition == 3 ? 2 : 1)))
        case (EscPos.GS, 0x56): feed(c.count >= 4 ? p(3) : 0)
        case (EscPos.GS, 0x76):  // GS v 0 m xL xH yL yH: m 2 and 3 double the height
            feed(le(6) * (p(3) & 0x02 != 0 ? 2 : 1))
        case (EscPos.GS, 0x28) where c.count >= 7 && c[2] == 0x6B:
            symbol(Array(c.dropFirst(5)))
        case (EscPos.GS, 0x28) where c.count >= 7 && c[2] == 0x4C:
            graphics(Array(c.dropFirst(5)))
        case (EscPos.GS, 0x38) where c.count >= 9 && c[2] == 0x4C:
            graphics(Array(c.dropFirst(7)))
        default:
            break
        }
    }

    private init(profile: PrinterProfile, dots: Int) {
        self.profile = profile
        self.dots = dots
    }

    /// GS ( k for QR (cn 49): module size, level, the data, and the print.
    private mutating func symbol(_ payload: [UInt8]) {
        guard payload.count >= 3, payload[0] == 49 else { return }
        switch payload[1] {
        case 67: qrModuleSize = min(max(Int(payload[2]), 1), 16)
        case 69: qrLevel = [48: .low, 49: .medium, 50: .quartile, 51: .high][payload[2]] ?? qrLevel
        case 80: qrData = Array(payload.dropFirst(3))
        case 81:
            if let code = try? QRCode.encode(qrData, level: qrLevel) { feed(code.size * qrModuleSize) }
        default: break
        }
    }

    /// GS ( L / GS 8 L: an image stored to the print buffer (fn 112), then printed (fn 50).
    private mutating func graphics(_ payload: [UInt8]) {
        guard payload.count >= 2 else { return }
        switch payload[1] {
        case 112 where payload.count >= 10:
            let scaleY = payload[4] == 2 || payload[4] == 0x32 ? 2 : 1
            storedGraphicsHeight = (Int(payload[8]) | Int(payload[9]) << 8) * scaleY
        case 50, 2:
            if let height = storedGraphicsHeight { feed(height) }
            storedGraphicsHeight = nil
        default: break
        }
    }
}
