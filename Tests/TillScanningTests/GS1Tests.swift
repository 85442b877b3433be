import Testing
import TillCore
@testable import TillScanning

private func scan(_ text: String) -> ScanInterpretation { ScanInterpreter().interpret(Array(text.utf8)) }

@Suite struct GS1Tests {
    @Test func gtinExpiryLotAndSerialWithGroupSeparator() {
        let s = scan("]C1010950600013435217261231" + "10LOT42\u{1D}21SN7")
        #expect(s.symbology == .gs1_128)
        #expect(s.gs1 == [GS1Element(ai: "01", data: "09506000134352"), GS1Element(ai: "17", data: "261231"),
                          GS1Element(ai: "10", data: "LOT42"), GS1Element(ai: "21", data: "SN7")])
        #expect(s.gs1[1].date == "2026-12-31")
        // The GTIN-14 with indicator 0 is looked up as its EAN-13.
        #expect(s.registerAction() == .success(.codeEntered("9506000134352", quantity: nil)))
    }

    @Test func netWeightIsTheQuantity() {
        let kg3 = scan("]C10109506000134352" + "3103001250")
        #expect(kg3.gs1.last?.netWeightKilograms == Quantity(thousandths: 1250))
        #expect(kg3.registerAction() == .success(.codeEntered("9506000134352", quantity: Quantity(thousandths: 1250))))
        #expect(GS1Element(ai: "3102", data: "000125").netWeightKilograms == Quantity(thousandths: 1250))
        #expect(GS1Element(ai: "3100", data: "000002").netWeightKilograms == Quantity(thousandths: 2000))
        #expect(GS1Element(ai: "3105", data: "012345").netWeightKilograms == Quantity(thousandths: 123))
    }

    @Test func withoutAIMALeadingGSMarksGS1() {
        let s = scan("\u{1D}0109506000134352" + "10ABC")
        #expect(s.symbology == .gs1_128 && s.symbologySource == .detected)
        #expect(s.lookupCode == "9506000134352")
    }

    @Test func fixedLengthFieldNeedsNoSeparatorVariableOneDoes() {
        #expect(GS1Parser.parse("1726123110ABC") == .success([GS1Element(ai: "17", data: "261231"), GS1Element(ai: "10", data: "ABC")]))
        // Without GS after (10) the serial AI is swallowed into the lot: too long for (10).
        #expect(GS1Parser.parse("10ABCDEFGHIJKLMNOPQRS21XYZ") == .failure(.tooLong(ai: "10", data: "ABCDEFGHIJKLMNOPQRS21XYZ")))
    }

    @Test func unreadableGS1NamesTheCause() {
        #expect(GS1Parser.parse("0109506000134352" + "17261331") == .failure(.badDate(ai: "17", data: "261331")))
        #expect(GS1Parser.parse("010950600013") == .failure(.tooShort(ai: "01")))
        let unknown = scan("]C10109506000134352" + "5512")
        #expect(unknown.problem == .gs1Unreadable(data: "010950600013435255" + "12", failure: .unknownAI(at: 16, text: "5512")))
        #expect(unknown.problem?.message.en.contains("position 17") == true)
        #expect(unknown.problem?.message.zh.contains("第 17 位") == true)
    }

    @Test func wrongGTINInsideGS1AndPalletLabels() {
        #expect(scan("]C10109506000134353").problem == .checkDigitWrong(code: "09506000134353", expected: 2, found: 3))
        let sscc = scan("]C100106141411234567897")
        #expect(sscc.gs1.first?.title == "SSCC")
        #expect(sscc.problem == .gs1WithoutGTIN(data: "00106141411234567897"))
    }
}
