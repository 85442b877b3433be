import TillEscPos
import TillGraphics

/// Splits an ESC/POS byte stream into commands. Streaming: bytes may arrive in any chunks (a
/// command split across two TCP reads is completed by the next `feed`). Every command has a
/// length rule; an unknown or malformed command is skipped by the rule of its prefix (2 bytes
/// for ESC x / GS x / FS x, the declared length for GS ( x and GS 8 L) and reported as
/// `.skipped`, so one bad command never derails what follows. Never traps on any input.
public struct EscPosParser: Sendable {
    /// Declared payloads larger than this are taken as garbage (a real printer would wait for
    /// the data forever); only the command header is skipped. 16 MiB is far above any image.
    public static let maximumCommandBytes = EscPosOpcodes.maximumCommandBytes

    private var buffer: [UInt8] = []
    private var start = 0
    /// Stream offset of `buffer[start]`, for diagnostics.
    public private(set) var offset = 0

    public init() {}

    /// Commands completed by `bytes`, each with the stream offset where it began.
    public mutating func feed(_ bytes: [UInt8]) -> [(command: EscPosCommand, offset: Int)] {
        buffer.append(contentsOf: bytes)
        var out: [(EscPosCommand, Int)] = []
        while start < buffer.count {
            guard let (command, length) = EscPosParser.parse(buffer, at: start) else { break }
            out.append((command, offset))
            start += length
            offset += length
        }
        // Drop consumed bytes now and then rather than on every command (keeps feed linear).
        if start > 4096 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        return out
    }

    /// Ends the stream: an incomplete command at the end is reported and dropped.
    public mutating func finish() -> [(command: EscPosCommand, offset: Int)] {
        guard start < buffer.count else { return [] }
        let rest = Array(buffer[start...])
        let o = offset
        offset += rest.count
        buffer.removeAll()
        start = 0
        return [(.skipped(rest, reason: "stream ended inside a command (\(rest.count) bytes)"), o)]
    }

    /// Bytes waiting for the rest of a command.
    public var pendingByteCount: Int { buffer.count - start }

    // MARK: - length rules

    /// The command at `i` and its length, or nil when more bytes are needed.
    static func parse(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        let c = b[i]

        if c >= 0x20 {
            var j = i
            while j < b.count, b[j] >= 0x20 { j += 1 }
            return (.text(Array(b[i..<j])), j - i)
        }
        switch c {
        case 0x0A: return (.lineFeed, 1)
        case 0x0D: return (.carriageReturn, 1)
        case 0x09: return (.horizontalTab, 1)
        case 0x00: return (.ignored("NUL"), 1)
        case 0x0C: return (.ignored("FF (page mode only)"), 1)
        case 0x18: return (.ignored("CAN (page mode only)"), 1)
        case 0x10, 0x1B, 0x1C, 0x1D: return parseCommand(b, at: i)
        default:
            return (.skipped([c], reason: "unknown control byte 0x\(hex(c))"), 1)
        }
    }

    /// A command's length comes from the opcode table the encoder builds its bytes from
    /// (TillEscPos `EscPosOpcodes`); only its meaning is read here, from exactly its bytes.
    static func parseCommand(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        switch EscPosOpcodes.measure(b, at: i) {
        case .needMore: return nil
        case let .invalid(k, reason): return (.skipped(Array(b[i..<(i + k)]), reason: reason), k)
        case .unknown:
            let name = ["ESC", "FS", "GS"][Int(max(0x1B, b[i])) - 0x1B]
            return b[i] == 0x10 ? (.skipped([0x10], reason: "DLE not followed by EOT, ENQ or DC4"), 1) : unknown(b, i, 2, "\(name) 0x\(hex(b[i + 1]))")
        case let .length(length):
            let whole = Array(b[i..<(i + length)])
            let meaning: (EscPosCommand, Int)?
            switch b[i] {
            case 0x10: meaning = parseDLE(whole, at: 0)
            case 0x1B: meaning = parseESC(whole, at: 0)
            case 0x1C: meaning = parseFS(whole, at: 0)
            default: meaning = parseGS(whole, at: 0)
            }
            // Cannot happen while the table and the readers agree (OpcodeTableTests).
            guard let (command, read) = meaning, read == length else {
                return (.skipped(whole, reason: "opcode table and decoder disagree on this command's length"), length)
            }
            return (command, length)
        }
    }

