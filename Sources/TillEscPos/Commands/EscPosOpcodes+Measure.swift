/// The length rules of the commands whose parameters say how long they are. Bytes may arrive
/// in any chunks: every rule answers `.needMore` until the command is whole, and never reads
/// past the bytes it has (nothing here traps on any input).
extension EscPosOpcodes {
    /// Declared payloads larger than this are taken as garbage (a real printer would wait for
    /// the data forever); only the command header is skipped. 16 MiB is far above any image.
    public static let maximumCommandBytes = 16 << 20

    /// The command at `b[i]` (an ESC, GS, FS or DLE byte): its whole length, or what to do.
    public static func measure(_ b: [UInt8], at i: Int) -> EscPosMeasure {
        let n = b.count - i
        guard n >= 2 else { return .needMore }
        guard let op = opcode(b[i], b[i + 1]) else { return .unknown }
        if let p = op.parameters { return n >= 2 + p ? .length(2 + p) : .needMore }
        func le(_ k: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(b[i + k + $1]) << (8 * $1) } }
        switch op.bytes {
        case realTimeStatus.bytes:  // DLE EOT n; n 7 and 8 take one more byte
            guard n >= 3 else { return .needMore }
            let total = b[i + 2] == 7 || b[i + 2] == 8 ? 4 : 3
            return n >= total ? .length(total) : .needMore
        case [DLE, 0x14]:  // DLE DC4 fn …
            guard n >= 3 else { return .needMore }
            let lengths: [UInt8: Int] = [1: 5, 2: 5, 7: 4, 8: 10]
            guard let total = lengths[b[i + 2]] else { return .invalid(3, reason: "unknown command DLE DC4 \(b[i + 2])") }
            return n >= total ? .length(total) : .needMore
        case [ESC, 0x44]:  // ESC D n1 … nk NUL, k ≤ 32
            var j = i + 2
            var stops = 0
            while true {
                guard j < b.count else { return .needMore }
                if b[j] == 0 { j += 1; break }
                j += 1
                stops += 1
                if stops == 32 { break }
            }
            return .length(j - i)
        case [ESC, 0x2A]:  // ESC * m nL nH d…
            guard n >= 5 else { return .needMore }
            let perColumn: Int
            switch b[i + 2] {
            case 0, 1: perColumn = 1
            case 32, 33: perColumn = 3
            default: return .invalid(3, reason: "ESC * with invalid mode \(b[i + 2])")
            }
            let total = 5 + le(3, 2) * perColumn
            return n >= total ? .length(total) : .needMore
        case defineUserCharacters.bytes:  // ESC & y c1 c2 [x d1…d(y×x)]…
            guard n >= 5 else { return .needMore }
            let y = Int(b[i + 2]), c1 = Int(b[i + 3]), c2 = Int(b[i + 4])
            guard y >= 1, y <= 3, c1 >= 32, c2 <= 126, c1 <= c2 else { return .invalid(5, reason: "ESC & with invalid parameters") }
            var j = i + 5
            for _ in c1...c2 {
                guard j < b.count else { return .needMore }
                j += 1 + y * Int(b[j])
                guard j <= b.count else { return .needMore }
            }
            return .length(j - i)
        case [FS, 0x71]:  // FS q n [xL xH yL yH d…]×n, x and y in units of 8 dots
            guard n >= 3 else { return .needMore }
            var j = i + 3
            for image in 0..<Int(b[i + 2]) {
                guard j + 4 <= b.count else { return .needMore }
                let x = Int(b[j]) | Int(b[j + 1]) << 8, y = Int(b[j + 2]) | Int(b[j + 3]) << 8
                guard x >= 1, x <= 1023, y >= 1, y <= 288 else { return .invalid(j + 4 - i, reason: "FS q image \(image + 1) has an invalid size") }
                j += 4 + x * y * 8
                guard j <= b.count else { return .needMore }
            }
            return .length(j - i)
        case [FS, 0x28], extended.bytes:  // FS ( x pL pH …, GS ( x pL pH …
            guard n >= 5 else { return .needMore }
            let total = 5 + le(3, 2)
            return n >= total ? .length(total) : .needMore
        case cut.bytes:  // GS V m [n]
            guard n >= 3 else { return .needMore }
            switch b[i + 2] {
            case 0, 0x30, 1, 0x31: return .length(3)
            case 65, 66, 97, 98, 103, 104: return n >= 4 ? .length(4) : .needMore
            default: return .invalid(3, reason: "GS V with invalid mode \(b[i + 2])")
            }
        case barcode.bytes:  // GS k m d… NUL (m ≤ 6) or GS k m n d1…dn (65…79)
            guard n >= 3 else { return .needMore }
            let m = b[i + 2]
            if m <= 6 {
                var j = i + 3
                while j < b.count, b[j] != 0 {
                    if j - (i + 3) > 255 { return .invalid(3, reason: "GS k \(m) data has no NUL within 255 bytes") }
                    j += 1
                }
                return j < b.count ? .length(j + 1 - i) : .needMore
            }
            guard (65...79).contains(m) else { return .invalid(3, reason: "GS k with invalid barcode system \(m)") }
            guard n >= 4 else { return .needMore }
            let total = 4 + Int(b[i + 3])
            return n >= total ? .length(total) : .needMore
        case raster.bytes:  // GS v 0 m xL xH yL yH d…
            guard n >= 3 else { return .needMore }
            guard b[i + 2] == 0x30 else { return .invalid(3, reason: "unknown command GS v 0x\(String(b[i + 2], radix: 16, uppercase: true))") }
            guard n >= 8 else { return .needMore }
            let size = le(4, 2) * le(6, 2)
            guard size <= maximumCommandBytes else { return .invalid(8, reason: "GS v 0 declares \(size) bytes: implausible, header skipped") }
            return n >= 8 + size ? .length(8 + size) : .needMore
        case extendedLong.bytes:  // GS 8 L p1 p2 p3 p4 …
            guard n >= 3 else { return .needMore }
            guard b[i + 2] == 0x4C else { return .invalid(3, reason: "unknown command GS 8 0x\(String(b[i + 2], radix: 16, uppercase: true))") }
            guard n >= 7 else { return .needMore }
            let len = le(3, 4)
            guard len <= maximumCommandBytes else { return .invalid(7, reason: "GS 8 L declares \(len) bytes: implausible, header skipped") }
            return n >= 7 + len ? .length(7 + len) : .needMore
        case [GS, 0x2A]:  // GS * x y d1…d(x×y×8)
            guard n >= 4 else { return .needMore }
            let total = 4 + Int(b[i + 2]) * Int(b[i + 3]) * 8
            return n >= total ? .length(total) : .needMore
        default:
            return .unknown
        }
    }
}
