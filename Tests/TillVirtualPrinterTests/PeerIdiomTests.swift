import Testing
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter

/// Bytes as python-escpos and escpos-php send them, rendered as a real printer prints them.
@Suite struct PeerIdiomTests {
    /// python-escpos `image(impl="bitImageColumn")`: ESC 3 16, then each 24-dot stripe as
    /// ESC * 33 … LF, then ESC 2. The stripes must touch: no white rows between them.
    @Test func columnImageStripesTouch() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let columns = 40
        let stripe: [UInt8] = [0x1B, 0x2A, 33, UInt8(columns), 0] + [UInt8](repeating: 0xFF, count: columns * 3) + [0x0A]
        printer.receive(B.initialize + [0x1B, 0x33, 16] + stripe + stripe + stripe + [0x1B, 0x32] + B.fullCut)
        let bitmap = try #require(printer.pages.first).bitmap(font: nil)
        let inked = (0..<bitmap.height).filter { y in bitmap[5, y] }
        #expect(inked.count == 72, "three 24-dot stripes")
        #expect(inked.last.map { $0 - inked[0] + 1 } == 72, "no gap between the stripes")
    }

    /// CP1258 writes tone marks as combining bytes after the letter, CP1255 points after the
    /// consonant: decoded as a sequence, even fed one byte at a time.
    @Test(arguments: [
        (52, [0x54, 0x69, 0xEA, 0xEC, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xEA, 0xF2, 0x74] as [UInt8], "Tiếng Việt"),
        (49, [249, 200, 209, 236, 229, 201, 237] as [UInt8], "שָׁלוֹם"),
    ])
    func statefulCodePagesDecodeBySequence(table: UInt8, bytes: [UInt8], expected: String) throws {
        for split in [false, true] {
            let printer = VirtualPrinter(profile: try Profiles.epson)
            let job = B.initialize + B.codePage(table) + bytes + [0x0A] + B.fullCut
            if split { for b in job { printer.receive([b]) } } else { printer.receive(job) }
            let text = try #require(printer.pages.first).text
            #expect(text.contains(expected), "split \(split): \(text)")
            #expect(!text.contains("\u{FFFD}"))
        }
    }

    /// ESC A n, ESC + n and GS | n take a parameter byte: it never prints as a character.
    @Test func oneByteParametersAreNotText() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.initialize + [0x1B, 0x41, 0x58] + [0x1B, 0x2B, 0x59] + [0x1D, 0x7C, 0x5A] + B.line("CLEAN") + B.fullCut)
        let text = try #require(printer.pages.first).text
        #expect(text.contains("CLEAN"))
        #expect(!text.contains("X") && !text.contains("Y") && !text.contains("Z"))
    }

    @Test func aRasterWiderThanThePaperIsClippedAndSaysSo() throws {
        let printer = VirtualPrinter(profile: try Profiles.generic80)  // 576 dots
        var wide = Bitmap(width: 800, height: 4)
        for x in 0..<800 { wide[x, 0] = true }
        printer.receive(B.initialize + B.raster(wide) + B.fullCut)
        let page = try #require(printer.pages.first)
        #expect(page.text.contains("wider than the 576-dot print area: clipped to 576x4"))
        #expect(printer.diagnostics.contains { $0.message.contains("wider than the print area") })
        #expect(page.bitmap(font: nil).width == 576)
    }

    /// UPC-E, Codabar and Code 93 (GS k function B) print, and zbarimg reads them back.
    @Test(arguments: [
        (66 as UInt8, "0123456", "EAN-13:0012345000065"),  // zbarimg reports UPC-E expanded
        (71 as UInt8, "A40156B", "Codabar:A40156B"),
        (72 as UInt8, "TILL-93", "CODE-93:TILL-93"),
    ])
    func moreSymbologiesPrintAndScan(m: UInt8, data: String, scanned: String) throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.initialize + B.barcodeSetup(height: 80, width: 2, hri: 2) + B.barcodeB(m, Array(data.utf8)) + B.line("") + B.fullCut)
        let page = try #require(printer.pages.first)
        #expect(!page.text.contains("NOT PRINTED"), "\(page.text)")
        let read = try ZBar.scan(png: page.png())
        #expect(read.contains(scanned), "zbarimg read \(read)")
    }

    /// PDF417 (GS ( k cn 48), as python-escpos sends it: a real symbol that scans, and the
    /// .txt carries its data (issue 13: it was a marked box).
    @Test func pdf417PrintsAsASymbolWithItsData() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let data = Array("TILL PDF417".utf8)
        let store = data.count + 3
        printer.receive(B.initialize + [0x1D, 0x28, 0x6B, 3, 0, 48, 65, 4] + [0x1D, 0x28, 0x6B, UInt8(store), 0, 48, 80, 48] + data
                        + [0x1D, 0x28, 0x6B, 3, 0, 48, 81, 48] + B.line("AFTER") + B.fullCut)
        let page = try #require(printer.pages.first)
        #expect(page.text.contains("[pdf417 \"TILL PDF417\"]"), "\(page.text)")
        #expect(try ZXing.scan(png: page.png(), format: "PDF417").bytes == data)
    }
}