    static func hex(_ v: UInt8) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count < 2 ? "0" + s : s
    }

    static func unknown(_ b: [UInt8], _ i: Int, _ len: Int, _ name: String) -> (EscPosCommand, Int) {
        (.skipped(Array(b[i..<(i + len)]), reason: "unknown command \(name)"), len)
    }

    static func parseDLE(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        let n = b.count - i
        guard n >= 2 else { return nil }
        switch b[i + 1] {
        case 0x04:  // DLE EOT n (n 7 and 8 take one more byte)
            guard n >= 3 else { return nil }
            let fn = b[i + 2]
            if fn == 7 || fn == 8 {
                guard n >= 4 else { return nil }
                return (.ignored("DLE EOT \(fn) (ink/peripheral status)"), 4)
            }
            return (.realtimeStatus(Int(fn)), 3)
        case 0x05:
            guard n >= 3 else { return nil }
            return (.realtimeRequest(Int(b[i + 2])), 3)
        case 0x14:  // DLE DC4 fn …
            guard n >= 3 else { return nil }
            switch b[i + 2] {
            case 1:
                guard n >= 5 else { return nil }
                // A real-time command: the pulse is given on arrival (PrintEngine.scanRealtime).
                return (.ignored("DLE DC4 1 (real-time drawer pulse)"), 5)
            case 2: guard n >= 5 else { return nil }; return (.ignored("DLE DC4 2 (power off)"), 5)
            case 7: guard n >= 4 else { return nil }; return (.ignored("DLE DC4 7 (buzzer)"), 4)
            case 8: guard n >= 10 else { return nil }; return (.ignored("DLE DC4 8 (clear buffers)"), 10)
            default: return unknown(b, i, 3, "DLE DC4 \(b[i + 2])")
            }
        default:
            return (.skipped([0x10], reason: "DLE not followed by EOT, ENQ or DC4"), 1)
        }
    }

    static func parseESC(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        let n = b.count - i
        guard n >= 2 else { return nil }
        let op = b[i + 1]
        // Fixed lengths of the commands taking one parameter byte.
        func one(_ make: (UInt8) -> EscPosCommand) -> (EscPosCommand, Int)? {
            guard n >= 3 else { return nil }
            return (make(b[i + 2]), 3)
        }
        func flag(_ v: UInt8) -> Bool { v & 1 == 1 }
        switch op {
        case 0x40: return (.initialize, 2)
        case 0x21: return one { .printMode($0) }
        case 0x45: return one { .emphasized(flag($0)) }
        case 0x47: return one { .doubleStrike(flag($0)) }
        case 0x2D: return one { v in .underline(v == 0x31 ? 1 : v == 0x32 ? 2 : Int(min(v, 2))) }
        case 0x61: return one { v in .justification(v >= 0x30 ? Int(v - 0x30) : Int(v)) }
        case 0x4D: return one { v in .font(v >= 0x30 ? Int(v - 0x30) : Int(v)) }
        case 0x74: return one { .codeTable($0) }
        case 0x52: return one { .internationalSet($0) }
        case 0x64: return one { .feedLines(Int($0)) }
        case 0x4A: return one { .feedDots(Int($0)) }
        case 0x33: return one { .lineSpacing(Int($0)) }
        case 0x32: return (.lineSpacing(nil), 2)
        case 0x20: return one { .characterSpacing(Int($0)) }
        case 0x7B: return one { .upsideDown(flag($0)) }
        case 0x56: return one { .rotate90($0 == 1 || $0 == 0x31 || $0 == 2 || $0 == 0x32) }
        case 0x4B, 0x65: return one { _ in .ignored("reverse feed") }
        case 0x25: return one { .userCharacterSet($0 & 1 == 1) }
        case 0x3F: return one { .cancelUserCharacter($0) }
        // ESC A n and ESC + n (line spacing on ESC/P-derived clones) take one parameter
        // byte, which must not print as text.
        case 0x3D, 0x54, 0x72, 0x55, 0x75, 0x41, 0x2B:
            return one { _ in .ignored("ESC \(Character(UnicodeScalar(op)))") }
        case 0x63:  // ESC c 3 n, ESC c 4 n, ESC c 5 n
            guard n >= 4 else { return nil }
            return (.ignored("ESC c (panel/sensor settings)"), 4)
        case 0x70:
            guard n >= 5 else { return nil }
            let m = b[i + 2]
            return (.drawerKick(pin: (m == 1 || m == 0x31) ? 5 : 2, onMs: Int(b[i + 3]) * 2, offMs: Int(b[i + 4]) * 2), 5)
        case 0x24, 0x5C:
            guard n >= 4 else { return nil }
            let v = Int(b[i + 2]) | Int(b[i + 3]) << 8
            return (op == 0x24 ? .absolutePosition(v) : .relativePosition(Int(Int16(truncatingIfNeeded: v))), 4)
        case 0x4C, 0x53, 0x3C, 0x76: return (.ignored("ESC \(Character(UnicodeScalar(op)))"), 2)
        case 0x0C: return (.ignored("ESC FF (page mode)"), 2)
        case 0x69: return (.cut(partial: true, feedDots: 0), 2)  // ESC i (one point left uncut)
        case 0x6D: return (.cut(partial: true, feedDots: 0), 2)  // ESC m
        case 0x57:
            guard n >= 10 else { return nil }
            return (.ignored("ESC W (page mode area)"), 10)
        case 0x42:  // ESC B n t: buzzer on many Chinese models
            guard n >= 4 else { return nil }
            return (.ignored("ESC B (buzzer)"), 4)
        case 0x44:  // ESC D n1 … nk NUL (k ≤ 32)
            var j = i + 2
            var stops: [Int] = []
            while true {
                guard j < b.count else { return nil }
                if b[j] == 0 { j += 1; break }
                stops.append(Int(b[j]))
                j += 1
                if stops.count == 32 { break }
            }
            return (.tabStops(stops), j - i)
        case 0x2A:
            guard n >= 5 else { return nil }
            let m = b[i + 2]
            let columns = Int(b[i + 3]) | Int(b[i + 4]) << 8
            let bytesPerColumn: Int
            switch m {
            case 0, 1: bytesPerColumn = 1
            case 32, 33: bytesPerColumn = 3
            default: return (.skipped(Array(b[i..<(i + 3)]), reason: "ESC * with invalid mode \(m)"), 3)
            }
            let total = 5 + columns * bytesPerColumn
            guard n >= total else { return nil }
            return (.bitImage(columnImage(b, from: i + 5, columns: columns, bytesPerColumn: bytesPerColumn, mode: m)), total)
        case 0x26:  // ESC & y c1 c2 [x d1…d(y×x)]…
            guard n >= 5 else { return nil }
            let y = Int(b[i + 2]), c1 = Int(b[i + 3]), c2 = Int(b[i + 4])
            guard y >= 1, y <= 3, c1 >= 32, c2 <= 126, c1 <= c2 else {
                return (.skipped(Array(b[i..<(i + 5)]), reason: "ESC & with invalid parameters"), 5)
            }
            var j = i + 5
            var cells: [Bitmap] = []
            for _ in c1...c2 {
                guard j < b.count else { return nil }
                let x = Int(b[j])
                guard j + 1 + y * x <= b.count else { return nil }
                cells.append(userCharacterCell(b, from: j + 1, width: x, heightBytes: y))
                j += 1 + y * x
            }
            return (.defineUserCharacters(first: UInt8(c1), cells: cells), j - i)
        default:
            return unknown(b, i, 2, "ESC 0x\(hex(op))")
        }
    }

    /// ESC & data: `width` columns of `heightBytes` bytes, top dot in the high bit.
    static func userCharacterCell(_ b: [UInt8], from s: Int, width: Int, heightBytes: Int) -> Bitmap {
        var cell = Bitmap(width: max(1, width), height: heightBytes * 8)
        for x in 0..<width {
            for k in 0..<heightBytes {
                let v = b[s + x * heightBytes + k]
                for bit in 0..<8 where v & (0x80 >> UInt8(bit)) != 0 { cell[x, k * 8 + bit] = true }
            }
        }
        return cell
    }

    /// ESC * column data → bitmap, stretched to the head's dots (single density = 2× wide,
    /// 8-dot modes = 3× tall on a 180/203 dpi head).
    static func columnImage(_ b: [UInt8], from s: Int, columns: Int, bytesPerColumn: Int, mode: UInt8) -> Bitmap {
        let sx = (mode == 0 || mode == 32) ? 2 : 1
        let sy = bytesPerColumn == 1 ? 3 : 1
        let dotsHigh = bytesPerColumn * 8
        var bitmap = Bitmap(width: columns * sx, height: dotsHigh * sy)
        for x in 0..<columns {
            for k in 0..<bytesPerColumn {
                let v = b[s + x * bytesPerColumn + k]
                for bit in 0..<8 where v & (0x80 >> UInt8(bit)) != 0 {
                    let y = k * 8 + bit
                    for dx in 0..<sx { for dy in 0..<sy { bitmap[x * sx + dx, y * sy + dy] = true } }
                }
            }
        }
        return bitmap
    }

    static func parseFS(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        let n = b.count - i
        guard n >= 2 else { return nil }
        let op = b[i + 1]
        switch op {
        case 0x26: return (.kanjiMode(true), 2)
        case 0x2E: return (.kanjiMode(false), 2)
        case 0x21, 0x2D, 0x57, 0x43:
            guard n >= 3 else { return nil }
            return (.ignored("FS \(Character(UnicodeScalar(op))) (double-byte character settings)"), 3)
        case 0x53, 0x3F:
            guard n >= 4 else { return nil }
            return (.ignored("FS \(Character(UnicodeScalar(op)))"), 4)
        case 0x32:
            guard n >= 76 else { return nil }
            return (.ignored("FS 2 (user-defined double-byte character)"), 76)
        case 0x70:
            guard n >= 4 else { return nil }
            return (.legacyNVPrint(index: Int(b[i + 2]), mode: Int(b[i + 3] & 0x03)), 4)
        case 0x71:  // FS q n [xL xH yL yH d…]×n, column format, x and y in units of 8 dots
            guard n >= 3 else { return nil }
            let count = Int(b[i + 2])
            var j = i + 3
            var images: [Bitmap] = []
            for _ in 0..<count {
                guard j + 4 <= b.count else { return nil }
                let x = Int(b[j]) | Int(b[j + 1]) << 8
                let y = Int(b[j + 2]) | Int(b[j + 3]) << 8
                let size = x * y * 8
                guard x >= 1, x <= 1023, y >= 1, y <= 288 else {
                    return (.skipped(Array(b[i..<min(b.count, j + 4)]), reason: "FS q image \(images.count + 1) has an invalid size"), j + 4 - i)
                }
                guard j + 4 + size <= b.count else { return nil }
                images.append(legacyNVImage(b, from: j + 4, x: x, y: y))
                j += 4 + size
            }
            return (.legacyNVDefine(images), j - i)
        case 0x28:  // FS ( x pL pH …
            guard n >= 5 else { return nil }
            let len = Int(b[i + 3]) | Int(b[i + 4]) << 8
            guard n >= 5 + len else { return nil }
            return (.ignored("FS ( \(Character(UnicodeScalar(b[i + 2])))"), 5 + len)
        default:
            return unknown(b, i, 2, "FS 0x\(hex(op))")
        }
    }

    /// FS q data: columns of (y) bytes, top byte first, x×8 columns.
    static func legacyNVImage(_ b: [UInt8], from s: Int, x: Int, y: Int) -> Bitmap {
        var bitmap = Bitmap(width: x * 8, height: y * 8)
        for col in 0..<(x * 8) {
            for k in 0..<y {
                let v = b[s + col * y + k]
                for bit in 0..<8 where v & (0x80 >> UInt8(bit)) != 0 {
                    bitmap[col, k * 8 + bit] = true
                }
            }
        }
        return bitmap
    }

    static func parseGS(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        let n = b.count - i
        guard n >= 2 else { return nil }
        let op = b[i + 1]
        func one(_ make: (UInt8) -> EscPosCommand) -> (EscPosCommand, Int)? {
            guard n >= 3 else { return nil }
            return (make(b[i + 2]), 3)
        }
        func two(_ make: (Int) -> EscPosCommand) -> (EscPosCommand, Int)? {
            guard n >= 4 else { return nil }
            return (make(Int(b[i + 2]) | Int(b[i + 3]) << 8), 4)
        }
        switch op {
        case 0x21: return one { .characterSize(width: Int($0 >> 4 & 7) + 1, height: Int($0 & 7) + 1) }
        case 0x42: return one { .reverse($0 & 1 == 1) }
        case 0x68: return one { .barcodeHeight(Int($0)) }
        case 0x77: return one { .barcodeModuleWidth(Int($0)) }
        case 0x48: return one { v in .hriPosition(v >= 0x30 ? Int(v - 0x30) : Int(v)) }
        case 0x66: return one { v in .hriFont(v >= 0x30 ? Int(v - 0x30) : Int(v)) }
        case 0x72: return one { .transmitStatus(Int($0)) }
        case 0x61: return one { .automaticStatusBack($0) }
        case 0x49: return one { .transmitPrinterID($0) }
        // GS | n: print density on many clones (python-escpos `set(density=…)`).
        case 0x62, 0x54, 0x45, 0x2F, 0x6A, 0x7C: return one { _ in .ignored("GS \(Character(UnicodeScalar(op)))") }
        case 0x4C: return two { .leftMargin($0) }
        case 0x57: return two { .printAreaWidth($0) }
        case 0x50, 0x24, 0x5C: return two { _ in .ignored("GS \(Character(UnicodeScalar(op)))") }
        case 0x3A: return (.ignored("GS : (macro)"), 2)
        case 0x5E:
            guard n >= 5 else { return nil }
            return (.ignored("GS ^ (macro run)"), 5)
        case 0x7A:
            guard n >= 4 else { return nil }
            return (.ignored("GS z"), 4)
        case 0x67:  // GS g 0 m nL nH / GS g 2 m nL nH (maintenance counters)
            guard n >= 5 else { return nil }
            return (.ignored("GS g (maintenance counter)"), 5)
        case 0x2A:  // GS * x y d1…d(x×y×8)
            guard n >= 4 else { return nil }
            let total = 4 + Int(b[i + 2]) * Int(b[i + 3]) * 8
            guard n >= total else { return nil }
            return (.ignored("GS * (downloaded bit image)"), total)
        case 0x56: return parseCut(b, at: i)
        case 0x6B: return parseBarcode(b, at: i)
        case 0x76:  // GS v 0 m xL xH yL yH d…
            guard n >= 8 else { return nil }
            guard b[i + 2] == 0x30 else { return unknown(b, i, 3, "GS v 0x\(hex(b[i + 2]))") }
            let m = Int(b[i + 3] & 0x03)
            let x = Int(b[i + 4]) | Int(b[i + 5]) << 8
            let y = Int(b[i + 6]) | Int(b[i + 7]) << 8
            let size = x * y
            guard size <= maximumCommandBytes else {
                return (.skipped(Array(b[i..<(i + 8)]), reason: "GS v 0 declares \(size) bytes: implausible, header skipped"), 8)
            }
            guard n >= 8 + size else { return nil }
            let bitmap = Bitmap(width: x * 8, height: y, bits: Array(b[(i + 8)..<(i + 8 + size)]))
            return (.raster(bitmap, scaleX: m & 1 == 1 ? 2 : 1, scaleY: m & 2 == 2 ? 2 : 1), 8 + size)
        case 0x28:  // GS ( x pL pH payload
            guard n >= 5 else { return nil }
            let len = Int(b[i + 3]) | Int(b[i + 4]) << 8
            guard n >= 5 + len else { return nil }
            let payload = Array(b[(i + 5)..<(i + 5 + len)])
            let whole = Array(b[i..<(i + 5 + len)])
            switch b[i + 2] {
            case 0x6B: return (symbolCommand(payload, whole: whole), 5 + len)
            case 0x4C: return (graphicsCommand(payload, whole: whole), 5 + len)
            case 0x48:  // GS ( H fn m d1…d4: fn 48 asks for a process ID response
                guard payload.count == 6, payload[0] == 48 else {
                    return (.skipped(whole, reason: "GS ( H: only function 48 with 4 ID bytes is known"), 5 + len)
                }
                return (.processIdRequest(Array(payload[2...])), 5 + len)
            default: return (.ignored("GS ( \(Character(UnicodeScalar(b[i + 2])))"), 5 + len)
            }
        case 0x38:  // GS 8 L p1 p2 p3 p4 payload
            guard n >= 3 else { return nil }
            guard b[i + 2] == 0x4C else { return unknown(b, i, 3, "GS 8 0x\(hex(b[i + 2]))") }
            guard n >= 7 else { return nil }
            let len = Int(b[i + 3]) | Int(b[i + 4]) << 8 | Int(b[i + 5]) << 16 | Int(b[i + 6]) << 24
            guard len <= maximumCommandBytes else {
                return (.skipped(Array(b[i..<(i + 7)]), reason: "GS 8 L declares \(len) bytes: implausible, header skipped"), 7)
            }
            guard n >= 7 + len else { return nil }
            return (graphicsCommand(Array(b[(i + 7)..<(i + 7 + len)]), whole: Array(b[i..<(i + 7 + len)])), 7 + len)
        default:
            return unknown(b, i, 2, "GS 0x\(hex(op))")
        }
    }

    static func parseCut(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        let n = b.count - i
        guard n >= 3 else { return nil }
        let m = b[i + 2]
        switch m {
        case 0, 0x30: return (.cut(partial: false, feedDots: 0), 3)
        case 1, 0x31: return (.cut(partial: true, feedDots: 0), 3)
        case 65, 66, 97, 98, 103, 104:
            guard n >= 4 else { return nil }
            // 65/66: feed n dots then cut; 97/98 and 103/104 (feed to the cutting position
            // plus n) print the same for our purposes.
            return (.cut(partial: m % 2 == 0 ? true : false, feedDots: Int(b[i + 3])), 4)
        default:
            return (.skipped(Array(b[i..<(i + 3)]), reason: "GS V with invalid mode \(m)"), 3)
        }
    }

    static func parseBarcode(_ b: [UInt8], at i: Int) -> (EscPosCommand, Int)? {
        let n = b.count - i
        guard n >= 3 else { return nil }
        let m = b[i + 2]
        if m <= 6 {
            // Function A: data up to NUL. Printers accept at most 255 data bytes.
            var j = i + 3
            while j < b.count, b[j] != 0 {
                if j - (i + 3) > 255 {
                    return (.skipped(Array(b[i..<(i + 3)]), reason: "GS k \(m) data has no NUL within 255 bytes"), 3)
                }
                j += 1
            }
            guard j < b.count else { return nil }
            return (.barcode(symbology: m, data: Array(b[(i + 3)..<j]), functionB: false), j + 1 - i)
        }
        if m >= 65 && m <= 79 {
            guard n >= 4 else { return nil }
            let len = Int(b[i + 3])
            guard n >= 4 + len else { return nil }
            return (.barcode(symbology: m, data: Array(b[(i + 4)..<(i + 4 + len)]), functionB: true), 4 + len)
        }
        return (.skipped(Array(b[i..<(i + 3)]), reason: "GS k with invalid barcode system \(m)"), 3)
    }

    /// GS ( k: cn 48 = PDF417, cn 49 = QR Code; other symbols (MaxiCode, DataMatrix, Aztec) are skipped.
    static func symbolCommand(_ p: [UInt8], whole: [UInt8]) -> EscPosCommand {
        guard p.count >= 2 else { return .skipped(whole, reason: "GS ( k too short") }
        if p[0] == 48 {
            // PDF417: size and error correction settings, the data, then the print.
            switch p[1] {
            case 65...70: return p.count >= 3 ? .pdf417Setting(function: p[1], parameters: Array(p.dropFirst(2))) : .skipped(whole, reason: "GS ( k PDF417 function \(p[1]): missing parameter")
            case 80: return p.count >= 3 ? .pdf417Store(Array(p.dropFirst(3))) : .skipped(whole, reason: "GS ( k PDF417 store: missing m")
            case 81: return .pdf417Print
            default: return .ignored("GS ( k PDF417 function \(p[1])")
            }
        }
        guard p[0] == 49 else { return .skipped(whole, reason: "GS ( k symbol cn=\(p[0]) not emulated (only PDF417, cn=48, and QR, cn=49)") }
        switch p[1] {
        case 65: return p.count >= 3 ? .qrModel(Int(p[2])) : .skipped(whole, reason: "GS ( k QR model: missing parameter")
        case 67: return p.count >= 3 ? .qrModuleSize(Int(p[2])) : .skipped(whole, reason: "GS ( k QR size: missing parameter")
        case 69: return p.count >= 3 ? .qrErrorLevel(p[2]) : .skipped(whole, reason: "GS ( k QR level: missing parameter")
        case 80: return p.count >= 3 ? .qrStore(Array(p.dropFirst(3))) : .skipped(whole, reason: "GS ( k QR store: missing m")
        case 81: return .qrPrint
        case 82: return .ignored("GS ( k QR transmit size")
        default: return .skipped(whole, reason: "GS ( k QR function \(p[1]) unknown")
        }
    }

    /// GS ( L / GS 8 L payload: m fn parameters…
    static func graphicsCommand(_ p: [UInt8], whole: [UInt8]) -> EscPosCommand {
        guard p.count >= 2 else { return .skipped(whole, reason: "graphics command too short") }
        let fn = p[1]
        func size(_ k: Int) -> (Int, Int) { (Int(p[k]) | Int(p[k + 1]) << 8, Int(p[k + 2]) | Int(p[k + 3]) << 8) }
        func scale(_ v: UInt8) -> Int { v == 2 || v == 0x32 ? 2 : 1 }
        switch fn {
        case 112:  // m fn a bx by c xL xH yL yH d…
            guard p.count >= 10 else { return .skipped(whole, reason: "graphics store (fn 112) header too short") }
            guard p[2] == 48 else { return .skipped(whole, reason: "graphics store: multiple-tone data (a=\(p[2])) not emulated") }
            let (x, y) = size(6)
            let rowBytes = (x + 7) / 8
            guard x > 0, y > 0, p.count >= 10 + rowBytes * y else {
                return .skipped(whole, reason: "graphics store (fn 112): \(x)×\(y) needs \(rowBytes * y) data bytes, got \(max(0, p.count - 10))")
            }
            return .graphicsStore(Bitmap(width: x, height: y, bits: Array(p[10..<(10 + rowBytes * y)])), scaleX: scale(p[3]), scaleY: scale(p[4]))
        case 50, 2: return .graphicsPrint
        case 67:  // m fn a kc1 kc2 b xL xH yL yH [c d…]…
            guard p.count >= 11 else { return .skipped(whole, reason: "NV graphics define (fn 67) header too short") }
            guard p[2] == 48 else { return .skipped(whole, reason: "NV graphics define: multiple-tone data not emulated") }
            let (x, y) = size(6)
            let rowBytes = (x + 7) / 8
            guard x > 0, y > 0, p.count >= 11 + rowBytes * y else {
                return .skipped(whole, reason: "NV graphics define (fn 67): \(x)×\(y) needs \(rowBytes * y) data bytes")
            }
            return .nvDefine(key: [p[3], p[4]], Bitmap(width: x, height: y, bits: Array(p[11..<(11 + rowBytes * y)])))
        case 69:
            guard p.count >= 6 else { return .skipped(whole, reason: "NV graphics print (fn 69) too short") }
            return .nvPrint(key: [p[2], p[3]], scaleX: scale(p[4]), scaleY: scale(p[5]))
        case 65: return .nvDeleteAll
        case 66:
            guard p.count >= 4 else { return .skipped(whole, reason: "NV graphics delete (fn 66) too short") }
            return .nvDelete(key: [p[2], p[3]])
        case 48, 49, 51, 52, 64, 80, 81, 82: return .ignored("graphics function \(fn)")
        default: return .skipped(whole, reason: "graphics function \(fn) not emulated")
        }
    }
}
