import TillCore
import TillGraphics
import Testing
@testable import TillEscPos

/// Slip layout per profile: columns per font, CJK as two columns, amounts at the right edge.
struct LayoutTests {
    func encode(_ blocks: [SlipBlock], on id: String, cut: EscPos.Cut? = nil) throws -> [UInt8] {
        var options = EncodeOptions()
        options.cut = cut
        return try Profiles.encoder(id).encode(SlipDocument(kind: .test, reference: "T", blocks: blocks, training: false),
                                               options: options).bytes
    }

    @Test func everyJobStartsWithInitialise() throws {
        let a = try encode([.text("one", .plain)], on: "generic-80")
        let b = try encode([.text("two", .plain)], on: "generic-80")
        #expect(Array(a.prefix(2)) == [0x1B, 0x40])
        #expect(Array(b.prefix(2)) == [0x1B, 0x40])
    }

    @Test func chineseNameCountsTwoColumnsAndAmountEndsAtTheRightEdge() throws {
        // 48 columns: 鱼香肉丝 is 8 columns, "12.50" 5, so 35 spaces between.
        let bytes = try encode([.pair("鱼香肉丝", "12.50", .plain)], on: "epson-tm-t82iii")
        let gb: [UInt8] = [0xD3, 0xE3, 0xCF, 0xE3, 0xC8, 0xE2, 0xCB, 0xBF]
        let expected = [0x1B, 0x40, 0x1C, 0x26] + gb + [UInt8](repeating: 0x20, count: 35) + Array("12.50".utf8) + [0x0A]
        #expect(bytes == expected)
    }

    @Test func amountsAlignOnA58mmPrinter() throws {
        let bytes = try encode([.pair("Tea", "3.00", .plain)], on: "xprinter-xp-58")
        // 32 columns: 3 + 25 spaces + 4.
        #expect(bytes == [0x1B, 0x40] + Array("Tea".utf8) + [UInt8](repeating: 0x20, count: 25) + Array("3.00".utf8) + [0x0A])
    }

    @Test func longNamesWrapAndTheAmountStaysOnTheLastLine() throws {
        let name = String(repeating: "宫保鸡丁", count: 7) // 28 characters, 56 columns
        let bytes = try encode([.pair(name, "88.00", .plain)], on: "epson-tm-t82iii")
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Line 1: 24 characters (48 columns); line 2: 4 characters + spaces + amount.
        #expect(lines.count == 3) // two lines and the empty rest after the final LF
        #expect(lines[1].count == 8 + 35 + 5) // 4 × 2 bytes, 48 − 8 − 5 spaces, amount
        #expect(Array(lines[1].suffix(5)) == Array("88.00".utf8))
    }

