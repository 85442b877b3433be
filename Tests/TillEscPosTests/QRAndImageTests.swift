import Foundation
import TillCore
import TillGraphics
import Testing
@testable import TillEscPos

struct QRAndImageTests {
    func encode(_ blocks: [SlipBlock], on id: String, _ configure: (inout EncodeOptions) -> Void = { _ in }) throws -> EncodedJob {
        var options = EncodeOptions()
        options.cut = nil
        configure(&options)
        return try Profiles.encoder(id).encode(SlipDocument(kind: .test, reference: "T", blocks: blocks, training: false), options: options)
    }

    @Test func nativeQRUsesTheFiveFunctions() throws {
        let bytes = try encode([.qr("https://till.example/r/123")], on: "epson-tm-t88vi").bytes
        let data = Array("https://till.example/r/123".utf8) // 26 bytes: version 2 at M → 25 modules
        // Module size: (512 × 2/3) / (25 + 8) = 10 → capped at 8.
        let expected = preamble(Profiles.get("epson-tm-t88vi")) + [0x1B, 0x61, 1] + EscPos.qrModel2 + EscPos.qrModuleSize(8)
            + EscPos.qrErrorLevel(.medium) + EscPos.qrStore(data) + EscPos.qrPrint
        #expect(bytes == expected)
    }

    @Test func qrWithoutNativeSupportIsASquareRaster() throws {
        let bytes = try encode([.qr("https://till.example/r/123")], on: "zijiang-zj-5870").bytes
        #expect(!bytes.contains([0x1D, 0x28, 0x6B]))
        let code = try QRCode.encode(Array("https://till.example/r/123".utf8), level: .medium)
        let module = min(8, 384 / (code.size + 8))
        let side = (code.size + 8) * module
        let expected = SymbolBitmaps.qr(code, moduleDots: module)
        #expect(expected.width == side)
        // The raster carries exactly our symbol's dots, split under the 4096-byte limit.
        var collected: [UInt8] = []
        var i = 0
        while let r = Array(bytes[i...]).firstRange(of: [0x1D, 0x76, 0x30, 0]) {
            let s = i + r.lowerBound
            let x = Int(bytes[s + 4]) | Int(bytes[s + 5]) << 8, y = Int(bytes[s + 6]) | Int(bytes[s + 7]) << 8
            #expect(x == expected.rowBytes)
            #expect(x * y <= 4096)
            collected += bytes[(s + 8)..<(s + 8 + x * y)]
            i = s + 8 + x * y
        }
        #expect(collected == expected.bits)
    }

    @Test func rasterIsSplitByRowsUnderTheProfileLimit() {
        var bitmap = Bitmap(width: 576, height: 300)
        for i in bitmap.bits.indices { bitmap.bits[i] = UInt8(truncatingIfNeeded: i * 7) }
        var w = writer("xprinter-xp-n160ii") // 16384-byte limit: 72 bytes a row → 227 rows a command
        w.raster(bitmap)
        let b = body(w)
        #expect(b.occurrences(of: [0x1D, 0x76, 0x30, 0]) == 2)
        #expect(Array(b.prefix(8)) == [0x1D, 0x76, 0x30, 0, 72, 0, 227, 0])
        let second = 8 + 72 * 227
        #expect(Array(b[second..<(second + 8)]) == [0x1D, 0x76, 0x30, 0, 72, 0, 73, 0])
        #expect(Array(b[8..<second]) + Array(b[(second + 8)...]) == bitmap.bits)
    }

    @Test func largeGraphicsUseGS8L() {
        var w = writer("epson-tm-t88vi")
        w.graphics(Bitmap(width: 512, height: 1100)) // 70400 bytes > 65535
        #expect(Array(body(w).prefix(3)) == [0x1D, 0x38, 0x4C])
        #expect(Array(body(w).suffix(7)) == EscPos.graphicsPrint)
    }

    @Test func storedLogoCostsOnlyAPrintByKey() throws {
        var logo = Bitmap(width: 300, height: 236)
        for i in logo.bits.indices where i % 3 == 0 { logo.bits[i] = 0xF0 }
        let first = try encode([.logo, .text("Shop", .plain)], on: "epson-tm-t88vi") {
            $0.logo = logo
            $0.nvState = NVGraphicsState()
        }
        let defined = first.bytes.contains([0x1D, 0x28, 0x4C, 0x13, 0x23, 0x30, 67, 48, 0x4C, 0x47])
        #expect(defined)
        let state = try #require(first.nvState)
        #expect(state.holds(logo, key: "LG"))

        let second = try encode([.logo, .text("Shop", .plain)], on: "epson-tm-t88vi") {
            $0.logo = logo
            $0.nvState = state
        }
        // ESC @ FS ., centre, print key "LG" (11 bytes), left, text.
        #expect(second.bytes == preamble(Profiles.get("epson-tm-t88vi")) + [0x1B, 0x61, 1] + EscPos.nvPrint(key: (0x4C, 0x47)) + [0x1B, 0x61, 0] + Array("Shop".utf8) + [0x0A])
        #expect(first.bytes.count - second.bytes.count > logo.bits.count)

        // A changed logo is stored again; a printer without NV gets raster every time.
        var changed = logo
        changed.bits[0] ^= 0xFF
        let third = try encode([.logo], on: "epson-tm-t88vi") { $0.logo = changed; $0.nvState = state }
        // Define again: p = 11 + 38 × 236 = 8979 = 0x2313, little-endian.
        let redefined = third.bytes.contains([0x1D, 0x28, 0x4C, 0x13, 0x23, 0x30, 67])
        #expect(redefined)
        let raster = try encode([.logo], on: "xprinter-xp-n160ii") { $0.logo = logo; $0.nvState = NVGraphicsState() }
        let sentAsRaster = raster.bytes.contains([0x1D, 0x76, 0x30, 0, 38, 0])
        #expect(sentAsRaster)
    }

    @Test func nvStateSurvivesItsFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nv-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try NVGraphicsState.load(path: path) == NVGraphicsState()) // no file yet: nothing stored
        let logo = Bitmap(width: 8, height: 1, bits: [0xAA])
        let state = NVGraphicsState(entries: ["LG": .init(digest: NVGraphicsState.digest(logo), width: 8, height: 1)])
        try state.save(path: path)
        #expect(try NVGraphicsState.load(path: path).holds(logo, key: "LG"))
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: NVStateError.corrupt(path: path)) { try NVGraphicsState.load(path: path) }
    }

    @Test func imagesLoadFromPGMAndPNG() throws {
        let pgm = Array("P5 4 1 255\n".utf8) + [0, 100, 200, 255]
        let gray = try ImageLoader.decode(pgm)
        #expect(gray.pixels == [0, 100, 200, 255])
        let png = PNG.encodeGray(width: 4, height: 1, pixels: [0, 100, 200, 255])
        #expect(try ImageLoader.decode(png).pixels == [0, 100, 200, 255])
        #expect(throws: ImageLoadError.self) { try ImageLoader.decode([1, 2, 3]) }
        let wide = GrayImage(width: 1000, height: 10, fill: 0)
        let fitted = ImageLoader.bitmap(wide, dots: 576, dither: .threshold)
        #expect(fitted.width == 576 && fitted.bits.allSatisfy { $0 == 0xFF })
    }
}
