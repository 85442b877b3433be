import CZlib

public enum PNGError: Error, Equatable, CustomStringConvertible {
    case notPNG
    case truncated
    case badCRC(chunk: String)
    case missingHeader
    case unsupported(String)
    case interlaced
    case tooLarge(width: Int, height: Int)
    case corruptImageData(String)

    public var description: String {
        switch self {
        case .notPNG: return "not a PNG file (the 8-byte PNG signature is missing)."
        case .truncated: return "the PNG file is cut short: copy or export it again."
        case let .badCRC(chunk): return "the PNG chunk \(chunk) is damaged (CRC mismatch): export the image again."
        case .missingHeader: return "the PNG has no IHDR header chunk first: not a valid PNG."
        case let .unsupported(what): return "unsupported PNG: \(what)."
        case .interlaced: return "interlaced (Adam7) PNGs are not supported: save the image again without interlacing."
        case let .tooLarge(w, h): return "the PNG is \(w)×\(h) pixels, larger than 16384×16384: scale it down first."
        case let .corruptImageData(why): return "the PNG image data is corrupt (\(why)): export the image again."
        }
    }
}

/// A decoded PNG as 8-bit RGBA, row-major.
public struct PNGImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// width × height × 4 bytes: R, G, B, A.
    public let rgba: [UInt8]

    /// Luminance (ITU-R BT.601), 0 = black … 255 = white, with transparency composited onto
    /// white paper (a transparent logo background prints as no ink).
    public func gray() -> [UInt8] {
        var out = [UInt8](repeating: 255, count: width * height)
        for i in 0..<(width * height) {
            let r = Int(rgba[i * 4]), g = Int(rgba[i * 4 + 1]), b = Int(rgba[i * 4 + 2]), a = Int(rgba[i * 4 + 3])
            let lum = (r * 299 + g * 587 + b * 114 + 500) / 1000
            out[i] = UInt8((lum * a + 255 * (255 - a) + 127) / 255)
        }
        return out
    }
}