    @Test func doubleWidthTotalsUseHalfTheColumns() throws {
        let bytes = try encode([.pair("TOTAL", "9.99", .total)], on: "epson-tm-t88vi")
        // .total = bold + double height (not double width): 42 columns.
        #expect(bytes == preamble(Profiles.get("epson-tm-t88vi")) + [0x1B, 0x45, 1, 0x1D, 0x21, 0x01] + Array("TOTAL".utf8)
                + [UInt8](repeating: 0x20, count: 42 - 5 - 4) + Array("9.99".utf8) + [0x0A])
        let title = try encode([.text("SHOP", .title)], on: "epson-tm-t88vi")
        // .title: double width and height, centred in 21 columns: (21 − 4) / 2 = 8 spaces.
        #expect(title == preamble(Profiles.get("epson-tm-t88vi")) + [0x1B, 0x45, 1, 0x1D, 0x21, 0x11] + [UInt8](repeating: 0x20, count: 8) + Array("SHOP".utf8) + [0x0A])
    }

    @Test func smallTextUsesFontBColumns() throws {
        let bytes = try encode([.text("x", SlipStyle(small: true, align: .right))], on: "epson-tm-t88vi")
        #expect(bytes == preamble(Profiles.get("epson-tm-t88vi")) + [0x1B, 0x4D, 1] + [UInt8](repeating: 0x20, count: 55) + [0x78, 0x0A])
    }

    @Test func rulesSpanThePaper() throws {
        let bytes = try encode([.rule("=")], on: "zijiang-zj-5870")
        #expect(bytes == preamble(Profiles.get("zijiang-zj-5870")) + [UInt8](repeating: 0x3D, count: 32) + [0x0A])
    }

    @Test func stylesAreSentOnlyWhenTheyChange() throws {
        let bytes = try encode([.text("a", .bold), .text("b", .bold), .text("c", .plain)], on: "generic-80")
        #expect(bytes == preamble(Profiles.get("generic-80")) + [0x1B, 0x45, 1, 0x61, 0x0A, 0x62, 0x0A, 0x1B, 0x45, 0, 0x63, 0x0A])
    }

    @Test func bannersAreReversedDoubleSizeAcrossTheWidth() throws {
        let bytes = try encode([.banner("COPY")], on: "epson-tm-t88vi")
        // 21 double-width columns, "COPY" centred: 8 spaces, text, 9 spaces (kept: reversed).
        let line = [UInt8](repeating: 0x20, count: 8) + Array("COPY".utf8) + [UInt8](repeating: 0x20, count: 9)
        #expect(bytes == preamble(Profiles.get("epson-tm-t88vi")) + [0x1B, 0x45, 1, 0x1D, 0x21, 0x11, 0x1D, 0x42, 1] + line + [0x0A])
    }

    @Test func chineseOnAWesternPrinterDownloadsItsGlyphs() throws {
        let bytes = try encode([.pair("鱼香肉丝", "12.50", .plain)], on: "epson-tm-t88vi")
        #expect(!bytes.contains(EscPos.enterMultibyte))
        #expect(!bytes.contains([0x1D, 0x76, 0x30]))
        // One ESC & for codes 0x21…0x28 (four glyphs, two cells each), then the line as codes;
        // the amount's digits hold no glyph, so they print as themselves without ESC % 0.
        #expect(bytes.contains([0x1B, 0x26, 2, 0x21, 0x28]))
        #expect(bytes.contains([0x1B, 0x25, 1, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x20]))
        #expect(!bytes.contains([0x1B, 0x25, 0]) && bytes.contains(Array("12.50".utf8)))
    }

    /// Without user-defined characters the line goes as raster, then the gap to the next line
    /// (ESC J): this test pinned the raster line alone before (issue 13: raster lines touched).
    @Test func chineseOnAPrinterWithoutUserCharactersPrintsAsARasterLineAndItsGap() throws {
        var profile = Profiles.get("epson-tm-t88vi")
        profile.userDefinedCharacters = false
        var options = EncodeOptions()
        options.cut = nil
        let bytes = try SlipEncoder(profile: profile).encode(
            SlipDocument(kind: .test, reference: "T", blocks: [.pair("鱼香肉丝", "12.50", .plain)], training: false), options: options).bytes
        // One GS v 0 of 42 columns × 12 dots = 504 dots = 63 bytes a row, 24 rows (font A cell),
        // then ESC J 6: 1/6 inch at 180 dpi is 30 dots, 24 of them printed.
        let header: [UInt8] = [0x1D, 0x76, 0x30, 0, 63, 0, 24, 0]
        let at = try #require(bytes.firstRange(of: header))
        #expect(bytes.count == at.upperBound + 63 * 24 + 3)
        #expect(Array(bytes.suffix(3)) == [0x1B, 0x4A, 6])
    }

    @Test func aMissingFontNamesTheDebianPackage() throws {
        var options = EncodeOptions()
        options.fontPath = "/nonexistent/unifont.hex"
        let doc = SlipDocument(kind: .test, reference: "T", blocks: [.text("中文", .plain)], training: false)
        do {
            _ = try Profiles.encoder("generic-80").encode(doc, options: options)
            Issue.record("encoding without the font succeeded")
        } catch {
            #expect("\(error)".contains("apt-get install unifont"))
        }
    }
}

struct LineRasterizerTests {
    @Test func drawsUnifontGlyphsScaledToTheFontCell() throws {
        let font = try BitmapFont.cached()
        let bitmap = LineRasterizer.render("中a", font: font, cellWidth: 12, cellHeight: 24, style: TillEscPos.TextStyle(), maxWidth: 576)
        #expect(bitmap.width == 40 && bitmap.height == 24) // 3 columns × 12 = 36, rounded up to whole bytes
        let zhong = try #require(font.glyph(for: "中")), a = try #require(font.glyph(for: "a"))
        for y in 0..<24 {
            for x in 0..<24 { #expect(bitmap[x, y] == zhong[x * 16 / 24, y * 16 / 24]) }
            for x in 0..<12 { #expect(bitmap[24 + x, y] == a[x * 8 / 12, y * 16 / 24]) }
            for x in 36..<40 { #expect(!bitmap[x, y]) }
        }
    }
}
