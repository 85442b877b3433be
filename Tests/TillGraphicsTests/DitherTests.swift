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
}
