import Foundation
import Testing
@testable import TillGraphics

@Suite struct PNGTests {
    func checkerboard(width: Int, height: Int) -> Bitmap {
        var b = Bitmap(width: width, height: height)
        for y in 0..<height { for x in 0..<width where (x / 3 + y / 2) % 2 == 0 { b[x, y] = true } }
        return b
    }

    @Test func oneBitRoundTripKeepsEveryDot() throws {
        for width in [1, 7, 8, 9, 384, 577] {
            let bitmap = checkerboard(width: width, height: 13)
            let image = try PNG.decode(PNG.encode(bitmap))
            #expect(image.width == width && image.height == 13)
            let gray = image.gray()
            for y in 0..<13 {
                for x in 0..<width {
                    #expect((gray[y * width + x] == 0) == bitmap[x, y])
                }
            }
        }
    }

    @Test func grayRoundTrip() throws {
        let pixels = (0..<(50 * 20)).map { UInt8($0 % 256) }
        let image = try PNG.decode(PNG.encodeGray(width: 50, height: 20, pixels: pixels))
        #expect(image.gray() == pixels)
    }

    @Test
    func pngcheckAcceptsWhatWeWrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [
            ("one.png", PNG.encode(checkerboard(width: 577, height: 31))),
            ("gray.png", PNG.encodeGray(width: 3, height: 2, pixels: [0, 128, 255, 1, 2, 3])),
        ]
        for (name, bytes) in files {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/pngcheck")
            p.arguments = ["-q", url.path]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "pngcheck rejected \(name)")
        }
    }

    /// A hand-built PNG: colour type, depth, raw rows (with filter bytes) and extra chunks.
    func handMade(width: Int, height: Int, depth: UInt8, color: UInt8, raw: [UInt8], chunks: [(String, [UInt8])] = [], interlace: UInt8 = 0) -> [UInt8] {
        var out = PNG.signature
        PNG.appendChunk(&out, "IHDR", PNG.be32(UInt32(width)) + PNG.be32(UInt32(height)) + [depth, color, 0, 0, interlace])
        for (t, d) in chunks { PNG.appendChunk(&out, t, d) }
        PNG.appendChunk(&out, "IDAT", PNG.deflate(raw))
        PNG.appendChunk(&out, "IEND", [])
        return out
    }

    @Test func decodesRGBRGBAPaletteAndAllFilters() throws {
        // 2×1 RGB, filter Sub: second pixel is stored as a difference.
        let rgb = try PNG.decode(handMade(width: 2, height: 1, depth: 8, color: 2, raw: [1, 10, 20, 30, 5, 5, 5]))
        #expect(rgb.rgba == [10, 20, 30, 255, 15, 25, 35, 255])
        // 1×2 RGBA, second row filter Up.
        let rgba = try PNG.decode(handMade(width: 1, height: 2, depth: 8, color: 6, raw: [0, 1, 2, 3, 4, 2, 1, 1, 1, 1]))
        #expect(rgba.rgba == [1, 2, 3, 4, 2, 3, 4, 5])
        // Palette, 2-bit indices, with tRNS making index 1 transparent; Average and Paeth filters.
        let plte: [UInt8] = [0, 0, 0, 255, 255, 255, 255, 0, 0]
        let pal = try PNG.decode(handMade(width: 3, height: 1, depth: 2, color: 3, raw: [0, 0b0001_1000],
                                          chunks: [("PLTE", plte), ("tRNS", [255, 0])]))
        #expect(pal.rgba == [0, 0, 0, 255, 255, 255, 255, 0, 255, 0, 0, 255])
        #expect(pal.gray() == [0, 255, 76])  // transparent white on white paper, red as luminance
        let avg = try PNG.decode(handMade(width: 2, height: 1, depth: 8, color: 0, raw: [3, 100, 50]))
        #expect(avg.gray() == [100, 100])
        let paeth = try PNG.decode(handMade(width: 2, height: 2, depth: 8, color: 0, raw: [0, 10, 20, 4, 5, 5]))
        #expect(paeth.gray() == [10, 20, 15, 25])
        // 16-bit grey keeps the high byte.
        let g16 = try PNG.decode(handMade(width: 1, height: 1, depth: 16, color: 0, raw: [0, 0xAB, 0xCD]))
        #expect(g16.gray() == [0xAB])
    }

    @Test func badFilesGiveClearErrors() throws {
        #expect(throws: PNGError.notPNG) { try PNG.decode(Array("GIF89a".utf8)) }
        #expect(throws: PNGError.interlaced) {
            try PNG.decode(handMade(width: 1, height: 1, depth: 8, color: 0, raw: [0, 0], interlace: 1))
        }
        #expect(PNGError.interlaced.description.contains("without interlacing"))
        var damaged = PNG.encode(checkerboard(width: 16, height: 16))
        damaged[40] ^= 0xFF
        #expect(throws: PNGError.self) { try PNG.decode(damaged) }
        let cut = Array(PNG.encode(checkerboard(width: 16, height: 16)).prefix(40))
        #expect(throws: PNGError.self) { try PNG.decode(cut) }
        #expect(throws: PNGError.self) {
            try PNG.decode(handMade(width: 4, height: 4, depth: 8, color: 0, raw: [0, 1, 2]))
        }
    }
}
