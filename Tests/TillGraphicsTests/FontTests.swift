import Foundation
import Testing
@testable import TillGraphics

struct FontTests {
    @Test func parsesNarrowAndWideGlyphs() throws {
        let hex = "0041:0000000018242442427E424242420000\n4E2D:0100010001003FF8210821082108210821083FF8210801000100010001000100\n"
        let font = BitmapFont(try BitmapFont.parse(Array(hex.utf8), path: "inline"))
        let a = try #require(font.glyph(for: "A"))
        #expect(a.width == 8)
        #expect(a.rows[4] == 0x18)
        #expect(a[3, 4] && a[4, 4] && !a[2, 4]) // 0x18 = ...XX...
        let zhong = try #require(font.glyph(for: "中"))
        #expect(zhong.width == 16)
        #expect(zhong.rows[3] == 0x3FF8)
        #expect(zhong[7, 0] && !zhong[6, 0]) // 0x0100: the stroke's top at column 7
        #expect(font.glyph(for: "B") == nil)
        // Built from glyph values too, and beyond the Basic Multilingual Plane.
        let built = BitmapFont(glyphs: [0x1F600: a, 0x41: zhong])
        #expect(built.glyph(for: "\u{1F600}") == a)
        #expect(built.glyph(for: "A") == zhong)
        #expect(built.count == 2)
    }

    @Test func malformedLinesAreNamed() {
        #expect(throws: BitmapFontError.malformedLine(path: "f.hex", line: 2)) {
            try BitmapFont.parse(Array("0041:0000000018242442427E424242420000\n0042:12\n".utf8), path: "f.hex")
        }
    }

    @Test func aMissingFileNamesTheDebianPackage() {
        do {
            _ = try BitmapFont(path: "/nonexistent/unifont.hex")
            Issue.record("loaded a missing font")
        } catch {
            #expect("\(error)".contains("apt-get install unifont"))
        }
    }

    @Test func theInstalledUnifontCoversLatinAndCJK() throws {
        let font = try BitmapFont.cached()
        #expect(font.count > 50_000)
        #expect(font.glyph(for: "€")?.width == 8)
        #expect(font.glyph(for: "鱼")?.width == 16)
        #expect(try BitmapFont.cached() === font) // parsed once per process
    }
}
