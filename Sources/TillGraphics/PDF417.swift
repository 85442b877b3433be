/// The size and error correction a PDF417 symbol is asked for, as `GS ( k` cn 48 sets them:
/// 0 columns or rows means "as many as the data needs".
public struct PDF417Options: Sendable, Hashable {
    /// Data columns, 1…30; 0: chosen from the data.
    public var columns: Int = 0
    /// Rows, 3…90; 0: chosen from the data.
    public var rows: Int = 0
    /// How much error correction: a fixed level, or a share of the data codewords.
    public var errorCorrection: PDF417ErrorCorrection = .ratio(tenths: 1)
    /// The most columns an automatic choice may take (what fits the paper).
    public var maximumColumns = 30

    public init(columns: Int = 0, rows: Int = 0, errorCorrection: PDF417ErrorCorrection = .ratio(tenths: 1)) {
        self.columns = columns
        self.rows = rows
        self.errorCorrection = errorCorrection
    }
}

public enum PDF417ErrorCorrection: Sendable, Hashable {
    /// Level 0…8: 2^(level+1) codewords.
    case level(Int)
    /// At least `tenths` × 10 % of the data codewords (the lowest level holding that many, at
    /// least level 1), Epson's fn 69 m = 49.
    case ratio(tenths: Int)
}

public enum PDF417Error: Error, Equatable, CustomStringConvertible {
    case empty
    case tooMuchData(codewords: Int)
    case doesNotFit(codewords: Int, columns: Int, rows: Int)

    public var description: String {
        switch self {
        case .empty: return "PDF417 symbol with no data: store the data (fn 80) before printing it."
        case let .tooMuchData(codewords):
            return "PDF417 data needs \(codewords) codewords, a symbol holds at most 928: shorten the data or lower the error correction."
        case let .doesNotFit(codewords, columns, rows):
            return "PDF417 data needs \(codewords) codewords, \(columns) columns × \(rows) rows hold \(columns * rows): set more columns or rows, or 0 for automatic."
        }
    }
}

/// A PDF417 symbol (ISO/IEC 15438): text compaction for printable ASCII, byte compaction for
/// anything else, Reed–Solomon error correction over GF(929), the three row clusters, start
/// and stop patterns. `modules[row]` is one row's dark modules, left to right.
public struct PDF417: Sendable, Equatable {
    public let columns: Int
    public let rows: Int
    public let errorLevel: Int
    public let modules: [[Bool]]
    /// Modules in a row: start (17), left indicator, data columns, right indicator, stop (18).
    public var width: Int { 17 * (columns + 4) + 1 }

    static let start: UInt32 = 0x1FEA8  // 17 modules
    static let stop: UInt32 = 0x3FA29   // 18 modules

    public static func encode(_ data: [UInt8], options: PDF417Options = PDF417Options()) throws -> PDF417 {
        guard !data.isEmpty else { throw PDF417Error.empty }
        let words = PDF417Compaction.compact(data)
        // The length descriptor counts itself, the data and the padding, not the error correction.
        let level = errorLevel(options.errorCorrection, dataCount: words.count + 1)
        let ecCount = 1 << (level + 1)
        let needed = words.count + 1 + ecCount
        guard words.count + 1 <= 928 else { throw PDF417Error.tooMuchData(codewords: needed) }
        let (columns, rows) = try size(needed: needed, options: options)
        // Padding counts in the length descriptor, which may not pass 928 either.
        guard columns * rows - ecCount <= 928 else { throw PDF417Error.tooMuchData(codewords: columns * rows) }
        let padding = columns * rows - needed
        var all = [columns * rows - ecCount] + words + [Int](repeating: 900, count: padding)
        all += PDF417ReedSolomon.correction(all, count: ecCount)
        var modules: [[Bool]] = []
        modules.reserveCapacity(rows)
        for r in 0..<rows {
            let cluster = PDF417Tables.clusters[r % 3]
            let indicators = rowIndicators(row: r, rows: rows, columns: columns, level: level)
            var row: [Bool] = []
            row.reserveCapacity(17 * (columns + 4) + 1)
            func put(_ pattern: UInt32, _ n: Int) { for k in stride(from: n - 1, through: 0, by: -1) { row.append(pattern >> UInt32(k) & 1 == 1) } }
            put(start, 17)
            put(cluster[indicators.left], 17)
            for c in 0..<columns { put(cluster[all[r * columns + c]], 17) }
            put(cluster[indicators.right], 17)
            put(stop, 18)
            modules.append(row)
        }
        return PDF417(columns: columns, rows: rows, errorLevel: level, modules: modules)
    }

    static func errorLevel(_ ec: PDF417ErrorCorrection, dataCount: Int) -> Int {
        switch ec {
        case .level(let l): return min(8, max(0, l))
        case .ratio(let tenths):
            let wanted = (dataCount * min(40, max(1, tenths)) + 9) / 10
            var level = 1
            while level < 8 && (1 << (level + 1)) < wanted { level += 1 }
            return level
        }
    }

    /// Columns and rows holding `needed` codewords: as asked, or chosen so the symbol is
    /// about three times as wide as tall in modules when both are automatic.
    static func size(needed: Int, options: PDF417Options) throws -> (columns: Int, rows: Int) {
        let askedColumns = min(30, max(0, options.columns)), askedRows = options.rows == 0 ? 0 : min(90, max(3, options.rows))
        func rowsFor(_ c: Int) -> Int { max(3, (needed + c - 1) / c) }
        switch (askedColumns, askedRows) {
        case (0, 0):
            let most = min(30, max(1, options.maximumColumns))
            var c = 1
            while c < most && (rowsFor(c) > 90 || rowsFor(c) * 3 > c * 4) { c += 1 }
            guard rowsFor(c) <= 90 else { throw PDF417Error.doesNotFit(codewords: needed, columns: c, rows: 90) }
            return (c, rowsFor(c))
        case (0, let r):
            let c = max(1, (needed + r - 1) / r), most = min(30, max(1, options.maximumColumns))
            // Told with the most columns the paper takes, not 30: those are what did not hold the data.
            guard c <= most else { throw PDF417Error.doesNotFit(codewords: needed, columns: most, rows: r) }
            return (c, r)
        case (let c, 0):
            guard rowsFor(c) <= 90 else { throw PDF417Error.doesNotFit(codewords: needed, columns: c, rows: 90) }
            return (c, rowsFor(c))
        case (let c, let r):
            guard c * r >= needed else { throw PDF417Error.doesNotFit(codewords: needed, columns: c, rows: r) }
            return (c, r)
        }
    }

    /// The left and right row indicators: row count, level and columns spread over each
    /// three rows, so a reader finds the symbol's shape from any row.
    static func rowIndicators(row r: Int, rows: Int, columns: Int, level: Int) -> (left: Int, right: Int) {
        let base = 30 * (r / 3)
        let rowsPart = (rows - 1) / 3, levelPart = level * 3 + (rows - 1) % 3, columnsPart = columns - 1
        switch r % 3 {
        case 0: return (base + rowsPart, base + columnsPart)
        case 1: return (base + levelPart, base + rowsPart)
        default: return (base + columnsPart, base + levelPart)
        }
    }
}