extension PNG {
    public static func decode(_ bytes: [UInt8]) throws -> PNGImage {
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else { throw PNGError.notPNG }
        var pos = 8
        var header: (w: Int, h: Int, depth: Int, color: Int, interlace: Int)?
        var palette: [UInt8] = []
        var paletteAlpha: [UInt8] = []
        var transparentKey: [Int]?
        var idat: [UInt8] = []
        func u32(_ p: Int) -> Int {
            Int(bytes[p]) << 24 | Int(bytes[p + 1]) << 16 | Int(bytes[p + 2]) << 8 | Int(bytes[p + 3])
        }
        var sawEnd = false
        while pos + 12 <= bytes.count {
            let length = u32(pos)
            let typeBytes = Array(bytes[(pos + 4)..<(pos + 8)])
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= bytes.count - pos - 12 else { throw PNGError.truncated }
            let data = Array(bytes[(pos + 8)..<(pos + 8 + length)])
            let storedCRC = UInt32(u32(pos + 8 + length))
            guard crc(typeBytes + data) == storedCRC else { throw PNGError.badCRC(chunk: type) }
            pos += 12 + length
            if header == nil && type != "IHDR" { throw PNGError.missingHeader }
            switch type {
            case "IHDR":
                guard data.count == 13 else { throw PNGError.missingHeader }
                let w = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
                let h = Int(data[4]) << 24 | Int(data[5]) << 16 | Int(data[6]) << 8 | Int(data[7])
                header = (w, h, Int(data[8]), Int(data[9]), Int(data[12]))
            case "PLTE": palette = data
            case "tRNS":
                if header?.color == 3 { paletteAlpha = data }
                else if data.count >= 2 { transparentKey = stride(from: 0, to: data.count - 1, by: 2).map { Int(data[$0]) << 8 | Int(data[$0 + 1]) } }
            case "IDAT": idat += data
            case "IEND": sawEnd = true
            default: break  // ancillary chunks (gAMA, pHYs, text…) do not change the pixels we need
            }
            if sawEnd { break }
        }
        guard let h = header else { throw PNGError.missingHeader }
        guard sawEnd else { throw PNGError.truncated }
        guard h.interlace == 0 else { throw PNGError.interlaced }
        guard h.w > 0, h.h > 0 else { throw PNGError.corruptImageData("zero width or height") }
        guard h.w <= 16384, h.h <= 16384 else { throw PNGError.tooLarge(width: h.w, height: h.h) }
        let channels: Int
        switch (h.color, h.depth) {
        case (0, 1), (0, 2), (0, 4), (0, 8), (0, 16): channels = 1
        case (2, 8), (2, 16): channels = 3
        case (3, 1), (3, 2), (3, 4), (3, 8): channels = 1
        case (4, 8), (4, 16): channels = 2
        case (6, 8), (6, 16): channels = 4
        default: throw PNGError.unsupported("colour type \(h.color) with bit depth \(h.depth) is not a legal PNG combination")
        }
        if h.color == 3 && palette.isEmpty { throw PNGError.corruptImageData("palette image without PLTE") }
        let bitsPerPixel = channels * h.depth
        let stride = (h.w * bitsPerPixel + 7) / 8
        let bpp = max(1, bitsPerPixel / 8)
        let raw = try inflate(idat, expected: (stride + 1) * h.h)
        let rows = try unfilter(raw, stride: stride, height: h.h, bpp: bpp)

        var rgba = [UInt8](repeating: 255, count: h.w * h.h * 4)
        for y in 0..<h.h {
            let row = y * stride
            for x in 0..<h.w {
                // Samples scaled to 8 bits; 16-bit samples keep their high byte.
                func sample(_ c: Int) -> Int {
                    switch h.depth {
                    case 16: return Int(rows[row + (x * channels + c) * 2])
                    case 8: return Int(rows[row + x * channels + c])
                    default:
                        let bitIndex = x * h.depth
                        let byte = Int(rows[row + bitIndex / 8])
                        let v = (byte >> (8 - h.depth - bitIndex % 8)) & ((1 << h.depth) - 1)
                        return h.color == 3 ? v : v * 255 / ((1 << h.depth) - 1)
                    }
                }
                func sample16(_ c: Int) -> Int {
                    h.depth == 16 ? Int(rows[row + (x * channels + c) * 2]) << 8 | Int(rows[row + (x * channels + c) * 2 + 1]) : -1
                }
                let o = (y * h.w + x) * 4
                switch h.color {
                case 0:
                    let g = sample(0)
                    rgba[o] = UInt8(g); rgba[o + 1] = UInt8(g); rgba[o + 2] = UInt8(g)
                    if let key = transparentKey?.first {
                        let raw = h.depth == 16 ? sample16(0) : (h.depth == 8 ? g : g * ((1 << h.depth) - 1) / 255)
                        if raw == key { rgba[o + 3] = 0 }
                    }
                case 2:
                    rgba[o] = UInt8(sample(0)); rgba[o + 1] = UInt8(sample(1)); rgba[o + 2] = UInt8(sample(2))
                    if let key = transparentKey, key.count == 3 {
                        let rawRGB = h.depth == 16 ? [sample16(0), sample16(1), sample16(2)] : [sample(0), sample(1), sample(2)]
                        if rawRGB == key { rgba[o + 3] = 0 }
                    }
                case 3:
                    let i = sample(0)
                    guard i * 3 + 2 < palette.count else { throw PNGError.corruptImageData("palette index \(i) beyond the palette") }
                    rgba[o] = palette[i * 3]; rgba[o + 1] = palette[i * 3 + 1]; rgba[o + 2] = palette[i * 3 + 2]
                    if i < paletteAlpha.count { rgba[o + 3] = paletteAlpha[i] }
                case 4:
                    let g = UInt8(sample(0))
                    rgba[o] = g; rgba[o + 1] = g; rgba[o + 2] = g; rgba[o + 3] = UInt8(sample(1))
                default:
                    rgba[o] = UInt8(sample(0)); rgba[o + 1] = UInt8(sample(1)); rgba[o + 2] = UInt8(sample(2)); rgba[o + 3] = UInt8(sample(3))
                }
            }
        }
        return PNGImage(width: h.w, height: h.h, rgba: rgba)
    }

    /// zlib-inflates exactly `expected` bytes (the size IHDR implies), so a hostile file cannot
    /// make us allocate more than its header claims.
    static func inflate(_ data: [UInt8], expected: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: expected)
        var outLen = uLongf(expected)
        let status = data.withUnsafeBufferPointer { src in
            uncompress(&out, &outLen, src.baseAddress, uLong(src.count))
        }
        switch status {
        case Z_OK:
            guard Int(outLen) == expected else { throw PNGError.corruptImageData("\(outLen) bytes of pixel data, \(expected) expected") }
            return out
        case Z_BUF_ERROR:
            // Either more data than the header allows or a truncated stream.
            throw PNGError.corruptImageData("pixel data does not match the image size")
        default:
            throw PNGError.corruptImageData("zlib error \(status)")
        }
    }

    /// Reverses the per-row filters (none, sub, up, average, Paeth). Returns rows without the
    /// filter byte, `stride` bytes each.
    static func unfilter(_ raw: [UInt8], stride: Int, height: Int, bpp: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: stride * height)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            let src = y * (stride + 1) + 1
            let dst = y * stride
            for i in 0..<stride {
                let x = Int(raw[src + i])
                let a = i >= bpp ? Int(out[dst + i - bpp]) : 0
                let b = y > 0 ? Int(out[dst - stride + i]) : 0
                let c = (i >= bpp && y > 0) ? Int(out[dst - stride + i - bpp]) : 0
                let v: Int
                switch filter {
                case 0: v = x
                case 1: v = x + a
                case 2: v = x + b
                case 3: v = x + (a + b) / 2
                case 4:
                    let p = a + b - c
                    let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    v = x + (pa <= pb && pa <= pc ? a : (pb <= pc ? b : c))
                default: throw PNGError.corruptImageData("unknown row filter \(filter) in row \(y)")
                }
                out[dst + i] = UInt8(truncatingIfNeeded: v)
            }
        }
        return out
    }
}
