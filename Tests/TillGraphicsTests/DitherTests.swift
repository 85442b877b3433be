import Testing
@testable import TillGraphics

struct DitherTests {
    @Test func thresholdMapsDarkPixelsToDots() {
        let image = GrayImage(width: 10, height: 1, pixels: [0, 127, 128, 255, 10, 200, 50, 130, 0, 0])
        let bitmap = Dither.threshold(image)
        // Dots at x = 0, 1, 4, 6, 8, 9 → 11001010 11000000.
        #expect(bitmap.bits == [0b1100_1010, 0b1100_0000])
    }

    @Test func floydSteinbergKeepsAverageBrightness() {
        for level in [64, 128, 192] {
            let image = GrayImage(width: 64, height: 64, fill: UInt8(level))
            let bitmap = Dither.floydSteinberg(image)
            var black = 0
            for y in 0..<64 { for x in 0..<64 where bitmap[x, y] { black += 1 } }
            let expected = Double(255 - level) / 255 * 4096
            #expect(abs(Double(black) - expected) < 4096 * 0.02, "level \(level): \(black) dots, expected about \(Int(expected))")
        }
    }

    @Test func floydSteinbergLeavesPureBlackAndWhiteAlone() {
        var image = GrayImage(width: 9, height: 3, fill: 255)
        for x in 0..<9 { image[x, 1] = 0 }
        let bitmap = Dither.floydSteinberg(image)
        #expect(bitmap.bits == [0, 0, 0xFF, 0x80, 0, 0])
    }

    @Test func ditheringSpreadsErrorRightwards() {
        // 100 < 128 prints black, and its error (+100) goes right:
        // the next pixel 200 + 100×7/16 = 243 stays white.
        let bitmap = Dither.floydSteinberg(GrayImage(width: 2, height: 1, pixels: [100, 200]))
        #expect(bitmap.bits == [0x80])
        // 150 is white (error −105); the next 140 − 105×7/16 = 94 becomes black.
        #expect(Dither.floydSteinberg(GrayImage(width: 2, height: 1, pixels: [150, 140])).bits == [0x40])
        #expect(Dither.threshold(GrayImage(width: 2, height: 1, pixels: [150, 140])).bits == [0x00])
    }

    @Test func scalingFitsThePaperKeepingTheAspect() {
        let image = GrayImage(width: 1152, height: 600, fill: 0)
        let scaled = image.scaled(toWidth: 576)
        #expect(scaled.width == 576 && scaled.height == 300)
        #expect(scaled.pixels.allSatisfy { $0 == 0 })
        #expect(GrayImage.luminance(r: 255, g: 255, b: 255) == 255)
        #expect(GrayImage.luminance(r: 0, g: 0, b: 0, a: 0) == 255) // transparent prints as paper
    }

    /// Plain Floyd–Steinberg, pixel by pixel: errors ×16 summed per pixel and shifted once, as
    /// the fast version does. The reference the wavefront implementation must match exactly.
    static func referenceFloydSteinberg(_ image: GrayImage, level: UInt8) -> Bitmap {
        let w = image.width, h = image.height
        var bitmap = Bitmap(width: w, height: h)
        var err = [Int](repeating: 0, count: (w + 2) * (h + 1)) // pixel (x, y) at y * (w + 2) + x + 1
        for y in 0..<h {
            for x in 0..<w {
                let i = y * (w + 2) + x + 1
                let value = Int(image[x, y]) + (err[i] >> 4)
                let black = value < Int(level)
                let e = black ? value : value - 255
                bitmap[x, y] = black
                err[i + 1] += 7 * e
                err[i + w + 2 - 1] += 3 * e
                err[i + w + 2] += 5 * e
                err[i + w + 2 + 1] += e
            }
            // Errors pushed past either edge are dropped.
            err[(y + 1) * (w + 2)] = 0
            err[(y + 1) * (w + 2) + w + 1] = 0
        }
        return bitmap
    }

    @Test func floydSteinbergMatchesThePlainLoop() {
        var rng = SystemRandomNumberGenerator()
        var checked = 0
        for w in [1, 2, 3, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 33, 64, 100, 129, 576] {
            for h in [1, 2, 3, 7, 8, 9, 15, 16, 17, 25] {
                for level: UInt8 in [0, 1, 127, 128, 200, 255] {
                    for mode in 0..<4 {
                        var px = [UInt8](repeating: 0, count: w * h)
                        for i in px.indices {
                            switch mode {
                            case 0: px[i] = UInt8.random(in: 0...255, using: &rng)
                            case 1: px[i] = Bool.random(using: &rng) ? 255 : 0      // largest errors
                            case 2: px[i] = UInt8(truncatingIfNeeded: i * 7)
                            default: px[i] = level                                   // on the threshold
                            }
                        }
                        let image = GrayImage(width: w, height: h, pixels: px)
                        #expect(Dither.floydSteinberg(image, level: level) == Self.referenceFloydSteinberg(image, level: level),
                                "\(w)x\(h) level \(level) mode \(mode)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 18 * 10 * 6 * 4)
    }
}

