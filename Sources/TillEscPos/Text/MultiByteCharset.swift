import Foundation
import Synchronization

/// A double-byte printer encoding (GB18030, GBK, Big5, Shift-JIS) as a lookup table over the
/// Basic Multilingual Plane, built once from iconv. Non-BMP scalars go through iconv on demand.
public struct MultiByteCharset: Sendable {
    public let encoding: String
    /// Per BMP scalar: 0 = no mapping; < 0x100 one byte; < 0x10000 two bytes (big-endian);
    /// otherwise four bytes.
    private let table: [UInt32]
    /// iconv_t is not thread-safe: the converter is only reached through this Mutex.
    private let supplementary: SharedConverter

    init?(encoding: String) {
        guard let converter = Iconv.Converter(from: "UTF-32LE", to: encoding) else { return nil }
        var table = [UInt32](repeating: 0, count: 0x10000)
        for v in 0x80..<0x10000 where !(0xD800...0xDFFF).contains(v) {
            let input: [UInt8] = [UInt8(v & 0xFF), UInt8(v >> 8), 0, 0]
            guard let out = converter.convert(input), !out.isEmpty, out.count <= 4, out.count != 3 else { continue }
            table[v] = out.reduce(0) { $0 << 8 | UInt32($1) }
            if out.count == 1 && out[0] == 0 { table[v] = 0 }
        }
        for v in 0..<0x80 { table[v] = UInt32(v) }
        self.encoding = encoding
        self.table = table
        self.supplementary = SharedConverter(Iconv.Converter(from: "UTF-32LE", to: encoding))
    }

    /// The packed code for a BMP scalar (see `table`), 0 when unmapped: lets the writer append
    /// bytes without building an array per character.
    @inline(__always)
    func packedCode(_ v: UInt32) -> UInt32 { v < 0x10000 ? table[Int(v)] : 0 }

    /// The bytes for `scalar`, or nil when the encoding lacks it. `allowFourByte` false limits
    /// GB18030 to its one- and two-byte (GBK) part, which every Chinese printer prints.
    public func bytes(for scalar: Unicode.Scalar, allowFourByte: Bool) -> ArraySlice<UInt8>? {
        let v = scalar.value
        if v < 0x10000 {
            let code = table[Int(v)]
            if code == 0 { return v == 0 ? [0] : nil }
            if code < 0x100 { return [UInt8(code)] }
            if code < 0x10000 { return [UInt8(code >> 8), UInt8(code & 0xFF)] }
            guard allowFourByte else { return nil }
            return [UInt8(code >> 24), UInt8(code >> 16 & 0xFF), UInt8(code >> 8 & 0xFF), UInt8(code & 0xFF)]
        }
        guard allowFourByte else { return nil }
        let input: [UInt8] = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), 0]
        let out = supplementary.convert(input)
        guard let out, out.count == 4 else { return nil }
        return out[...]
    }
}

/// An iconv converter held by reference behind a Mutex, so a struct holding it stays copyable
/// and Sendable (iconv_t keeps shift state and is not thread-safe).
final class SharedConverter: Sendable {
    private let converter: Mutex<Iconv.Converter?>
    init(_ converter: sending Iconv.Converter?) { self.converter = Mutex(converter) }
    func convert(_ input: [UInt8]) -> [UInt8]? { converter.withLock { $0?.convert(input) } }
}
