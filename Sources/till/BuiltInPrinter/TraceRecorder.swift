import Foundation
import Synchronization
import TillEscPos
import TillDevices
import TillVirtualPrinter

/// Turns the bytes of a printer link into readable lines: `→` host to printer, one line per
/// ESC/POS command (named by TillVirtualPrinter's parser, so the trace and the emulator agree),
/// `←` printer to host, one line per read with each byte classified.
///
///     → 1B 40                                            .@                ESC @ initialize
///     ← 12                                               .                 DLE EOT reply 0x12
public final class TraceRecorder: Sendable {
    private struct State {
        var parser = EscPosParser()
        var pending: [UInt8] = []
        var pendingOffset = 0
        /// DLE EOT queries sent and not yet answered, oldest first: replies come in that order.
        var queries: [UInt8] = []
    }
    /// Held while a line is emitted too, so lines from the two directions never interleave.
    private let state = Mutex(State())
    private let emit: @Sendable (String) -> Void

    public init(emit: @escaping @Sendable (String) -> Void) { self.emit = emit }

    /// Bytes the host sent.
    public func sent(_ bytes: [UInt8]) {
        state.withLock { s in
            s.pending += bytes
            let commands = s.parser.feed(bytes)
            for (i, c) in commands.enumerated() {
                let end = i + 1 < commands.count ? commands[i + 1].offset : s.parser.offset
                let slice = Array(s.pending[(c.offset - s.pendingOffset)..<(end - s.pendingOffset)])
                emit(Self.line("→", slice, Self.name(c.command)))
                if case .realtimeStatus(let n) = c.command, (1...4).contains(n), s.queries.count < 64 { s.queries.append(UInt8(n)) }
            }
            s.pending.removeFirst(s.parser.offset - s.pendingOffset)
            s.pendingOffset = s.parser.offset
        }
    }

    /// Bytes the printer sent back.
    public func received(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        // A GS I answer (0x5F, text, NUL) as its text.
        if bytes.count >= 2, bytes.first == 0x5F, bytes.last == 0 {
            let text = String(decoding: bytes.dropFirst().dropLast().filter { $0 >= 0x20 && $0 < 0x7F }, as: UTF8.self)
            state.withLock { _ in emit(Self.line("←", bytes, "GS I reply \"\(text)\"")) }
            return
        }
        state.withLock { s in
            let words = bytes.map { b -> String in
                if PrinterStatus.isRealTimeReply(b) {
                    guard !s.queries.isEmpty else { return "DLE EOT reply 0x\(Self.hex(b))" }
                    let n = s.queries.removeFirst()
                    return "DLE EOT \(n) reply 0x\(Self.hex(b)): \(PrinterStatus.meaning(of: b, query: n))"
                }
                if StatusReplyFramer.isAutomaticStatusBackHeader(b) { return "ASB header 0x\(Self.hex(b))" }
                return "stray 0x\(Self.hex(b))"
            }
            emit(Self.line("←", bytes, words.joined(separator: "; ")))
        }
    }

