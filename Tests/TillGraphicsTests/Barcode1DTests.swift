import TillCore
import Foundation
import Testing
@testable import TillGraphics

/// A 1D symbol drawn `scale` dots per module, 10-module quiet zones, 60 dots high.
func barcodeBitmap(_ code: Barcode1D, scale: Int = 2, height: Int = 60) -> Bitmap {
    let quiet = 10
    let width = (code.modules.count + 2 * quiet) * scale
    var bitmap = Bitmap(width: width, height: height)
    for (i, bar) in code.modules.enumerated() where bar {
        for dx in 0..<scale {
            for y in 0..<height { bitmap[(quiet + i) * scale + dx, y] = true }
        }
    }
    return bitmap
}

@Suite struct Barcode1DTests {
    @Test func eanFamilyHasTheStandardModuleCounts() throws {
        #expect(try Barcode1D.encode(.ean13, data: Array("400638133393".utf8)).modules.count == 95)
        #expect(try Barcode1D.encode(.upcA, data: Array("03600029145".utf8)).modules.count == 95)
        #expect(try Barcode1D.encode(.ean8, data: Array("9638507".utf8)).modules.count == 67)
    }

    @Test func checkDigitsAreComputedAndVerified() throws {
        #expect(try Barcode1D.encode(.ean13, data: Array("400638133393".utf8)).text == "4006381333931")
        #expect(try Barcode1D.encode(.upcA, data: Array("03600029145".utf8)).text == "036000291452")
        #expect(try Barcode1D.encode(.ean8, data: Array("9638507".utf8)).text == "96385074")
        #expect(throws: BarcodeError.checkDigitMismatch(.ean13, given: 2, expected: 1)) {
            try Barcode1D.encode(.ean13, data: Array("4006381333932".utf8))
        }
        let message = BarcodeError.checkDigitMismatch(.ean13, given: 2, expected: 1).description
        #expect(message.contains("check digit is 2") && message.contains("gives 1"))
    }

    @Test func badInputNamesTheProblem() {
        #expect(throws: BarcodeError.wrongLength(.ean8, got: 5, allowed: [7, 8])) {
            try Barcode1D.encode(.ean8, data: Array("12345".utf8))
        }
        #expect(throws: BarcodeError.invalidCharacter(.ean13, byte: 0x41, position: 3)) {
            try Barcode1D.encode(.ean13, data: Array("123A56789012".utf8))
        }
        #expect(throws: BarcodeError.invalidCharacter(.code39, byte: 0x61, position: 0)) {
            try Barcode1D.encode(.code39, data: Array("abc".utf8))
        }
        #expect(throws: BarcodeError.oddDigitCount(got: 5)) {
            try Barcode1D.encode(.itf, data: Array("12345".utf8))
        }
        #expect(throws: BarcodeError.code128MissingCodeSet) {
            try Barcode1D.encode(.code128, data: Array("ABC".utf8))
        }
        #expect(throws: BarcodeError.invalidCharacter(.code128, byte: 100, position: 2)) {
            try Barcode1D.encode(.code128, data: [0x7B, 0x43, 100])
        }
        #expect(throws: BarcodeError.code128BadEscape(position: 2)) {
            try Barcode1D.encode(.code128, data: Array("{B{X".utf8))
        }
    }

    @Test func code128ChecksumMatchesTheWorkedExample() throws {
        // "PJJ123C" in set B: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879, 879 mod 103 = 55.
        let (values, text) = try Code128.symbols(escPosData: Array("{BPJJ123C".utf8))
        #expect(values == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106])
        #expect(text == "PJJ123C")
    }

    /// The one optimiser (`Code128Sets`, exact) behind `Code128.encode(text:)`: the greedy rules
    /// of thumb that used to sit here had no caller and are gone.
    @Test func code128OptimiserUsesSetCForDigitRuns() throws {
        // (text, fewest symbol characters: start + switches + data)
        let cases: [([UInt8], Int)] = [
            (Array("123456".utf8), 4), (Array("AB12345".utf8), 7), (Array("a{b".utf8), 4), ([0x41, 0x09, 0x42], 4),
        ]
        for (text, fewest) in cases {
            let plan = try #require(Code128Sets.plan(text))
            #expect(plan.symbolCharacters == fewest, "\(text)")
            let decoded = try Code128.symbols(escPosData: Code128Sets.escPosData(plan))
            #expect(decoded.values.count == fewest + 2, "\(text): start…data, check, stop")
            // HRI text shows control characters otherwise; the printable ones read back as given.
            if text.allSatisfy({ $0 >= 0x20 }) { #expect(decoded.text == String(decoding: text, as: UTF8.self)) }
        }
        #expect(try #require(Code128Sets.plan(Array("123456".utf8))).runs.map(\.set) == [.c])
        #expect(try Code128.encode(text: Array("No.123456".utf8)).text == "No.123456")
    }

    @Test
    func zbarimgReadsEverySymbology() throws {
        let cases: [(Symbology, String, String)] = [
            (.ean13, "400638133393", "4006381333931"),
            (.ean13, "5901234123457", "5901234123457"),
            (.ean13, "9780201379624", "9780201379624"),
            (.upcA, "03600029145", "036000291452"),
            (.ean8, "9638507", "96385074"),
            (.code39, "0123456789ABCDEFGHIJ", "0123456789ABCDEFGHIJ"),
            (.code39, "KLMNOPQRSTUVWXYZ-. $/+%", "KLMNOPQRSTUVWXYZ-. $/+%"),
            (.code39, "*TILL-42*", "TILL-42"),
            (.itf, "12345678901234", "12345678901234"),
            (.itf, "00998877", "00998877"),
        ]
        for (symbology, data, expected) in cases {
            let code = try Barcode1D.encode(symbology, data: Array(data.utf8))
            var args: [String] = []
            if symbology == .upcA { args = ["-Supca.enable"] }  // zbar reports UPC-A as EAN-13 unless asked
            let read = try ZBar.scan(png: PNG.encode(barcodeBitmap(code)), extraArguments: args)
            let want = symbology == .upcA && read.first?.count == 13 ? "0" + expected : expected
            #expect(read == [want], "\(symbology.rawValue) \(data)")
        }
    }

    @Test
    func zbarimgReadsCode128InEveryCodeSetAndAllSymbolValues() throws {
        // Every value 0…95 of set B, every pair 00…99 of set C, and switches between A, B, C.
        let setB = Array(0x20...0x7E).map(UInt8.init)
        var escB: [UInt8] = Array("{B".utf8)
        for b in setB { if b == 0x7B { escB += [0x7B, 0x7B] } else { escB.append(b) } }
        let cases: [([UInt8], String)] = [
            (Array(escB.prefix(2 + 48)), String(decoding: setB.prefix(48), as: UTF8.self)),
            (Array("{B".utf8) + Array(setB.dropFirst(48)).flatMap { $0 == 0x7B ? [0x7B, 0x7B] : [$0] },
             String(decoding: setB.dropFirst(48), as: UTF8.self)),
            ([0x7B, 0x43] + (0..<50).map(UInt8.init), (0..<50).map { String(format: "%02d", $0) }.joined()),
            ([0x7B, 0x43] + (50..<100).map(UInt8.init), (50..<100).map { String(format: "%02d", $0) }.joined()),
            (Array("{ANO.".utf8) + [0x7B, 0x43, 12, 34, 56] + Array("{Bab".utf8), "NO.123456ab"),
            (Array("{Babc{SD".utf8) + Array("ef".utf8), "abcDef"),
        ]
        for (data, expected) in cases {
            let code = try Barcode1D.encode(.code128, data: data)
            #expect(code.text == expected)
            #expect(try ZBar.scan(png: PNG.encode(barcodeBitmap(code))) == [expected], "\(expected)")
        }
        for text in ["No.123456", "A", "12", "TILL 0042 42", "x9876543210y"] {
            let code = try Code128.encode(text: Array(text.utf8))
            #expect(try ZBar.scan(png: PNG.encode(barcodeBitmap(code))) == [text], "\(text)")
        }
    }
}
