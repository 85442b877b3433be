import Testing
@testable import TillEscPos

/// Code-page auto-selection and the GB18030 double-byte mode.
struct TextEncodingTests {
    @Test func asciiNeedsNoModeCommands() {
        var w = writer("epson-tm-t82iii")
        w.write("Total 12.50")
        #expect(body(w) == Array("Total 12.50".utf8))
    }

    @Test func euroSelectsAPageThatHasIt() {
        var w = writer("epson-tm-t88vi")
        w.write("€5")
        // CP858 (ESC t 19) is the preferred table with € (at 0xD5); CP437 lacks it.
        #expect(body(w) == [0x1B, 0x74, 19, 0xD5, 0x35])
    }

    @Test func accentsAndYenUseThePowerOnTableWhenItHasThem() {
        var w = writer("epson-tm-t88vi")
        w.write("é¥")
        // CP437: é = 0x82, ¥ = 0x9D. The table is named once even after ESC @, since memory
        // switches may have changed the power-on table.
        #expect(body(w) == [0x1B, 0x74, 0, 0x82, 0x9D])
    }

    @Test func oneSwitchServesAWholeLine() {
        var w = writer("epson-tm-t88vi")
        w.write("Café € Crème")
        let b = body(w)
        #expect(b.occurrences(of: [0x1B, 0x74]) == 1)
        // CP858 holds é (0x82), € (0xD5) and è (0x8A); CP437, tried first, lacks €.
        #expect(b == Array("Caf".utf8) + [0x1B, 0x74, 19, 0x82, 0x20, 0xD5, 0x20, 0x43, 0x72, 0x8A, 0x6D, 0x65])
    }

    @Test func switchesOnlyWhenTheCurrentPageLacksACharacter() {
        var w = writer("epson-tm-t88vi")
        w.write("é")
        w.write("ü")   // CP437 has ü (0x81): no new ESC t
        w.write("€")   // CP437 lacks €: switch
        #expect(body(w) == [0x1B, 0x74, 0, 0x82, 0x81, 0x1B, 0x74, 19, 0xD5])
    }

    @Test func chineseEntersDoubleByteModeOnce() {
        var w = writer("epson-tm-t82iii")
        w.write("中文 tea 茶")
        // GB18030: 中 D6D0, 文 CEC4, 茶 B2E8; ASCII stays single-byte inside FS & mode.
        #expect(body(w) == [0x1C, 0x26, 0xD6, 0xD0, 0xCE, 0xC4, 0x20, 0x74, 0x65, 0x61, 0x20, 0xB2, 0xE8])
    }

    @Test func leavesDoubleByteModeBeforeACodePageCharacter() {
        var w = writer("epson-tm-t82iii")
        w.write("茶é")
        #expect(body(w) == [0x1C, 0x26, 0xB2, 0xE8, 0x1C, 0x2E, 0x1B, 0x74, 0, 0x82])
    }

    @Test func gb18030RoundTripsThroughIconv() throws {
        let text = "收据 合计 找零 请保留收据以便退换 顾客签名 鱼香肉丝 宫保鸡丁"
        var w = writer("epson-tm-t82iii")
        w.write(text)
        let b = body(w)
        #expect(Array(b.prefix(2)) == EscPos.enterMultibyte)
        let decoder = try #require(Iconv.Converter(from: "GB18030", to: "UTF-8"))
        let decoded = try #require(decoder.convert(Array(b.dropFirst(2))))
        #expect(String(decoding: decoded, as: UTF8.self) == text)
    }

    @Test func routesByDisplayWidth() {
        let text = Profiles.encoder("epson-tm-t82iii").text
        #expect(text.route("中") == .multibyte)
        #expect(text.route("é") == .codePage)   // never through FS &: it would print two columns wide
        #expect(text.route("A") == .ascii)
        #expect(text.route("😀") == .none)      // neither a code page nor 2-byte GB18030
        let western = Profiles.encoder("epson-tm-t88vi").text
        #expect(western.route("中") == .none)   // a Western model: raster
        #expect(!western.printsNatively("鱼香肉丝"))
        #expect(western.printsNatively("Crème brûlée €4.50"))
    }

    @Test func controlCharactersCannotInjectCommands() {
        // An item name carrying ESC i (cut) or GS V must print as text, never act.
        #expect(ProfileText.sanitize("Tea\u{1B}i\u{1D}V\u{0}X") == "Tea i V X")
        #expect(ProfileText.sanitize("Cafe\u{301}") == "Café") // NFC
    }
}