    /// A line: direction, hex (first 16 bytes), ASCII, then what it is.
    static func line(_ arrow: String, _ bytes: [UInt8], _ what: String) -> String {
        let shown = bytes.prefix(16)
        var hexText = shown.map(hex).joined(separator: " ")
        if bytes.count > 16 { hexText += " …" }
        let ascii = String(shown.map { (0x20..<0x7F).contains($0) ? Character(UnicodeScalar($0)) : "." })
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        let count = bytes.count > 16 ? " (\(bytes.count) bytes)" : ""
        return "\(arrow) \(pad(hexText, 50))\(pad(ascii, 17))\(what)\(count)"
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    /// The command's ESC/POS spelling and meaning, without dumping image payloads.
    static func name(_ c: EscPosCommand) -> String {
        switch c {
        case .text(let b): return "text \"\(String(decoding: b.prefix(40), as: UTF8.self))\(b.count > 40 ? "…" : "")\""
        case .lineFeed: return "LF line feed"
        case .carriageReturn: return "CR"
        case .horizontalTab: return "HT tab"
        case .initialize: return "ESC @ initialize"
        case .printMode(let n): return "ESC ! \(n) print mode"
        case .emphasized(let on): return "ESC E bold \(on ? "on" : "off")"
        case .underline(let n): return "ESC - \(n) underline"
        case .justification(let n): return "ESC a \(n) justify \(["left", "centre", "right"][min(2, max(0, n))])"
        case .font(let n): return "ESC M \(n) font"
        case .codeTable(let n): return "ESC t \(n) code page"
        case .feedLines(let n): return "ESC d \(n) feed lines"
        case .drawerKick(let pin, let on, let off): return "ESC p drawer kick pin \(pin), \(on) ms on, \(off) ms off"
        case .bitImage(let b): return "ESC * bit image \(b.width)x\(b.height)"
        case .characterSize(let w, let h): return "GS ! character size \(w)x\(h)"
        case .reverse(let on): return "GS B reverse \(on ? "on" : "off")"
        case .cut(let partial, let feed): return "GS V \(partial ? "partial" : "full") cut" + (feed > 0 ? " after \(feed) dots feed" : "")
        case .barcode(let s, let data, _): return "GS k barcode m=\(s) \"\(String(decoding: data, as: UTF8.self))\""
        case .qrStore(let data): return "GS ( k QR store \(data.count) bytes"
        case .qrPrint: return "GS ( k QR print"
        case .raster(let b, _, _): return "GS v 0 raster image \(b.width)x\(b.height)"
        case .graphicsStore(let b, _, _): return "GS ( L graphics store \(b.width)x\(b.height)"
        case .graphicsPrint: return "GS ( L graphics print"
        case .nvDefine(let key, let b): return "GS ( L NV define \"\(String(decoding: key, as: UTF8.self))\" \(b.width)x\(b.height)"
        case .nvPrint(let key, _, _): return "GS ( L NV print \"\(String(decoding: key, as: UTF8.self))\""
        case .legacyNVDefine(let images): return "FS q NV define \(images.count) images"
        case .kanjiMode(let on): return on ? "FS & double-byte mode on" : "FS . double-byte mode off"
        case .realtimeStatus(let n): return "DLE EOT \(n) real-time status (\(["", "printer", "offline cause", "error cause", "paper sensor"][min(4, max(0, n))]))"
        case .automaticStatusBack(let n): return "GS a \(n) automatic status back"
        case .transmitStatus(let n): return "GS r \(n) transmit status"
        case .transmitPrinterID(let n): return "GS I \(n) transmit printer ID (\([1: "model ID", 2: "type ID", 3: "ROM version", 65: "firmware", 66: "maker", 67: "model name", 68: "serial number"][n] ?? "?"))"
        case .defineUserCharacters(let first, let cells): return "ESC & define user-defined characters 0x\(hex(first))…0x\(hex(first &+ UInt8(truncatingIfNeeded: max(0, cells.count - 1)))) (\(cells.count))"
        case .userCharacterSet(let on): return "ESC % user-defined characters \(on ? "on" : "off")"
        case .ignored(let what): return "ignored: \(what)"
        case .skipped(_, let reason): return "UNKNOWN: \(reason)"
        default: return String(describing: c)
        }
    }
}

/// A transport that passes everything through and records it (`till printer trace`).
public final class TracingTransport: PrinterTransport {
    private let inner: PrinterTransport
    private let recorder: TraceRecorder

    public init(wrapping inner: PrinterTransport, recorder: TraceRecorder) {
        self.inner = inner
        self.recorder = recorder
    }

    public var name: String { inner.name }
    public var isOpen: Bool { inner.isOpen }
    public var bytesPerSecond: Double? { inner.bytesPerSecond }
    public var answersStatus: Bool { inner.answersStatus }
    public func open() throws { try inner.open() }
    public func close() { inner.close() }

    public func write(_ bytes: [UInt8], timeout: Double) throws {
        recorder.sent(bytes)
        try inner.write(bytes, timeout: timeout)
    }

    public func read(timeout: Double) throws -> [UInt8] {
        let bytes = try inner.read(timeout: timeout)
        recorder.received(bytes)
        return bytes
    }
}
