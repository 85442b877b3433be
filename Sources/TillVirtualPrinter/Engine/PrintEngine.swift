import TillCore
import TillEscPos
import TillGraphics

/// A problem found in the stream: an unknown or malformed command, data lost while offline,
/// a symbol that cannot print. `offset` is the byte position in the stream since power-on.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public var description: String { "byte \(offset): \(message)" }
}

/// The printer's brain, single-threaded: bytes in, paper and replies out. `VirtualPrinter`
/// wraps it with a lock for use from socket threads.
struct PrintEngine {
    static let maximumDiagnostics = 1000

    let profile: PrinterProfile
    var parser = EscPosParser()
    var condition = PrinterCondition()

    // Character and layout settings (reset by ESC @).
    var style = TextStyle()
    var alignment = Alignment.left
    var lineSpacing: Int?
    var characterSpacing = 0
    var leftMargin = 0
    var areaWidth: Int
    var codeTable: UInt8 = 0
    var internationalSet: UInt8 = 0
    var kanjiMode: Bool
    var pendingMultibyte: [UInt8] = []
    /// Downloaded characters (ESC &) by font, then code; ESC @ deletes them.
    var userCharacters: [Int: [UInt8: Bitmap]] = [:]
    var userCharactersSelected = false
    var tabStops: [Int] = Array(stride(from: 8, through: 248, by: 8))
    var barcodeHeight = 162
    var barcodeModuleWidth = 3
    var hriPosition = 0
    var hriFont = 0
    var qrModuleSize = 3
    var qrLevel = QRErrorCorrection.low
    var qrData: [UInt8]?
    var pdf417Data: [UInt8]?
    var pdf417 = PDF417Settings()
    var storedGraphics: (Bitmap, Int, Int)?
    /// Height of the ESC * stripe in the current line (0: none), which its LF does not feed again.
    var columnImageHeight = 0

    // Non-volatile memory (kept across ESC @).
    var nvGraphics: [[UInt8]: Bitmap] = [:]
    var legacyNV: [Bitmap] = []

    // Paper.
    var line: [PrintedChar] = []
    var lineWidth = 0
    var current = Page()
    var finishedPages: [Page] = []
    var fedDots = 0
    /// Paper moved on the current page, and blank paper dropped by the page limit.
    var pageDots = 0
    var blankDotsDropped = 0
    var pageHasInk = false
    /// Print data reached this page but was lost (the printer was offline): the page is kept for
    /// its note even with nothing on it, since the sender meant it to print.
    var pageLostData = false
    /// Blank paper fed since the last line with ink (no-cutter models tear off after enough).
    var blankDotsSinceInk = 0
    var paperOutAtDots: Int?
    var cutterJamPending = false

    // Link and replies.
    var asbMask: UInt8 = 0
    var lastASBKey: [Bool] = []
    var outbox: [UInt8] = []
    var diagnostics: [Diagnostic] = []
    var diagnosticsDropped = 0
    var recentBytes: [UInt8] = []   // real-time command detection window
    var streamOffset = 0
    var lostBytesWhileOffline = 0
    var offlineReason = ""
    var disconnectRemaining: Int?
    var disconnectRequested = false
    var baud: Int?
    var garbage = false
    var rng: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Fixed by the profile, worked out once (they are consulted on every line fed).
    let maximumPageDots: Int
    /// The tear-off feed of a model without a cutter; nil when it has one.
    let tearFeedDots: Int?

    init(profile: PrinterProfile) {
        self.profile = profile
        let dotsPerMM = Double(profile.media.dpi) / 25.4
        maximumPageDots = Int(PrintEngine.maximumPageMM * dotsPerMM)
        tearFeedDots = profile.hasCutter ? nil : max(1, profile.cutter.feedLines) * Int((Double(profile.media.dpi) / 6).rounded())
        self.areaWidth = profile.media.dots
        self.kanjiMode = profile.multibyte.first?.activeAtPowerOn ?? false
    }

    var dotsPerMM: Double { Double(profile.media.dpi) / 25.4 }
    var defaultLineSpacing: Int { Int((Double(profile.media.dpi) / 6).rounded()) }
    var fontMetrics: [FontMetrics] {
        profile.fonts.isEmpty ? [FontMetrics(width: 12, height: 24)]
            : profile.fonts.map { FontMetrics(width: $0.widthDots, height: $0.heightDots) }
    }
    func metrics(_ font: Int) -> FontMetrics {
        let all = fontMetrics
        return all[min(max(font, 0), all.count - 1)]
    }

    mutating func diagnose(_ message: String, at offset: Int) {
        guard diagnostics.count < PrintEngine.maximumDiagnostics else { diagnosticsDropped += 1; return }
        diagnostics.append(Diagnostic(offset: offset, message: message))
    }

    // MARK: - input

    /// Takes bytes from the link and processes them at once; returns the reply bytes they caused.
    mutating func receive(_ input: [UInt8]) -> [UInt8] {
        process(arrive(input))
        return takeReplies()
    }

    /// The link side of receiving: the `disconnect-after` count, and the real-time commands,
    /// which act on arrival wherever they are (even inside image data, as on a real printer)
    /// and even while offline. Returns the bytes that go on into the receive buffer.
    mutating func arrive(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        if let remaining = disconnectRemaining {
            if bytes.count >= remaining {
                bytes = Array(bytes.prefix(remaining))
                disconnectRemaining = nil
                disconnectRequested = true
            } else {
                disconnectRemaining = remaining - bytes.count
            }
        }
        for b in bytes { scanRealtime(b) }
        streamOffset += bytes.count
        return bytes
    }

    /// The buffer side: parses and prints `bytes` (in the order they arrived).
    mutating func process(_ bytes: [UInt8]) {
        // While offline the receive buffer is not processed: the job is lost from there on.
        // The parser still frames the bytes so the next job starts on a command boundary.
        let commands = parser.feed(bytes)
        for (k, (command, offset)) in commands.enumerated() {
            if condition.online {
                apply(command, at: offset)
            } else {
                let end = k + 1 < commands.count ? commands[k + 1].offset : parser.offset
                lostBytesWhileOffline += end - offset
            }
        }
    }

    /// End of the input stream (file, or connection closed): report a half-received command
    /// and hand over whatever was printed since the last cut as a page of its own.
    mutating func finish() {
        for (command, offset) in parser.finish() { apply(command, at: offset) }
        if !line.isEmpty { printLine(advance: currentLineAdvance()) }
        endPage(cut: nil)
    }

    mutating func takeReplies() -> [UInt8] {
        let out = outbox
        outbox.removeAll()
        return out
    }

    mutating func reply(_ bytes: [UInt8]) {
        if garbage {
            // Noise bytes with bit 4 clear: never shaped like a status byte (0xx1xx10) or an
            // ASB header (0xx1xx00), so a driver that frames replies by pattern can skip them.
            let count = Int(nextRandom() % 3) + 1
            for _ in 0..<count { outbox.append(UInt8(truncatingIfNeeded: nextRandom()) & 0b1110_1111) }
        }
        outbox.append(contentsOf: bytes)
    }

    mutating func nextRandom() -> UInt64 {
        rng ^= rng << 13
        rng ^= rng >> 7
        rng ^= rng << 17
        return rng
    }
}
