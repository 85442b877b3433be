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
    /// in integers: errors ×16 are summed and shifted once per pixel, so the result is exactly
    /// that of the plain row-by-row loop (DitherTests compares the two on many sizes and levels).
    ///
    /// Each pixel waits for its left neighbour's error, a chain of several cycles that would
    /// bound a row-by-row loop. Pixel (x, y) also needs (x-1…x+1, y-1), so row y can run three
    /// pixels behind row y-1: eight rows then advance together, one per 16-bit SIMD lane, and
    /// the errors a row takes from the row above are two or more steps old, off the chain.
    /// Errors stay within ±255 and the ×16 sums within ±8160, so 16-bit lanes hold them.
    public static func floydSteinberg(_ image: GrayImage, level: UInt8 = 128) -> Bitmap {
        let w = image.width, h = image.height
        var bitmap = Bitmap(width: w, height: h)
        guard w > 0, h > 0 else { return bitmap }
        let rowBytes = bitmap.rowBytes
        // Steps per band: until lane 7 (21 pixels behind) has flushed its last byte.
        let steps = 8 &* rowBytes &+ 24
        // Each step's errors, kept for the next band's first row (it reads lane 7).
        var errors = [Wavefront.V](repeating: .zero, count: steps &+ 24)
        image.pixels.withUnsafeBufferPointer { src in
            bitmap.bits.withUnsafeMutableBufferPointer { dst in
                errors.withUnsafeMutableBufferPointer { errors in
                    var y0 = 0
                    while y0 < h {
                        var band = Wavefront(src: src.baseAddress!, dst: dst.baseAddress!, errors: errors.baseAddress!, y0: y0,
                                             rows: min(8, h &- y0), width: w, rowBytes: rowBytes, level: level)
                        var t = 0
                        while t < steps {
                            // All eight lanes inside the image: no masks, four pixels a load.
                            if band.rows == 8 && t >= 24 && t &+ 8 <= w {
                                band.fourSteps(t); band.fourSteps(t &+ 4)
                            } else {
                                for k in 0..<8 { band.edgeStep(t &+ k) }
                            }
                            band.flush(t &+ 7)
                            t &+= 8
                        }
                        y0 &+= 8
                    }
                }
            }
        }
        return bitmap
    }

    /// Eight rows of Floyd–Steinberg in flight: at step t, lane r dithers pixel t − 3r of row
    /// y0 + r. Wrapping arithmetic throughout: nothing can overflow (see above), and checked
    /// arithmetic would cost a branch per operation.
    private struct Wavefront {
        typealias V = SIMD8<Int16>
        typealias Q = SIMD4<UInt32>
        let p0, p1, p2, p3, p4, p5, p6, p7: UnsafePointer<UInt8>
        let dst: UnsafeMutablePointer<UInt8>
        let errors: UnsafeMutablePointer<V>
        let rows, width, rowBytes, out: Int
        let cut16: V
        /// Errors of the last four steps (e1 the latest).
        var e1 = V(), e2 = V(), e3 = V(), e4 = V()
        /// Each lane's latest 16 dots, the newest in bit 0.
        var bits = V()

        init(src: UnsafePointer<UInt8>, dst: UnsafeMutablePointer<UInt8>, errors: UnsafeMutablePointer<V>, y0: Int, rows: Int,
             width w: Int, rowBytes: Int, level: UInt8) {
            let r0 = src + y0 &* w
            // Lane r reads pixel t − 3r of its row at step t. Rows past the image are never read.
            func row(_ r: Int) -> UnsafePointer<UInt8> { rows > r ? r0 + (r &* w &- 3 &* r) : r0 }
            p0 = r0; p1 = row(1); p2 = row(2); p3 = row(3); p4 = row(4); p5 = row(5); p6 = row(6); p7 = row(7)
            self.dst = dst; self.errors = errors; self.rows = rows; self.width = w; self.rowBytes = rowBytes
            out = y0 &* rowBytes
            cut16 = V(repeating: Int16(level) &<< 4)
        }

        /// One step; `s16` is each lane's pixel ×16, `active` (when given) masks lanes outside
        /// the image, whose errors and dots must stay zero.
        @inline(__always)
        mutating func step(_ t: Int, s16: V, active: V?) {
            // Row r takes 3/16, 5/16 and 1/16 of row r − 1's errors at x + 1, x and x − 1: lane
            // r − 1's errors two, three and four steps ago. Lane 0 takes the previous band's
            // last row (lane 7, 21 pixels behind: steps t + 22, t + 21, t + 20).
            var lane0 = errors[t &+ 22][7] &* 3 &+ errors[t &+ 21][7] &* 5 &+ errors[t &+ 20][7]
            if let active, active[0] == 0 { lane0 = 0 }
            let c = e2 &* 3 &+ e3 &* 5 &+ e4
            let above = s16 &+ V(lane0, c[0], c[1], c[2], c[3], c[4], c[5], c[6])
            // The chain: 7/16 of the left neighbour's error, then the decision.
            let z = (above &- e1) &+ (e1 &<< 3)
            let black = z .< cut16      // (z >> 4) < level, without waiting for the shift
            var e = (z &>> 4) &- V(repeating: 255).replacing(with: 0, where: black)
            var dot = V.zero.replacing(with: -1, where: black)
            if let active { e &= active; dot &= active }
            bits = bits &+ bits &- dot
            errors[t] = e
            e4 = e3; e3 = e2; e2 = e1; e1 = e
        }

        @inline(__always)
        func load4(_ p: UnsafePointer<UInt8>, _ t: Int) -> UInt32 { UnsafeRawPointer(p + t).loadUnaligned(as: UInt32.self) }

        /// Four steps with every lane inside the image: one 4-byte load per row.
        @inline(__always)
        mutating func fourSteps(_ t: Int) {
            let lo = Q(load4(p0, t), load4(p1, t), load4(p2, t), load4(p3, t))
            let hi = Q(load4(p4, t), load4(p5, t), load4(p6, t), load4(p7, t))
            @inline(__always) func pixels(_ shift: UInt32) -> V {
                let mask = Q(repeating: 0xFF)
                let l = (lo &>> shift) & mask, h = (hi &>> shift) & mask
                return V(Int16(truncatingIfNeeded: l[0]), Int16(truncatingIfNeeded: l[1]), Int16(truncatingIfNeeded: l[2]),
                         Int16(truncatingIfNeeded: l[3]), Int16(truncatingIfNeeded: h[0]), Int16(truncatingIfNeeded: h[1]),
                         Int16(truncatingIfNeeded: h[2]), Int16(truncatingIfNeeded: h[3])) &<< 4
            }
            step(t, s16: pixels(0), active: nil)
            step(t &+ 1, s16: pixels(8), active: nil)
            step(t &+ 2, s16: pixels(16), active: nil)
            step(t &+ 3, s16: pixels(24), active: nil)
        }

        /// A step where some lanes are outside the image (band ends, a short last band).
        mutating func edgeStep(_ t: Int) {
            var active = V(), s = V()
            @inline(__always) func lane(_ r: Int, _ p: UnsafePointer<UInt8>) {
                let x = t &- 3 &* r
                if r < rows && x >= 0 && x < width { active[r] = -1; s[r] = Int16(p[t]) }
            }
            lane(0, p0); lane(1, p1); lane(2, p2); lane(3, p3); lane(4, p4); lane(5, p5); lane(6, p6); lane(7, p7)
            step(t, s16: s &<< 4, active: active)
        }

        /// At step t = 8j + 7, lane r holds pixel p's dot at bit t − p − 3r, so its byte
        /// j − 1 − ⌊3r/8⌋ (pixels 8k…8k+7) sits at bit 8(1 + ⌊3r/8⌋) − 3r upwards. Dots outside
        /// the image are zero, which pads a last partial byte as GS v 0 expects.
        @inline(__always)
        func flush(_ t: Int) {
            let j = t &>> 3
            for r in 0..<8 where r < rows {
                let back = (3 &* r) &>> 3
                let byte = j &- 1 &- back
                guard byte >= 0 && byte < rowBytes else { continue }
                let shift = 8 &* (1 &+ back) &- 3 &* r
                dst[out &+ r &* rowBytes &+ byte] = UInt8(truncatingIfNeeded: UInt16(bitPattern: bits[r]) &>> UInt16(shift))
            }
        }
    }
}
