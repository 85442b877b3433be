import Foundation

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

    private let glyphs: [UInt32: Glyph]

    public var count: Int { glyphs.count }

    public init(glyphs: [UInt32: Glyph]) {
        self.glyphs = glyphs
    }

    /// Loads a .hex file. Throws `missingFile` (naming the Debian package) when it is absent.
    public convenience init(path: String = BitmapFont.defaultPath) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BitmapFontError.missingFile(path)
        }
        try self.init(glyphs: BitmapFont.parse(Array(data), path: path))
    }

    public func glyph(for scalar: Unicode.Scalar) -> Glyph? { glyphs[scalar.value] }

    /// Parses .hex text. Byte-level, because the file is 2–3 MB and this runs at start-up.
    static func parse(_ bytes: [UInt8], path: String) throws -> [UInt32: Glyph] {
        var result: [UInt32: Glyph] = [:]
        result.reserveCapacity(bytes.count / 40)
        var lineNumber = 0
        var i = 0
        let n = bytes.count
        while i < n {
            lineNumber += 1
            var end = i
            while end < n && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > i && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if lineEnd > i {
                guard let (code, glyph) = parseLine(bytes, i, lineEnd) else {
                    throw BitmapFontError.malformedLine(path: path, line: lineNumber)
                }
                result[code] = glyph
            }
            i = end + 1
        }
        return result
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    private static func parseLine(_ b: [UInt8], _ start: Int, _ end: Int) -> (UInt32, Glyph)? {
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
        var rows = [UInt16](repeating: 0, count: Glyph.height)
        for r in 0..<Glyph.height {
            var v: UInt32 = 0
            for d in 0..<perRow {
                guard let h = hexValue(b[p + r * perRow + d]) else { return nil }
                v = v << 4 | h
            }
            rows[r] = UInt16(v)
        }
        return (code, Glyph(width: width, rows: rows))
    }
}

extension BitmapFont {
    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: BitmapFont] = [:]

    /// The font at `path`, loaded once per process: the .hex file is a few megabytes and every
    /// print job that needs a raster fallback would otherwise parse it again.
    public static func cached(path: String = BitmapFont.defaultPath) throws -> BitmapFont {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let font = cache[path] { return font }
        let font = try BitmapFont(path: path)
        cache[path] = font
        return font
    }
}
