/// Data encoding of a QR symbol: mode choice, bit stream, padding.
enum QRMode {
    case numeric, alphanumeric, byte

    var indicator: Int {
        switch self {
        case .numeric: return 0x1
        case .alphanumeric: return 0x2
        case .byte: return 0x4
        }
    }

    /// Width of the character-count field, which grows with the version.
    func countBits(version: Int) -> Int {
        let band = version <= 9 ? 0 : (version <= 26 ? 1 : 2)
        switch self {
        case .numeric: return [10, 12, 14][band]
        case .alphanumeric: return [9, 11, 13][band]
        case .byte: return [8, 16, 16][band]
        }
    }

    static let alphanumericCharset: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".utf8)

    /// The most compact single mode that can hold all of `data`.
    static func best(for data: [UInt8]) -> QRMode {
        if data.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .numeric }
        if data.allSatisfy({ alphanumericCharset.contains($0) }) { return .alphanumeric }
        return .byte
    }

    /// Bits the data part takes in this mode (without mode indicator and count).
    func dataBits(count n: Int) -> Int {
        switch self {
        case .numeric: return n / 3 * 10 + [0, 4, 7][n % 3]
        case .alphanumeric: return n / 2 * 11 + (n % 2) * 6
        case .byte: return n * 8
        }
    }
}

struct QRBitBuffer {
    private(set) var bits: [Bool] = []

    mutating func append(_ value: Int, count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) {
            bits.append((value >> i) & 1 != 0)
        }
    }

    var count: Int { bits.count }

    func bytes() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (i, bit) in bits.enumerated() where bit {
            out[i >> 3] |= 0x80 >> UInt8(i & 7)
        }
        return out
    }
}

enum QRSegment {
    /// Data codewords for `data` in `mode`, padded to the symbol's capacity.
    static func dataCodewords(_ data: [UInt8], mode: QRMode, version: Int, capacity: Int) -> [UInt8] {
        var bb = QRBitBuffer()
        bb.append(mode.indicator, count: 4)
        bb.append(data.count, count: mode.countBits(version: version))
        switch mode {
        case .numeric:
            var i = 0
            while i < data.count {
                let n = min(3, data.count - i)
                var value = 0
                for k in 0..<n { value = value * 10 + Int(data[i + k] - 0x30) }
                bb.append(value, count: n * 3 + 1)
                i += n
            }
        case .alphanumeric:
            let index = { (b: UInt8) -> Int in QRMode.alphanumericCharset.firstIndex(of: b)! }
            var i = 0
            while i + 1 < data.count {
                bb.append(index(data[i]) * 45 + index(data[i + 1]), count: 11)
                i += 2
            }
            if i < data.count { bb.append(index(data[i]), count: 6) }
        case .byte:
            for b in data { bb.append(Int(b), count: 8) }
        }
        let capacityBits = capacity * 8
        bb.append(0, count: min(4, capacityBits - bb.count))  // terminator
        bb.append(0, count: (8 - bb.count % 8) % 8)           // to a byte boundary
        var bytes = bb.bytes()
        var pad: UInt8 = 0xEC
        while bytes.count < capacity {
            bytes.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return bytes
    }
}
