import TillCore
import TillGraphics
import Testing
@testable import TillEscPos

struct BarcodeTests {
    @Test func digitsPackIntoCodeSetC() throws {
        let plan = try #require(Code128Sets.plan(Array("12345678".utf8)))
        #expect(plan.symbolCharacters == 5) // start C + 4 pairs
        #expect(Code128Sets.escPosData(plan) == [0x7B, 0x43, 12, 34, 56, 78])
    }

    @Test func receiptCodesPrintInSetC() throws {
        let code = "9010000012325112347"  // 19 digits: odd, so one digit goes in set B
        let payload = try BarcodePayload(.code128, code)
        let plan = try #require(Code128Sets.plan(Array(code.utf8)))
        #expect(plan.symbolCharacters == 1 + 9 + 1 + 1) // start, 9 pairs, switch, 1 digit
        #expect(payload.data.count == 2 + 9 + 2 + 1)
    }

    @Test func mixedTextSwitchesOnlyWhereItPays() throws {
        let plan = try #require(Code128Sets.plan(Array("AB12345678".utf8)))
        #expect(Code128Sets.escPosData(plan) == [0x7B, 0x42, 0x41, 0x42, 0x7B, 0x43, 12, 34, 56, 78])
        #expect(plan.symbolCharacters == 8)
        // Two digits in the middle are cheaper left in set B than switched.
        let short = try #require(Code128Sets.plan(Array("AB12CD".utf8)))
        #expect(short.runs.count == 1 && short.symbolCharacters == 7)
        // A control character needs set A; a literal '{' is doubled.
        let tab = try #require(Code128Sets.plan([0x41, 0x09, 0x42]))
        #expect(Code128Sets.escPosData(tab) == [0x7B, 0x41, 0x41, 0x09, 0x42])
        let brace = try #require(Code128Sets.plan(Array("a{b".utf8)))
        #expect(Code128Sets.escPosData(brace) == [0x7B, 0x42, 0x61, 0x7B, 0x7B, 0x62])
        #expect(Code128Sets.plan(Array("é".utf8)) == nil)
    }

    @Test func readableByTheSymbolDrawersDecoder() throws {
        // The symbol drawer's own Code 128 decoder (TillGraphics) must accept the data GS k is
        // sent and yield the same text. (Minimality is checked against a plain dynamic
        // programme in Code128PlanTests; the greedy optimiser once compared here is gone.)
        for text in ["9010000012325112347", "AB12345678", "abc", "12", "1", "X1234Y56789012Z", "a{b", "000000", "A1B2C3"] {
            let plan = try #require(Code128Sets.plan(Array(text.utf8)))
            let decoded = try Code128.symbols(escPosData: Code128Sets.escPosData(plan))
            #expect(decoded.text == text, "\(text)")
            #expect(decoded.values.count == plan.symbolCharacters + 2, "\(text): start…data, check, stop")
        }
    }

    @Test func eanFamilyValidatesLengthAndCheckDigit() throws {
        #expect(try BarcodePayload(.ean13, "400638133393").data == Array("400638133393".utf8))
        #expect(try BarcodePayload(.ean13, "4006381333931").m == 67)
        #expect(throws: BarcodeDataError.self) { try BarcodePayload(.ean13, "4006381333932") }
        #expect(throws: BarcodeDataError.self) { try BarcodePayload(.ean8, "123") }
        #expect(try BarcodePayload(.ean8, "96385074").m == 68)
        #expect(try BarcodePayload(.upcA, "03600029145").m == 65)
        #expect(throws: BarcodeDataError.self) { try BarcodePayload(.itf, "123") }
        #expect(try BarcodePayload(.itf, "1234").m == 70)
        #expect(throws: BarcodeDataError.self) { try BarcodePayload(.code39, "abc") }
        #expect(try BarcodePayload(.code39, "ABC-1").data == Array("ABC-1".utf8))
    }

    @Test func nativeBarcodeBytes() throws {
        let doc = SlipDocument(kind: .test, reference: "T", blocks: [.barcode(.ean13, "400638133393")], training: false)
        var options = EncodeOptions()
        options.cut = nil
        let bytes = try Profiles.encoder("epson-tm-t20iii").encode(doc, options: options).bytes
        // Centre, module width 3 (fits 576 dots), height 81 dots (2/5 of 203 dpi), GS k 67.
        #expect(bytes == preamble(Profiles.get("epson-tm-t20iii")) + [0x1B, 0x61, 1, 0x1D, 0x77, 3, 0x1D, 0x68, 81, 0x1D, 0x6B, 67, 12] + Array("400638133393".utf8))
    }

    @Test func printersWithoutNativeBarcodesGetARasterSymbol() throws {
        let doc = SlipDocument(kind: .test, reference: "T", blocks: [.barcode(.code128, "9010000012325112347")], training: false)
        var options = EncodeOptions()
        options.cut = nil
        let bytes = try Profiles.encoder("zijiang-zj-5870").encode(doc, options: options).bytes
        #expect(!bytes.contains([0x1D, 0x6B]))
        #expect(bytes.contains([0x1D, 0x76, 0x30, 0]))
    }
}
