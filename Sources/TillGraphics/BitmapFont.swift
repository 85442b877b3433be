import Foundation
import Synchronization

/// One glyph of a bitmap font: 16 rows, 8 or 16 dots wide. Row bits are MSB-first, so for an
/// 8-dot glyph only the low byte of each row is used (bit 7 = leftmost dot).
public struct Glyph: Hashable, Sendable {
    public let width: Int
    public let rows: [UInt16]
    public static let height = 16

    public init(width: Int, rows: [UInt16]) {
        precondition(width == 8 || width == 16, "unifont glyphs are 8 or 16 dots wide")
        precondition(rows.count == Glyph.height, "unifont glyphs have 16 rows")
        self.width = width
        self.rows = rows
    }

    /// True when the dot at column `x`, row `y` is black.
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, x < width, y >= 0, y < Glyph.height else { return false }
        return rows[y] & (1 << UInt16(width - 1 - x)) != 0
    }
}

public enum BitmapFontError: Error, CustomStringConvertible, Equatable {
    case missingFile(String)
    case malformedLine(path: String, line: Int)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "bitmap font \(path) not found: install it with `apt-get install unifont` "
                + "(or pass the path of another unifont .hex file)"
        case .malformedLine(let path, let line):
            return "bitmap font \(path), line \(line): not a unifont .hex line (CODEPOINT:HEXBITS)"
        }
    }
}

/// A font in GNU Unifont's .hex format ("4E2D:0100...": code point, colon, 32 or 64 hex digits).
/// It covers the whole Basic Multilingual Plane, CJK included, so the printer driver can draw any
/// character a printer lacks as a raster image.
public final class BitmapFont: Sendable {
    public static let defaultPath = "/usr/share/unifont/unifont.hex"

    /// Compact on purpose (the till keeps the font loaded): every glyph's 16 rows in one array,
    /// found through a slot table for the Basic Multilingual Plane (-1: no glyph) and a small
    /// dictionary above it. A dictionary of per-glyph arrays cost about 8 MB of the till's memory.
    private let bmpSlots: [Int32]
    private let otherSlots: [UInt32: Int32]
    private let rowData: [UInt16]
    private let widths: [UInt8]

    public var count: Int { widths.count }

    public init(glyphs: [UInt32: Glyph]) {
        var builder = Builder()
        for (code, glyph) in glyphs.sorted(by: { $0.key < $1.key }) { builder.add(code, width: glyph.width, rows: glyph.rows) }
        (bmpSlots, otherSlots, rowData, widths) = builder.finish()
    }

    init(_ builder: Builder) {
        var builder = builder
        (bmpSlots, otherSlots, rowData, widths) = builder.finish()
    }

    /// Loads a .hex file. Throws `missingFile` (naming the Debian package) when it is absent.
    public convenience init(path: String = BitmapFont.defaultPath) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BitmapFontError.missingFile(path)
        }
        // Parsed in place: a copy of the 2–3 MB file would raise the till's peak memory.
        self.init(try data.withUnsafeBytes { try BitmapFont.parse($0, path: path) })
    }

    public func glyph(for scalar: Unicode.Scalar) -> Glyph? {
        let v = scalar.value
        let slot = v < 0x10000 ? bmpSlots[Int(v)] : (otherSlots[v] ?? -1)
        guard slot >= 0 else { return nil }
        let base = Int(slot) * Glyph.height
        return Glyph(width: Int(widths[Int(slot)]), rows: Array(rowData[base..<base + Glyph.height]))
    }

    /// Every glyph with its code point, in code point order (for reading printed dots back
    /// into text, as the virtual printer does with downloaded characters).
    public func forEachGlyph(_ body: (Unicode.Scalar, Glyph) -> Void) {
        var codes: [(UInt32, Int32)] = []
        for code in 0..<0x10000 where bmpSlots[code] >= 0 { codes.append((UInt32(code), bmpSlots[code])) }
        codes += otherSlots.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        for (code, slot) in codes {
            guard let scalar = Unicode.Scalar(code) else { continue }
            let base = Int(slot) * Glyph.height
            body(scalar, Glyph(width: Int(widths[Int(slot)]), rows: Array(rowData[base..<base + Glyph.height])))
        }
    }

    /// Collects glyphs into the compact arrays; a code seen twice keeps its last glyph.
    struct Builder {
        var bmpSlots = [Int32](repeating: -1, count: 0x10000)
        var otherSlots: [UInt32: Int32] = [:]
        var rowData: [UInt16] = []
        var widths: [UInt8] = []

        mutating func add(_ code: UInt32, width: Int, rows: some Collection<UInt16>) {
            let existing = code < 0x10000 ? bmpSlots[Int(code)] : (otherSlots[code] ?? -1)
            if existing >= 0 {
                let base = Int(existing) * Glyph.height
                rowData.replaceSubrange(base..<base + Glyph.height, with: rows)
                widths[Int(existing)] = UInt8(width)
                return
            }
            let slot = Int32(widths.count)
            if code < 0x10000 { bmpSlots[Int(code)] = slot } else { otherSlots[code] = slot }
            rowData.append(contentsOf: rows)
            widths.append(UInt8(width))
        }

        mutating func finish() -> ([Int32], [UInt32: Int32], [UInt16], [UInt8]) {
            (bmpSlots, otherSlots, rowData, widths)
        }
    }

    /// Parses .hex text. Byte-level, because the file is 2–3 MB and this runs at start-up.
    static func parse<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, path: String) throws -> Builder where Bytes.Index == Int {
        var builder = Builder()
        builder.rowData.reserveCapacity(bytes.count / 40 * Glyph.height)
        builder.widths.reserveCapacity(bytes.count / 40)
        var rows = [UInt16](repeating: 0, count: Glyph.height)
        var lineNumber = 0
        var i = bytes.startIndex
        let n = bytes.endIndex
        while i < n {
            lineNumber += 1
            var end = i
            while end < n && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > i && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd > i {
                guard let (code, width) = parseLine(bytes, i, lineEnd, into: &rows) else {
                    throw BitmapFontError.malformedLine(path: path, line: lineNumber)
                }
                builder.add(code, width: width, rows: rows)
            }
            i = end + 1
        }
        return builder
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// One "CODE:HEX" line into `rows`; returns the code and the glyph width.
    private static func parseLine<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes, _ start: Int, _ end: Int,
                                                                       into rows: inout [UInt16]) -> (UInt32, Int)? where Bytes.Index == Int {
        var p = start
        var code: UInt32 = 0
        while p < end && b[p] != 0x3A {
            guard let v = hexValue(b[p]) else { return nil }
            code = code << 4 | v
            p += 1
        }
        guard p < end, p > start else { return nil }
        p += 1
        let digits = end - p
        guard digits == 32 || digits == 64 else { return nil }
        let width = digits == 32 ? 8 : 16
        let perRow = width / 4
        for r in 0..<Glyph.height {
            var v: UInt32 = 0
            for d in 0..<perRow {
                guard let h = hexValue(b[p + r * perRow + d]) else { return nil }
                v = v << 4 | h
            }
            rows[r] = UInt16(v)
        }
        return (code, width)
    }
}

extension BitmapFont {
    private static let cache = Mutex<[String: BitmapFont]>([:])

    /// The font at `path`, loaded once per process: the .hex file is a few megabytes and every
    /// print job that needs a raster fallback would otherwise parse it again.
    public static func cached(path: String = BitmapFont.defaultPath) throws -> BitmapFont {
        try cache.withLock { cache in
            if let font = cache[path] { return font }
            let font = try BitmapFont(path: path)
            cache[path] = font
            return font
        }
    }
}
