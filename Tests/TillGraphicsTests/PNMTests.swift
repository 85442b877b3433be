import Testing
@testable import TillGraphics

struct PNMTests {
    @Test func rawPBM() throws {
        // 10 × 2: row bytes padded to 2.
        let data = Array("P4\n# logo\n10 2\n".utf8) + [0b1000_0001, 0b0100_0000, 0xFF, 0xC0]
        let image = try PNM.decode(data)
        #expect(image.width == 10 && image.height == 2)
        #expect(image.pixels[0] == 0 && image.pixels[1] == 255 && image.pixels[7] == 0 && image.pixels[9] == 0 && image.pixels[8] == 255)
        #expect(image.pixels[10...].allSatisfy { $0 == 0 })
    }

    @Test func plainPBMWithoutSeparators() throws {
        let image = try PNM.decode(Array("P1 4 1\n0110".utf8))
        #expect(image.pixels == [255, 0, 0, 255])
    }

    @Test func rawAndPlainPGMScaleToEightBits() throws {
        #expect(try PNM.decode(Array("P5 3 1 15\n".utf8) + [0, 15, 5]).pixels == [0, 255, 85])
        #expect(try PNM.decode(Array("P2\n3 1\n# c\n100\n0 50 100\n".utf8)).pixels == [0, 127, 255])
        // 16-bit samples are big-endian.
        #expect(try PNM.decode(Array("P5 2 1 65535\n".utf8) + [0xFF, 0xFF, 0x00, 0x00]).pixels == [255, 0])
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(throws: PNM.Error.notNetpbm) { try PNM.decode(Array("GIF89a".utf8)) }
        #expect(throws: PNM.Error.truncated) { try PNM.decode(Array("P5 4 4 255\n".utf8) + [0, 0]) }
        #expect(throws: PNM.Error.unsupported("P6 (PPM colour)")) { try PNM.decode(Array("P6 1 1 255\n".utf8) + [0, 0, 0]) }
        #expect(throws: PNM.Error.badHeader("width missing")) { try PNM.decode(Array("P4 x".utf8)) }
    }
}
