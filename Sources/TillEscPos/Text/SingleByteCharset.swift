import Foundation
import Synchronization

/// A printer code page (ESC t table) as a map from Unicode scalar to its byte 0x80…0xFF, built
/// from iconv by decoding each high byte. ASCII is not stored: every ESC/POS table has it.
public struct SingleByteCharset: Sendable {
    public let encoding: String
    private let bytes: [UInt32: UInt8]

    public func byte(for scalar: Unicode.Scalar) -> UInt8? {
        scalar.value < 0x80 ? UInt8(scalar.value) : bytes[scalar.value]
    }

    public var coveredScalars: Int { bytes.count }

    init?(encoding: String) {
        guard let decoder = Iconv.Converter(from: encoding, to: "UTF-32LE") else { return nil }
        var map: [UInt32: UInt8] = [:]
        for b in 0x80...0xFF {
            guard let out = decoder.convert([UInt8(b)]), out.count == 4 else { continue }
            let v = UInt32(out[0]) | UInt32(out[1]) << 8 | UInt32(out[2]) << 16 | UInt32(out[3]) << 24
            // C0/C1 control characters decoded from a table (ISO 8859's 0x80…0x9F) are not glyphs.
            guard v >= 0xA0, map[v] == nil else { continue }
            map[v] = UInt8(b)
        }
        self.encoding = encoding
        self.bytes = map
    }
}

/// Loads each encoding once per process; tables are immutable afterwards, so lookups need no lock.
public enum CharsetCache {
    private static let singleByte = Mutex<[String: SingleByteCharset?]>([:])
    private static let multiByte = Mutex<[String: MultiByteCharset?]>([:])

    public static func singleByte(_ encoding: String) -> SingleByteCharset? {
        singleByte.withLock { cache in
            if let cached = cache[encoding] { return cached }
            let charset = SingleByteCharset(encoding: encoding)
            cache[encoding] = charset
            return charset
        }
    }

    public static func multiByte(_ encoding: String) -> MultiByteCharset? {
        multiByte.withLock { cache in
            if let cached = cache[encoding] { return cached }
            let charset = MultiByteCharset(encoding: encoding)
            cache[encoding] = charset
            return charset
        }
    }
}
