import Foundation
import Testing
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter

/// What we draw is read back by independent tools: zbarimg for symbols, pngcheck for the file.
@Suite struct RenderTests {
    /// Prints `job` (centred symbols, as receipts have them) and scans the page PNG.
    func scan(_ job: [UInt8], profile: PrinterProfile) throws -> [String] {
        let printer = VirtualPrinter(profile: profile)
        printer.receive(B.initialize + B.align(1) + job + B.line("") + B.partialCut)
        let page = try #require(printer.pages.first)
        return try ZBar.scan(png: page.png())
    }

    @Test
    func zbarimgReadsEveryNativeBarcodeFromThePage() throws {
        let profile = try Profiles.epson
        let setup = B.barcodeSetup(height: 80, width: 2, hri: 2)
        let cases: [([UInt8], String)] = [
            (B.barcodeB(67, B.text("590123412345")), "EAN-13:5901234123457"),
            (B.barcodeA(2, B.text("400638133393")), "EAN-13:4006381333931"),
            (B.barcodeB(68, B.text("9638507")), "EAN-8:96385074"),
            (B.barcodeB(65, B.text("03600029145")), "EAN-13:0036000291452"),  // zbar reports UPC-A as EAN-13
            (B.barcodeA(4, B.text("TILL-42 $5")), "CODE-39:TILL-42 $5"),
            (B.barcodeB(70, B.text("1234567890")), "I2/5:1234567890"),
            (B.barcodeB(73, Array("{BNo.".utf8) + [0x7B, 0x43, 12, 34, 56]), "CODE-128:No.123456"),
            (B.barcodeB(73, Array("{Aabc".uppercased().utf8) + Array("{Bxyz".utf8)), "CODE-128:ABCxyz"),
        ]
        for (command, expected) in cases {
            #expect(try scan(setup + command, profile: profile) == [expected])
        }
    }

    @Test(arguments: [(UInt8(48), UInt8(3)), (49, 4), (50, 5), (51, 8)])
    func zbarimgReadsQRAtEveryLevelAndSize(level: UInt8, size: UInt8) throws {
        let data = "https://till.example/receipt/2024-000042?total=12.50&level=\(level)"
        let read = try scan(B.qr(B.text(data), size: size, level: level), profile: try Profiles.epson)
        #expect(read == ["QR-Code:" + data])
    }

    @Test
    func zbarimgReadsQRAndBarcodeOnTheSamePageAmidText() throws {
        let printer = VirtualPrinter(profile: try Profiles.load("epson-tm-t20iii"))
        printer.receive(DecoderTests.sampleReceipt)
        let read = try ZBar.scan(png: try #require(printer.pages.first).png())
        #expect(Set(read) == ["QR-Code:https://till.example/r/42", "CODE-128:No.123456"])
    }

    @Test
    func rasterQRFromOurEncoderPrintsReadably() throws {
        // A printer without native QR gets it as a GS v 0 image (what the encoder's fallback sends).
        let code = try QRCode.encode(Array("raster fallback".utf8), level: .medium)
        let scale = 5
        let side = code.size * scale
        var bitmap = Bitmap(width: (side + 7) / 8 * 8, height: side)
        for y in 0..<side { for x in 0..<side where code[x / scale, y / scale] { bitmap[x, y] = true } }
        #expect(try scan(B.raster(bitmap), profile: try Profiles.generic80) == ["QR-Code:raster fallback"])
    }

    @Test(arguments: [("generic-58", 384), ("epson-tm-t88vi", 512), ("generic-80", 576)])
    func pngIsTheProfileWidthAndValid(id: String, dots: Int) throws {
        let printer = VirtualPrinter(profile: try Profiles.load(id))
        printer.receive(B.initialize + B.line("width test") + B.line("中文") + B.partialCut)
        printer.finish()
        let page = try #require(printer.pages.first)
        let image = try PNG.decode(page.png())
        #expect(image.width == dots)
        #expect(image.height >= 48)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pngcheck") {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-vp-png-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("p.png")
            try Data(page.png()).write(to: file)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/pngcheck")
            p.arguments = ["-q", file.path]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
    }

    @Test func textIsDrawnWithStyles() throws {
        let font = try #require(VirtualPrinter.defaultFont(), "needs unifont (Scripts/install-deps)")
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.initialize + B.line("I") + B.reverse(true) + B.line("I") + B.reverse(false)
                        + B.size(2, 2) + B.line("I") + B.partialCut)
        let bitmap = try #require(printer.pages.first).bitmap(font: font)
        func ink(_ rows: Range<Int>, _ cols: Range<Int>) -> Int {
            var n = 0
            for y in rows { for x in cols where bitmap[x, y] { n += 1 } }
            return n
        }
        // Line 1 (30 dots): a plain 'I' in a 12×24 cell, some ink, mostly paper.
        let plain = ink(0..<24, 0..<12)
        #expect(plain > 10 && plain < 100)
        // Line 2: reversed, the cell is mostly ink.
        #expect(ink(30..<54, 0..<12) > 200)
        // Line 3: double size, 24×48 cell, about four times the ink of the plain one.
        let big = ink(60..<108, 0..<24)
        #expect(big > plain * 3 && big < plain * 5)
    }
}
