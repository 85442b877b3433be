/// PDF417 error correction: Reed–Solomon over the prime field GF(929), generator
/// ∏(x − 3^i) for i = 1…count (ISO/IEC 15438 §5.7).
enum PDF417ReedSolomon {
    /// The generator's coefficients, lowest degree first, leading 1 left out.
    static func generator(_ count: Int) -> [Int] {
        var g = [1]
        var power = 1
        for _ in 0..<count {
            power = power * 3 % 929
            // g × (x − power)
            var next = [Int](repeating: 0, count: g.count + 1)
            for (i, c) in g.enumerated() {
                next[i + 1] = (next[i + 1] + c) % 929
                next[i] = (next[i] + 929 - c * power % 929) % 929
            }
            g = next
        }
        return Array(g.dropLast())
    }

    /// The `count` correction codewords for `data`, in the order they follow it.
    static func correction(_ data: [Int], count: Int) -> [Int] {
        let factors = generator(count)
        var ec = [Int](repeating: 0, count: count)
        for word in data {
            let t = (word + ec[count - 1]) % 929
            for x in stride(from: count - 1, through: 0, by: -1) {
                let lower = x > 0 ? ec[x - 1] : 0
                ec[x] = (lower + 929 - t * factors[x] % 929) % 929
            }
        }
        return ec.reversed().map { $0 > 0 ? 929 - $0 : 0 }
    }
}
