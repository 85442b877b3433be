import Testing
import TillCore
@testable import TillScanning

private func scan(_ text: String, rules: [EmbeddedRule] = []) -> ScanInterpretation {
    ScanInterpreter(embeddedRules: rules).interpret(Array(text.utf8))
}

@Suite struct SymbologyTests {
    @Test func ean13WithAIMIdentifierIsLookedUpAsScanned() {
        let s = scan("]E04006381333931\r")
        #expect(s.aim?.description == "]E0")
        #expect(s.symbology == .ean13 && s.symbologySource == .aimIdentifier)
        #expect(s.checkDigit == .valid)
        #expect(s.registerAction() == .success(.codeEntered("4006381333931", quantity: nil)))
    }

    @Test func wrongEAN13CheckDigitIsTheCoresRefusalInBothLanguages() {
        let s = scan("4006381333932")
        #expect(s.checkDigit == .wrong(expected: 1, found: 2))
        #expect(s.problem == .checkDigitWrong(code: "4006381333932", expected: 1, found: 2))
        #expect(s.problem?.refusal == .barcodeCheckDigitWrong(code: "4006381333932", expected: 1, found: 2))
        #expect(s.problem?.message.en.contains("should be 1") == true)
        #expect(s.problem?.message.zh.contains("应为 1") == true)
        #expect(s.problem?.remedy.zh.isEmpty == false)
        #expect(s.lookupCode == nil)
    }

    @Test func typedQuantityIsKeptForPieceItems() {
        #expect(scan("]E09780201379624").registerAction(typedQuantity: .each(3))
                == .success(.codeEntered("9780201379624", quantity: .each(3))))
    }

    @Test func ean8AndUPCAWithoutAIMAreDetectedByLength() {
        #expect(scan("96385074").symbology == .ean8)
        #expect(scan("96385074").checkDigit == .valid)
        #expect(scan("036000291452").symbology == .upcA)
        #expect(scan("036000291452").lookupCode == "036000291452")
        #expect(scan("]E4963850740").problem == .malformed(symbology: .ean8, data: "963850740"))
    }

    @Test func upcEExpandsToUPCAForLookup() {
        // Published examples: 01234565 -> 012345000065 (last digit 5-9 rule), 04252614 -> 042100005264 (0-2 rule).
        #expect(UPCE.expand("01234565") == "012345000065")
        #expect(UPCE.expand("04252614") == "042100005264")
        #expect(UPCE.expand("425261") == "042100005264")   // 6 digits: number system 0, check computed
        #expect(UPCE.expand("0123453") == "012300000451")  // 7 digits, digit-3 rule (check digit computed)
        #expect(UPCE.expand("21234565") == nil)            // number system 2 does not exist for UPC-E
        let s = scan("]E001234565")
        #expect(s.symbology == .upcE)
        #expect(s.registerAction() == .success(.codeEntered("012345000065", quantity: nil)))
        // Without AIM, an 8-digit code whose EAN-8 check fails but UPC-E check fits is UPC-E.
        #expect(scan("04252614").symbology == .upcE)
        #expect(scan("]E004252615").problem == .checkDigitWrong(code: "04252615", expected: 4, found: 5))
        // Without AIM a damaged 8-digit code fits neither check: it is reported as a damaged EAN-8.
        #expect(scan("04252615").problem == .checkDigitWrong(code: "04252615", expected: 0, found: 5))
    }

    @Test func itf14AndITFModifiers() {
        let s = scan("]I115400141288763")
        #expect(s.symbology == .itf14 && s.checkDigit == .valid && s.lookupCode == "15400141288763")
        #expect(scan("]I115400141288764").problem == .checkDigitWrong(code: "15400141288764", expected: 3, found: 4))
        // ]I0: no check digit transmitted, so none is checked; odd length cannot be ITF.
        #expect(scan("]I01234").lookupCode == "1234")
        #expect(scan("]I0123").problem == .malformed(symbology: .itf, data: "123"))
    }

    @Test func code39CheckCharacterWhenTheScannerSendsIt() {
        // "CODE39" has mod-43 check character W (sum 12+24+13+14+3+9 = 75, 75 mod 43 = 32 -> "W").
        #expect(Code39.checkCharacter(for: "CODE39") == "W")
        let ok = scan("]A1CODE39W")
        #expect(ok.symbology == .code39 && ok.checkDigit == .valid && ok.lookupCode == "CODE39")
        let bad = scan("]A1CODE39X")
        #expect(bad.problem == .code39CheckWrong(code: "CODE39X", expected: "W", found: "X"))
        #expect(bad.problem?.message.zh.contains("校验字符") == true)
        #expect(scan("]A0SKU-123").lookupCode == "SKU-123")
    }

    @Test func code128AndUnidentifiedTextGoToTheCatalogAsSKU() {
        #expect(scan("]C0ABC-42").symbology == .code128)
        #expect(scan("]C0ABC-42").lookupCode == "ABC-42")
        #expect(scan("ABC-42").symbology == .other)
        #expect(scan("ABC-42").lookupCode == "ABC-42")
        #expect(scan("\r\n").problem == .empty)
    }

    @Test func eanAddOnIsSplitOff() {
        let s = scan("]E3978020137962412")
        #expect(s.addOn == "12" && s.lookupCode == "9780201379624")
    }

    @Test func priceCheckDigitsMatchTheGS1WorkedExamples() {
        #expect(PriceCheckDigit.digit(for: [2, 8, 7, 5]) == 9)
        #expect(PriceCheckDigit.digit(for: [1, 4, 6, 8, 5]) == 6)
        #expect(PriceCheckDigit.digit(for: [1, 2, 3]) == nil)
    }
}
