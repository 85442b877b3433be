/// The module grid of a QR symbol while it is being built: function patterns, data placement,
/// masking and the penalty score used to choose the mask.
struct QRMatrix {
    let version: Int
    let size: Int
    var modules: [Bool]
    /// Modules that belong to function patterns (finder, timing, alignment, format, version):
    /// never carry data and are never masked.
    var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        self.size = version * 4 + 17
        modules = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
    }

    subscript(x: Int, y: Int) -> Bool {
        get { modules[y * size + x] }
        set { modules[y * size + x] = newValue }
    }

    mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let align = QRTables.alignmentPositions(version: version)
        let n = align.count
        for i in 0..<n {
            for j in 0..<n {
                // The three corners hold finder patterns instead.
                if (i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0) { continue }
                drawAlignment(align[i], align[j])
            }
        }
        drawFormatBits(level: .low, mask: 0)  // reserves the area; redrawn after masking
        drawVersion()
    }

    private mutating func drawFinder(_ cx: Int, _ cy: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let dist = max(abs(dx), abs(dy))
                let x = cx + dx
                let y = cy + dy
                if x >= 0, x < size, y >= 0, y < size {
                    setFunction(x, y, dist != 2 && dist != 4)
                }
            }
        }
    }

    private mutating func drawAlignment(_ cx: Int, _ cy: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Format information: EC level and mask, BCH(15,5) protected, drawn twice.
    mutating func drawFormatBits(level: QRErrorCorrection, mask: Int) {
        let data = level.formatBits << 3 | mask
        var rem = data
        for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
        let bits = (data << 10 | rem) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 != 0 }

        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }

        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)  // the dark module
    }

    /// Version information (versions 7+), BCH(18,6) protected, drawn twice.
    private mutating func drawVersion() {
        guard version >= 7 else { return }
        var rem = version
        for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
        let bits = version << 12 | rem
        for i in 0..<18 {
            let dark = (bits >> i) & 1 != 0
            let a = size - 11 + i % 3
            let b = i / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    /// Places codewords in the zig-zag order: two-module columns from the right, alternating
    /// upward and downward, skipping the vertical timing column.
    mutating func drawCodewords(_ data: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vert in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vert : vert
                    if !isFunction[y * size + x], i < data.count * 8 {
                        self[x, y] = (data[i >> 3] >> (7 - UInt8(i & 7))) & 1 != 0
                        i += 1
                    }
                    // Remainder bits (past the last codeword) stay light, as the standard says.
                }
            }
            right -= 2
        }
    }

    static func maskBit(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (x / 3 + y / 2) % 2 == 0
        case 5: return x * y % 2 + x * y % 3 == 0
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// XORs the mask onto data modules (applying it twice undoes it).
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] {
                if QRMatrix.maskBit(mask, x: x, y: y) { self[x, y].toggle() }
            }
        }
    }

    /// ISO 18004 §7.8.3 penalty: runs, 2×2 blocks, finder-like patterns, dark/light balance.
    func penalty() -> Int {
        var result = 0
        // Rules 1 and 3 on rows and on columns.
        for line in 0..<size {
            var row = [Bool](repeating: false, count: size)
            var col = [Bool](repeating: false, count: size)
            for i in 0..<size {
                row[i] = self[i, line]
                col[i] = self[line, i]
            }
            result += QRMatrix.runPenalty(row) + QRMatrix.finderLikePenalty(row)
            result += QRMatrix.runPenalty(col) + QRMatrix.finderLikePenalty(col)
        }
        // Rule 2: 2×2 blocks of one colour.
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = self[x, y]
                if c == self[x + 1, y], c == self[x, y + 1], c == self[x + 1, y + 1] { result += 3 }
            }
        }
        // Rule 4: share of dark modules away from 50 %, 10 points per 5 %.
        let dark = modules.lazy.filter { $0 }.count
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        result += k * 10
        return result
    }

    static func runPenalty(_ line: [Bool]) -> Int {
        var result = 0
        var runColor = line[0]
        var runLength = 1
        for i in 1..<line.count {
            if line[i] == runColor {
                runLength += 1
            } else {
                if runLength >= 5 { result += 3 + runLength - 5 }
                runColor = line[i]
                runLength = 1
            }
        }
        if runLength >= 5 { result += 3 + runLength - 5 }
        return result
    }

    /// 40 points per dark-light-dark pattern 1:1:3:1:1 with four light modules on one side
    /// (modules beyond the edge count as light, the quiet zone).
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let core: [Bool] = [true, false, true, true, true, false, true]
        var result = 0
        let n = line.count
        func at(_ i: Int) -> Bool { i >= 0 && i < n ? line[i] : false }
        for start in 0...(n - 7) {
            var match = true
            for k in 0..<7 where line[start + k] != core[k] { match = false; break }
            guard match else { continue }
            let lightBefore = (1...4).allSatisfy { !at(start - $0) }
            let lightAfter = (0..<4).allSatisfy { !at(start + 7 + $0) }
            if lightBefore { result += 40 }
            if lightAfter { result += 40 }
        }
        return result
    }
}
