import Testing
import TillCore
@testable import TillScanning

@Suite struct EmbeddedRuleTests {
    @Test func weightEmbeddedEAN13GivesBaseBarcodeAndWeight() throws {
        let rule = try EmbeddedRule("2[0-9] IIIII WWWWW K")
        let s = ScanInterpreter(embeddedRules: [rule]).interpret(Array("2101234012505".utf8))
        #expect(s.embedded?.itemCode == "01234")
        #expect(s.embedded?.weight == Quantity(thousandths: 1250))
        // Weight from the label wins over a typed quantity; lookup is the zeroed base barcode.
        #expect(s.registerAction(typedQuantity: .each(2)) == .success(.codeEntered("2101234000007", quantity: Quantity(thousandths: 1250))))
    }

    @Test func lookupFormsAreConfigurable() throws {
        let code = Array("2101234012505".utf8)
        #expect(ScanInterpreter(embeddedRules: [try EmbeddedRule("2[0-9] IIIII WWWWW K", lookup: .itemCode)]).interpret(code).lookupCode == "01234")
        #expect(ScanInterpreter(embeddedRules: [try EmbeddedRule("2[0-9] IIIII WWWWW K", lookup: .prefixAndItem)]).interpret(code).lookupCode == "2101234")
        // Outside the rule's prefixes, an EAN-13 is an ordinary item.
        #expect(ScanInterpreter(embeddedRules: [try EmbeddedRule("2[0-4] IIIII WWWWW K")]).interpret(Array("4006381333931".utf8)).embedded == nil)
    }

    @Test func valueCheckDigitIsVerified() throws {
        let rule = try EmbeddedRule("2[0-9] IIII C WWWWW K")
        let ok = ScanInterpreter(embeddedRules: [rule]).interpret(Array("2412347012505".utf8))
        #expect(ok.embedded?.valueCheck == .valid && ok.quantity == Quantity(thousandths: 1250))
        // Same weight, value check 3 instead of 7; EAN check digit recomputed so only C is wrong.
        let body = "241234301250"
        let bad = ScanInterpreter(embeddedRules: [rule]).interpret(Array(GTIN.appendingCheckDigit(body).utf8))
        #expect(bad.problem == .valueCheckDigitWrong(code: GTIN.appendingCheckDigit(body), expected: 7, found: 3))
        #expect(bad.problem?.refusal != nil)
        #expect(bad.problem?.remedy.zh.contains("重新称重") == true)
    }

    @Test func priceEmbeddedCodesCarryAPriceNotAQuantity() throws {
        let rule = try EmbeddedRule("2[5-9] IIIII PPPPP K", lookup: .itemCode)
        let s = ScanInterpreter(embeddedRules: [rule]).interpret(Array(GTIN.appendingCheckDigit("250077700349").utf8))
        #expect(s.embedded?.priceMinor == 349 && s.quantity == nil)
        #expect(s.registerAction() == .success(.codeEntered("00777", quantity: nil)))
    }

    @Test func badPatternsSayWhy() {
        // The example written with 5 item digits AND a C is 14 positions long.
        func reason(_ pattern: String) -> String? {
            #expect(throws: EmbeddedRule.PatternError.self) { try EmbeddedRule(pattern) }?.reason
        }
        #expect(reason("2[0-9] IIIII C WWWWW K")?.contains("14 positions") == true)
        #expect(reason("2[0-9] IIII WW C WWW K")?.contains("one run") == true)
        #expect(reason("2[0-9] K IIII WWWWW I")?.contains("last") == true)
        #expect(reason("2[0-9] IIIII WWWWP K")?.contains("not both") == true)
    }
}
