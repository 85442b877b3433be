/// QR Code error-correction level: the share of the symbol that may be damaged and still read
/// (about 7 %, 15 %, 25 %, 30 %).
public enum QRErrorCorrection: Sendable, Hashable, CaseIterable {
    case low, medium, quartile, high

    /// Row in the ISO capacity tables.
    var tableIndex: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .quartile: return 2
        case .high: return 3
        }
    }

    /// The two format-information bits (L=01, M=00, Q=11, H=10).
    var formatBits: Int {
        switch self {
        case .low: return 1
        case .medium: return 0
        case .quartile: return 3
        case .high: return 2
        }
    }
}

public enum QRCodeError: Error, Equatable, CustomStringConvertible {
    /// More data than a version-40 symbol holds at this level.
    case dataTooLong(bytes: Int, level: QRErrorCorrection, maximumBytes: Int)

    public var description: String {
        switch self {
        case let .dataTooLong(bytes, level, maximum):
            return "QR data too long: \(bytes) bytes, a version-40 symbol at level \(level) holds at most \(maximum) bytes. "
                + "Shorten the data or choose a lower error-correction level."
        }
    }
}

/// A QR Code symbol (ISO/IEC 18004, model 2): versions 1–40, numeric, alphanumeric or byte mode
/// (chosen automatically for the whole data), the mask with the lowest penalty score.
public struct QRCode: Sendable, Hashable {
    /// Modules per side (21 for version 1 … 177 for version 40); excludes the quiet zone.
    public let size: Int
    /// 1…40.
    public let version: Int
    public let level: QRErrorCorrection
    /// 0…7.
    public let mask: Int
    private let modules: [Bool]

    /// True = dark module. Coordinates outside the symbol are light (the quiet zone).
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Encodes `data` in the smallest version that holds it at `level`.
    public static func encode(_ data: [UInt8], level: QRErrorCorrection) throws -> QRCode {
        try encode(data, level: level, minimumVersion: 1, mask: nil)
    }

    /// As `encode(_:level:)`, with a lowest version and a forced mask (nil: best by penalty),
    /// for printers that emulate a fixed symbol size.
    public static func encode(_ data: [UInt8], level: QRErrorCorrection, minimumVersion: Int, mask forcedMask: Int?) throws -> QRCode {
        let mode = QRMode.best(for: data)
        var chosen: Int?
        for v in max(1, minimumVersion)...40 {
            let needed = 4 + mode.countBits(version: v) + mode.dataBits(count: data.count)
            if data.count < (1 << mode.countBits(version: v)),
               needed <= QRTables.dataCodewords(version: v, level: level) * 8 {
                chosen = v
                break
            }
        }
        guard let version = chosen else {
            let maxBytes = (QRTables.dataCodewords(version: 40, level: level) * 8 - 4 - 16) / 8
            throw QRCodeError.dataTooLong(bytes: data.count, level: level, maximumBytes: maxBytes)
        }
        let capacity = QRTables.dataCodewords(version: version, level: level)
        let dataCodewords = QRSegment.dataCodewords(data, mode: mode, version: version, capacity: capacity)
        let allCodewords = interleaveWithErrorCorrection(dataCodewords, version: version, level: level)

        var matrix = QRMatrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.drawCodewords(allCodewords)
        let mask: Int
        if let forcedMask, (0...7).contains(forcedMask) {
            mask = forcedMask
        } else {
            var best = 0
            var bestPenalty = Int.max
            for m in 0..<8 {
                var trial = matrix
                trial.applyMask(m)
                trial.drawFormatBits(level: level, mask: m)
                let p = trial.penalty()
                if p < bestPenalty { bestPenalty = p; best = m }
            }
            mask = best
        }
        matrix.applyMask(mask)
        matrix.drawFormatBits(level: level, mask: mask)
        return QRCode(size: matrix.size, version: version, level: level, mask: mask, modules: matrix.modules)
    }

    /// Splits data into blocks, appends each block's EC codewords, interleaves (ISO 18004 §7.6).
    static func interleaveWithErrorCorrection(_ data: [UInt8], version: Int, level: QRErrorCorrection) -> [UInt8] {
        let numBlocks = QRTables.errorCorrectionBlocks[level.tableIndex][version]
        let eccLen = QRTables.eccCodewordsPerBlock[level.tableIndex][version]
        let rawCodewords = QRTables.rawDataModules(version: version) / 8
        let numShortBlocks = numBlocks - rawCodewords % numBlocks
        let shortBlockLen = rawCodewords / numBlocks
        let divisor = QRReedSolomon.divisor(degree: eccLen)

        var blocks: [[UInt8]] = []
        var k = 0
        for i in 0..<numBlocks {
            let dataLen = shortBlockLen - eccLen + (i < numShortBlocks ? 0 : 1)
            let slice = data[k..<(k + dataLen)]
            k += dataLen
            var block = Array(slice)
            let ecc = QRReedSolomon.remainder(slice, divisor: divisor)
            if i < numShortBlocks { block.append(0) }  // placeholder, skipped when interleaving
            block.append(contentsOf: ecc)
            blocks.append(block)
        }
        var result: [UInt8] = []
        result.reserveCapacity(rawCodewords)
        for i in 0..<blocks[0].count {
            for (j, block) in blocks.enumerated() {
                if i != shortBlockLen - eccLen || j >= numShortBlocks {
                    result.append(block[i])
                }
            }
        }
        return result
    }
}
