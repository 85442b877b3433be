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
        let w = image.width, rowBytes = bitmap.rowBytes
        image.pixels.withUnsafeBufferPointer { src in
            bitmap.bits.withUnsafeMutableBufferPointer { dst in
                for y in 0..<image.height {
                    let row = y * w, out = y * rowBytes
                    // Eight pixels make one byte, leftmost in the high bit. Wrapping operators:
                    // the indices cannot overflow and checked shifts cost a branch a pixel.
                    var byte: UInt8 = 0
                    for x in 0..<w {
                        byte = byte &<< 1 | (src[row &+ x] < level ? 1 : 0)
                        if x & 7 == 7 { dst[out &+ (x &>> 3)] = byte; byte = 0 }
                    }
                    if w & 7 != 0 { dst[out + (w >> 3)] = byte &<< UInt8(8 - w & 7) }
                }
            }
        }
        return bitmap
    }

    /// Floyd–Steinberg error diffusion (7/16 right, 3/16 down-left, 5/16 down, 1/16 down-right)
    /// in integers. Each pixel waits for its left neighbour's error, a chain that bounds the
    /// speed, so rows are done in pairs with the second one pixel behind the first: two
    /// independent chains the processor overlaps. Errors bound for the next row are summed in
    /// registers and each stored once.
    public static func floydSteinberg(_ image: GrayImage, level: UInt8 = 128) -> Bitmap {
        let w = image.width, h = image.height
        var bitmap = Bitmap(width: w, height: h)
        guard w > 0, h > 0 else { return bitmap }
        let rowBytes = bitmap.rowBytes
        // Errors ×16 for pixel x in slot x + 1 (one slot of margin each side). `a` feeds the
        // even rows (and receives from the odd ones), `b` the odd rows.
        var a = [Int32](repeating: 0, count: w + 2)
        var b = [Int32](repeating: 0, count: w + 2)
        image.pixels.withUnsafeBufferPointer { src in
            bitmap.bits.withUnsafeMutableBufferPointer { dst in
                a.withUnsafeMutableBufferPointer { a in
                    b.withUnsafeMutableBufferPointer { b in
                        var y = 0
                        while y + 1 < h {
                            var first = Row(src: src, dst: dst, y: y, width: w, rowBytes: rowBytes, level: level)
                            var second = Row(src: src, dst: dst, y: y + 1, width: w, rowBytes: rowBytes, level: level)
                            for x in 0..<w {
                                first.step(x, from: a, to: b)
                                if x > 0 { second.step(x - 1, from: b, to: a) }
                            }
                            first.finish(to: b)
                            second.step(w - 1, from: b, to: a)
                            second.finish(to: a)
                            y += 2
                        }
                        if y < h {
                            var last = Row(src: src, dst: dst, y: y, width: w, rowBytes: rowBytes, level: level)
                            for x in 0..<w { last.step(x, from: a, to: b) }
                            last.finish(to: b)
                        }
                    }
                }
            }
        }
        return bitmap
    }

    /// One row's error-diffusion state. Wrapping arithmetic throughout: errors stay within
    /// ±16 × 510 and indices within the image, so overflow checks would only cost time.
    private struct Row {
        let src: UnsafeBufferPointer<UInt8>
        let dst: UnsafeMutableBufferPointer<UInt8>
        let row: Int, out: Int, width: Int
        let cut: Int32
        var right: Int32 = 0     // 7/16 share carried to x + 1
        var below0: Int32 = 0    // next row's x − 1 so far
        var below1: Int32 = 0    // next row's x so far
        var byte: UInt8 = 0

        init(src: UnsafeBufferPointer<UInt8>, dst: UnsafeMutableBufferPointer<UInt8>, y: Int, width: Int, rowBytes: Int, level: UInt8) {
            self.src = src
            self.dst = dst
            row = y * width
            out = y * rowBytes
            self.width = width
            cut = Int32(level)
        }

        @inline(__always)
        mutating func step(_ x: Int, from cur: UnsafeMutableBufferPointer<Int32>, to nxt: UnsafeMutableBufferPointer<Int32>) {
            let value = Int32(src[row &+ x]) &+ ((cur[x &+ 1] &+ right) &>> 4)
            let black = value < cut
            let error = black ? value : value &- 255
            byte = byte &<< 1 | (black ? 1 : 0)
            if x & 7 == 7 { dst[out &+ (x &>> 3)] = byte; byte = 0 }
            right = error &* 7
            nxt[x] = below0 &+ error &* 3    // the next row's pixel x − 1 is now complete
            below0 = below1 &+ error &* 5
            below1 = error
        }

        mutating func finish(to nxt: UnsafeMutableBufferPointer<Int32>) {
            nxt[width] = below0
            nxt[width + 1] = 0
            if width & 7 != 0 { dst[out + (width >> 3)] = byte &<< UInt8(8 - width & 7) }
        }
    }
}
