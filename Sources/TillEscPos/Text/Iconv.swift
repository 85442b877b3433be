#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts through the C library's iconv. Used only to build lookup tables once per encoding,
/// so the per-character work at print time is a table read, not a C call.
enum Iconv {
    /// Whether iconv knows `encoding` (as a target from UTF-8).
    static func isKnown(_ encoding: String) -> Bool {
        guard let cd = iconv_open(encoding, "UTF-8"), cd != iconv_t(bitPattern: -1) else { return false }
        iconv_close(cd)
        return true
    }

    /// An open converter, closed when released.
    final class Converter {
        private let cd: iconv_t

        init?(from: String, to: String) {
            guard let cd = iconv_open(to, from), cd != iconv_t(bitPattern: -1) else { return nil }
            self.cd = cd
        }

        deinit { iconv_close(cd) }

        /// The converted bytes, or nil when any input byte has no mapping in the target.
        func convert(_ input: [UInt8]) -> [UInt8]? {
            var input = input
            var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
            let produced: Int? = input.withUnsafeMutableBytes { inRaw in
                output.withUnsafeMutableBytes { outRaw in
                    var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var inLeft = inRaw.count
                    var outLeft = outRaw.count
                    // Reset the shift state so one failed character does not poison the next.
                    _ = iconv(cd, nil, nil, nil, nil)
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if r == -1 || inLeft != 0 || r > 0 { return nil } // r > 0: irreversible (lossy) conversions
                    return outRaw.count - outLeft
                }
            }
            guard let n = produced else { return nil }
            return Array(output[0..<n])
        }
    }
}
