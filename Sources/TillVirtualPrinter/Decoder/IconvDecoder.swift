import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decodes legacy encodings (code pages, GB18030, Big5, Shift-JIS) to Unicode with the C
/// library's iconv: the same tables the encoder uses, read in the other direction.
final class IconvDecoder {
    private let cd: iconv_t
    let encoding: String

    init?(encoding: String) {
        guard let cd = iconv_open("UTF-32LE", encoding), cd != iconv_t(bitPattern: -1) else { return nil }
        self.cd = cd
        self.encoding = encoding
    }

    deinit { iconv_close(cd) }

    /// The scalars `bytes` decode to, or nil when they are not one complete valid sequence.
    func decode(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 8 + 8)
        let produced: Int? = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outLeft = outRaw.count
                _ = iconv(cd, nil, nil, nil, nil)  // fresh shift state for every sequence
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return nil }
                // Stateful tables (CP1255, CP1258) hold a letter back in case a combining mark
                // follows: flushing hands it over, so one byte decodes to its letter, not to nothing.
                if iconv(cd, nil, nil, &outPtr, &outLeft) == -1 { return nil }
                return outRaw.count - outLeft
            }
        }
        guard let n = produced, n % 4 == 0 else { return nil }
        var scalars: [Unicode.Scalar] = []
        for i in stride(from: 0, to: n, by: 4) {
            let v = UInt32(output[i]) | UInt32(output[i + 1]) << 8 | UInt32(output[i + 2]) << 16 | UInt32(output[i + 3]) << 24
            guard let s = Unicode.Scalar(v) else { return nil }
            scalars.append(s)
        }
        return scalars
    }
}
