import Testing
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter

@Suite struct DecoderTests {
    /// A receipt as an Epson-class encoder sends it.
    static var sampleReceipt: [UInt8] {
        var j = B.initialize + B.codePage(19)
        j += B.align(1) + B.size(2, 2) + B.line("CAFÉ TILL".replacingOccurrences(of: "É", with: "E"))
        j += B.size(1, 1) + B.line("1 Main Street") + B.align(0)
        j += [0x1B, 0x64, 1]                                         // ESC d 1
        j += B.text("Espresso") + [0x09] + B.line("2.50")           // HT to column 8
        j += B.text("Croissant x2") + [0x1B, 0x24, 0x2C, 0x01] + B.line("5.00")  // ESC $ 300 dots
        j += [0x1B, 0x21, 0x08] + B.text("TOTAL") + [0x1B, 0x21, 0x00] + B.text(" ") + [0xD5] + B.line(" 7.50")
        j += B.underline(1) + B.line("Paid by card") + B.underline(0)
        j += B.reverse(true) + B.line(" THANK YOU ") + B.reverse(false)
        j += B.barcodeSetup(height: 60, width: 2, hri: 2) + B.align(1) + B.barcodeB(73, Array("{BNo.".utf8) + [0x7B, 0x43, 12, 34, 56])
        j += B.qr(B.text("https://till.example/r/42"), size: 4, level: 49)
        j += [0x1B, 0x70, 0x00, 0x32, 0x32]                          // drawer pin 2, 100 ms
        j += B.align(0) + B.feedCut(partial: true, 3)
        return j
    }

