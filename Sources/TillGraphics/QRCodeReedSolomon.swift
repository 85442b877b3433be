/// Reed-Solomon error correction over GF(256) with the QR polynomial x^8+x^4+x^3+x^2+1.
enum QRReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        // Russian-peasant multiplication: slower than log tables but obviously right,
        // and QR symbols are small.
        var z: Int = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    /// Generator polynomial of the given degree, highest coefficient first (the leading 1 dropped).
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    /// The EC codewords for `data` (the remainder of data·x^n divided by the generator).
    static func remainder(_ data: ArraySlice<UInt8>, divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for b in data {
            let factor = b ^ result.removeFirst()
            result.append(0)
            for i in 0..<divisor.count {
                result[i] ^= multiply(divisor[i], factor)
            }
        }
        return result
    }
}
