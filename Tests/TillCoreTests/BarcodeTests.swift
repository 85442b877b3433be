import Testing
@testable import TillCore

@Suite struct BarcodeTests {
    @Test(arguments: ["4006381333931", "6901234567892", "96385074", "036000291452", "10012345678902"])
    func acceptsValidGS1CheckDigits(code: String) {
        #expect(GTIN.verify(code) == .valid)
    }

    @Test func namesTheExpectedCheckDigitOfADamagedCode() {
        #expect(GTIN.verify("4006381333932") == .wrongCheckDigit(expected: 1, found: 2))
        #expect(GTIN.verify("TEA") == .notGTIN)
        #expect(GTIN.appendingCheckDigit("400638133393") == "4006381333931")
    }

    @Test func receiptCodesRoundTripAndCatchMisreads() {
        let code = ReceiptCode.make(till: "01", sequence: 123, date: CivilDate(year: 2026, month: 11, day: 23))
        #expect(code.count == 20)
        #expect(ReceiptCode.parse(code) == .receipt(shop: nil, till: "01", sequence: 123))
        // Every single-digit error and every adjacent swap is caught.
        let digits = Array(code)
        for i in 1..<digits.count {
            var changed = digits
            changed[i] = changed[i] == "0" ? "1" : "0"
            #expect(ReceiptCode.parse(String(changed)) == .damaged, "digit \(i)")
            if i + 1 < digits.count, digits[i] != digits[i + 1] {
                var swapped = digits
                swapped.swapAt(i, i + 1)
                #expect(ReceiptCode.parse(String(swapped)) == .damaged, "swap \(i)")
            }
        }
    }

    @Test func receiptReferencesAcceptNumbersCodesAndBareSequences() {
        #expect(ReceiptReference.parse("S01-000123", defaultTill: "01") == .success(.number(DocumentNumber(kind: .sale, till: "01", sequence: 123))))
        #expect(ReceiptReference.parse("45", defaultTill: "02") == .success(.number(DocumentNumber(kind: .sale, till: "02", sequence: 45))))
        #expect(ReceiptReference.parse("9011234", defaultTill: "01") == .success(.number(DocumentNumber(kind: .sale, till: "01", sequence: 9_011_234))))
        let bad = "90100000012326112399"
        #expect(ReceiptReference.parse(bad, defaultTill: "01") == .failure(.receiptCodeUnreadable(code: bad)))
    }

    @Test func civilDatesConvertBothWays() {
        #expect(CivilDate(daysSinceEpoch: 0).text == "1970-01-01")
        #expect(CivilDate(year: 2024, month: 2, day: 29).daysSinceEpoch == 19_782)
        #expect(CivilDate(daysSinceEpoch: 19_782) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(parsing: "2026-02-30") == nil)
        #expect(Timestamp(seconds: 1_795_000_000).localText(utcOffsetSeconds: 8 * 3600) == "2026-11-18 19:06")
    }
}