    @Test func goldenTextOfASampleReceipt() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(DecoderTests.sampleReceipt)
        let page = try #require(printer.pages.first)
        let golden = """
                    {2x2:CAFE TILL}
                      1 Main Street

        Espresso        2.50
        Croissant x2             5.00
        **TOTAL** € 7.50
        __Paid by card__
        [[ THANK YOU ]]
        [barcode Code 128 No.123456]
                        No.123456
        [qr M 4px "https://till.example/r/42"]
        [drawer pin 2 100ms/100ms]
        [cut partial]

        """
        #expect(page.text == golden)
        #expect(printer.diagnostics.isEmpty, "\(printer.diagnostics)")
    }

    @Test func sameResultWhateverTheReadSizes() throws {
        let whole = VirtualPrinter(profile: try Profiles.epson)
        whole.receive(DecoderTests.sampleReceipt)
        for chunk in [1, 2, 3, 7, 64] {
            let split = VirtualPrinter(profile: try Profiles.epson)
            var i = 0
            let bytes = DecoderTests.sampleReceipt
            while i < bytes.count {
                split.receive(Array(bytes[i..<min(bytes.count, i + chunk)]))
                i += chunk
            }
            #expect(split.pages.map(\.text) == whole.pages.map(\.text), "chunks of \(chunk)")
        }
    }

    @Test(arguments: [
        (UInt8(0), [UInt8(0xC9), 0xCD, 0xBB, 0x20, 0x9C, 0xE1], "╔═╗ £ß"),
        (UInt8(2), [0x82, 0x9D], "éØ"),
        (UInt8(16), [0x80, 0xE9, 0xDF], "€éß"),
        (UInt8(17), [0x8F, 0xE0, 0xA8, 0xA2, 0xA5, 0xE2], "Привет"),
        (UInt8(19), [0xD5, 0x20, 0x9C], "€ £"),
        (UInt8(1), [0x5C, 0xB1, 0xB2], "¥ｱｲ"),
    ])
    func codePagesDecodeWithTheProfileTable(page: UInt8, bytes: [UInt8], expected: String) throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.initialize + B.codePage(page) + bytes + [0x0A] + B.partialCut)
        #expect(printer.pages.first?.text == expected + "\n[cut partial]\n")
    }

    @Test func escRJapanGivesYenOnAnyTable() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.initialize + [0x1B, 0x52, 8] + B.line("\\100") + B.partialCut)
        #expect(printer.pages.first?.text == "¥100\n[cut partial]\n")
    }

    @Test func chineseModeDecodesGB18030EvenWhenSplit() throws {
        // The TM-T82III (China) starts in FS & mode with GB18030.
        let printer = VirtualPrinter(profile: try Profiles.load("epson-tm-t82iii"))
        // 中文 (D6D0 CEC4), then a 4-byte GB18030 character (U+00A5 ¥ is 81 30 84 36), split.
        let text: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0x20, 0x81, 0x30, 0x84, 0x36, 0x41]
        printer.receive(B.initialize + Array(text.prefix(6)))
        printer.receive(Array(text.dropFirst(6)) + [0x0A])
        // FS . leaves double-byte mode: the same bytes are now CP437.
        printer.receive([0x1C, 0x2E, 0x82, 0x0A, 0x1C, 0x26, 0xB2, 0xE2, 0x0A] + B.partialCut)
        #expect(printer.pages.first?.text == "中文 ¥A\né\n测\n[cut partial]\n")
    }

    @Test func cutInTheMiddleOfALineIsIgnoredAndReported() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.initialize + B.text("no line feed") + B.partialCut)
        #expect(printer.pages.isEmpty)
        #expect(printer.diagnostics.contains { $0.message.contains("cut ignored") })
        printer.receive([0x0A] + B.partialCut)
        #expect(printer.pages.count == 1)
    }

    @Test func unknownAndMalformedCommandsAreSkippedAndReported() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        var job = B.initialize + B.line("before")
        job += [0x1B, 0x99] + B.line("after ESC")              // unknown ESC x: 2 bytes
        job += [0x1D, 0x99] + B.line("after GS")               // unknown GS x: 2 bytes
        job += [0x1D, 0x28, 0x7A, 3, 0, 1, 2, 3] + B.line("after GS ( z")  // declared length
        job += [0x1D, 0x56, 0x07] + B.line("after bad cut")    // GS V with invalid m
        job += [0x1D, 0x28, 0x6B, 3, 0, 48, 67, 3] + B.line("after PDF417")
        job += [0x07] + B.line("after BEL")
        job += B.partialCut
        printer.receive(job)
        #expect(printer.pages.first?.text == "before\nafter ESC\nafter GS\nafter GS ( z\nafter bad cut\nafter PDF417\nafter BEL\n[cut partial]\n")
        let messages = printer.diagnostics.map(\.message).joined(separator: "\n")
        #expect(messages.contains("unknown command ESC 0x99"))
        #expect(messages.contains("unknown command GS 0x99"))
        #expect(messages.contains("GS V with invalid mode 7"))
        #expect(messages.contains("unknown control byte 0x07"))
        // Offsets point at the bad command: ESC @ (2) + "before\n" (7) = 9.
        #expect(printer.diagnostics.first?.offset == 9)
    }

    @Test func truncatedCommandAtTheEndIsReported() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.line("text") + [0x1D, 0x76, 0x30, 0, 10, 0, 10, 0, 1, 2, 3])
        printer.finish()
        #expect(printer.pages.first?.text == "text\n")
        #expect(printer.diagnostics.contains { $0.message.contains("stream ended inside a command (11 bytes)") })
    }

    @Test func barcodesBothFunctionsAndHRI() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        var job = B.initialize + B.barcodeSetup(height: 50, width: 2, hri: 0)
        job += B.barcodeA(2, B.text("400638133393"))             // EAN-13, function A
        job += B.barcodeB(68, B.text("9638507"))                 // EAN-8, function B
        job += B.barcodeB(65, B.text("03600029145"))             // UPC-A
        job += B.barcodeA(4, B.text("TILL-42"))                  // Code 39
        job += B.barcodeB(70, B.text("12345678"))                // ITF
        job += B.barcodeB(67, B.text("4006381333932"))           // wrong check digit
        job += B.barcodeB(71, B.text("A123A"))                   // Codabar
        job += B.partialCut
        printer.receive(job)
        let expected = """
        [barcode EAN-13 4006381333931]
        [barcode EAN-8 96385074]
        [barcode UPC-A 036000291452]
        [barcode Code 39 TILL-42]
        [barcode ITF 12345678]
        [barcode EAN-13 4006381333931]
        [barcode Codabar A123A]
        [cut partial]

        """
        #expect(printer.pages.first?.text == expected)
        #expect(printer.diagnostics.contains { $0.message.contains("check digit 2 is wrong (should be 1)") })
    }

    @Test func barcodeWiderThanThePaperIsNotPrinted() throws {
        let printer = VirtualPrinter(profile: try Profiles.load("generic-58"))  // 384 dots
        printer.receive(B.initialize + B.barcodeSetup(width: 6) + B.barcodeB(69, B.text("ABCDEFGHIJ")) + [0x0A])
        printer.finish()
        #expect(printer.pages.first?.text.contains("NOT PRINTED: Code 39 is") == true)
    }

    @Test func qrOnAPrinterWithoutNativeQRIsNotPrinted() throws {
        let printer = VirtualPrinter(profile: try Profiles.generic80)
        printer.receive(B.initialize + B.qr(B.text("x")) + B.partialCut)
        #expect(printer.pages.first?.text.contains("NOT PRINTED: generic-80 has no native QR") == true)
    }

    @Test func imagesRasterGraphicsNVAndLegacyNV() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        var logo = Bitmap(width: 16, height: 4)
        for x in 0..<16 { logo[x, 0] = true; logo[x, 3] = true }
        var job = B.initialize + B.raster(logo)
        // GS ( L fn 112 store (scale 2×1), fn 50 print.
        job += [0x1D, 0x28, 0x4C, UInt8(10 + logo.bits.count), 0, 48, 112, 48, 2, 1, 49, 16, 0, 4, 0] + logo.bits
        job += [0x1D, 0x28, 0x4C, 2, 0, 48, 50]
        // GS 8 L fn 67 define NV "LG", GS ( L fn 69 print it.
        let define: [UInt8] = [48, 67, 48, 0x4C, 0x47, 1, 16, 0, 4, 0, 49] + logo.bits
        job += [0x1D, 0x38, 0x4C, UInt8(define.count), 0, 0, 0] + define
        job += [0x1D, 0x28, 0x4C, 6, 0, 48, 69, 0x4C, 0x47, 1, 1]
        job += [0x1D, 0x28, 0x4C, 4, 0, 48, 66, 0x4C, 0x47]      // delete it
        job += [0x1D, 0x28, 0x4C, 6, 0, 48, 69, 0x4C, 0x47, 1, 1] // print: now missing
        // FS q: one 8×8 image, column format; FS p 1 0 prints it.
        job += [0x1C, 0x71, 1, 1, 0, 1, 0] + [UInt8](repeating: 0x81, count: 8) + [0x1C, 0x70, 1, 0]
        job += B.partialCut
        printer.receive(job)
        let page = try #require(printer.pages.first)
        #expect(page.text == """
        [raster 16x4]
        [graphics 32x4]
        [nv image "LG" 16x4]
        [note: NV image "LG" not defined: nothing printed]
        [nv bit image 1 8x8]
        [cut partial]

        """)
        let bitmap = page.bitmap(font: nil)
        #expect(bitmap.width == 512)
        #expect(bitmap.height == 4 + 4 + 4 + 8)
        // The raster's top row: 16 dots at the left edge; the FS q image's column 0 = 0x81.
        #expect((0..<16).allSatisfy { bitmap[$0, 0] } && !bitmap[16, 0])
        #expect(bitmap[0, 12] && !bitmap[0, 13] && bitmap[0, 19])
    }

    @Test func drawerKickRecordsPinAndPulse() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive([0x1B, 0x70, 0x01, 60, 120] + [0x10, 0x14, 1, 0, 2] + B.partialCut)
        // DLE DC4 is a real-time command: it acts on arrival, ahead of the buffered ESC p.
        #expect(printer.pages.first?.text == "[drawer pin 2 200ms/200ms]\n[drawer pin 5 120ms/240ms]\n[cut partial]\n")
        #expect(printer.condition.drawerPin3High)
    }

    @Test func longLinesWrapAtThePaperWidth() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)  // 42 columns of font A
        printer.receive(B.initialize + B.line(String(repeating: "x", count: 45)) + B.partialCut)
        #expect(printer.pages.first?.text == String(repeating: "x", count: 42) + "\nxxx\n[cut partial]\n")
    }

    @Test func initializeResetsStylesAndCodePage() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.bold(true) + B.codePage(16) + B.size(2, 1) + B.initialize + [0x80, 0x0A] + B.partialCut)
        #expect(printer.pages.first?.text == "Ç\n[cut partial]\n")
    }
}

@Suite struct CodePageDiagnosticsTests {
    @Test func unknownOrUndecodableTablesAreReported() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        printer.receive(B.codePage(99) + B.codePage(32))  // not in the table; x-pc720
        let messages = printer.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("ESC t 99: code page not in this printer's table") })
        #expect(messages.contains { $0.contains("ESC t 32 (x-pc720): no decoding table") })
    }
}
