/// Reduces a grayscale image to printer dots. Threshold suits logos and line art (crisp edges);
/// Floyd–Steinberg suits photos (it spreads each pixel's rounding error to its neighbours so
/// average brightness survives).
public enum Dither {
    public enum Method: String, Sendable, CaseIterable, Codable {
        case threshold, floydSteinberg
    }

    public static func apply(_ method: Method, to image: GrayImage, threshold level: UInt8 = 128) -> Bitmap {
        switch method {
        case .threshold: return threshold(image, level: level)
        case .floydSteinberg: return floydSteinberg(image, level: level)
        }
    }

    /// Pixels darker than `level` become black dots.
    public static func threshold(_ image: GrayImage, level: UInt8 = 128) -> Bitmap {
        var bitmap = Bitmap(width: image.width, height: image.height)
        let rowBytes = bitmap.rowBytes
        image.pixels.withUnsafeBufferPointer { src in
            bitmap.bits.withUnsafeMutableBufferPointer { dst in
                for y in 0..<image.height {
                    let row = y * image.width
                    for x in 0..<image.width where src[row + x] < level {
                        dst[y * rowBytes + (x >> 3)] |= 0x80 >> UInt8(x & 7)
                    }
                }
            }
        }
        return bitmap
    }

    /// Floyd–Steinberg error diffusion (7/16 right, 3/16 down-left, 5/16 down, 1/16 down-right),
    /// integer arithmetic with two rolling error rows so a 576-dot-wide photo stays in cache.
    public static func floydSteinberg(_ image: GrayImage, level: UInt8 = 128) -> Bitmap {
        let w = image.width, h = image.height
        var bitmap = Bitmap(width: w, height: h)
        guard w > 0, h > 0 else { return bitmap }
        let rowBytes = bitmap.rowBytes
        let cut = Int32(level)
        // Errors are kept ×16 so the divisions happen once per pixel; +2 columns of margin
        // avoid edge checks.
        var current = [Int32](repeating: 0, count: w + 2)
        var next = [Int32](repeating: 0, count: w + 2)
        image.pixels.withUnsafeBufferPointer { src in
            bitmap.bits.withUnsafeMutableBufferPointer { dst in
                for y in 0..<h {
                    current.withUnsafeMutableBufferPointer { cur in
                        next.withUnsafeMutableBufferPointer { nxt in
                            let row = y * w
                            let out = y * rowBytes
                            for x in 0..<w {
                                let value = Int32(src[row + x]) + (cur[x + 1] >> 4)
                                let error: Int32
                                if value < cut {
                                    dst[out + (x >> 3)] |= 0x80 >> UInt8(x & 7)
                                    error = value
                                } else {
                                    error = value - 255
                                }
                                cur[x + 2] += error * 7
                                nxt[x] += error * 3
                                nxt[x + 1] += error * 5
                                nxt[x + 2] += error
                            }
                            for i in 0..<(w + 2) { cur[i] = 0 }
                        }
                    }
                    swap(&current, &next)
                }
            }
        }
        return bitmap
    }
}
