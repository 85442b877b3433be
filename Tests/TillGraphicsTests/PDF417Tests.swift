import Testing
@testable import TillGraphics

/// PDF417's pieces against the standard: the Reed–Solomon generator and words, the cluster
/// tables' shape. That a whole symbol scans is shown in TillVirtualPrinterTests/PDF417Tests.
struct PDF417Tests {
    /// Level 0's generator is (x − 3)(x − 9) = x² − 12x + 27; the correction words of any
    /// codewords make the whole a multiple of the generator: it vanishes at every root 3^i.
    @Test func reedSolomonWordsVanishAtEveryRoot() {
        #expect(PDF417ReedSolomon.generator(2) == [27, 917])
        let seed: UInt64 = 929
        var state = seed
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % n }
        for level in 0...8 {
            let count = 1 << (level + 1)
            let data = (0..<(1 + next(60))).map { _ in next(929) }
            let all = data + PDF417ReedSolomon.correction(data, count: count)
            var root = 1
            for i in 1...count {
                root = root * 3 % 929
                let value = all.reduce(0) { ($0 * root + $1) % 929 }
                #expect(value == 0, "seed \(seed) level \(level): not zero at 3^\(i)")
            }
        }
    }

    /// Every pattern is 17 modules, starts with a bar, ends with a space, has four bars, and
    /// belongs to its cluster: (b1 − b2 + b3 − b4 + 9) mod 9 = 0, 3, 6.
    @Test func clusterPatternsAreWellFormed() {
        for (k, cluster) in PDF417Tables.clusters.enumerated() {
            #expect(cluster.count == 929)
            #expect(Set(cluster).count == 929)
            for p in cluster {
                #expect(p >> 16 == 1 && p & 1 == 0, "0x\(String(p, radix: 16))")
                var widths: [Int] = []
                var previous = true, run = 0
                for i in stride(from: 16, through: 0, by: -1) {
                    let dark = p >> UInt32(i) & 1 == 1
                    if dark == previous { run += 1 } else { widths.append(run); run = 1; previous = dark }
                }
                widths.append(run)
                #expect(widths.count == 8 && widths.allSatisfy { (1...6).contains($0) }, "0x\(String(p, radix: 16))")
                if widths.count == 8 { #expect((widths[0] - widths[2] + widths[4] - widths[6] + 9) % 9 == 3 * k) }
            }
        }
    }
}
