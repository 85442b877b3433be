import Testing
@testable import TillCore

/// Receipt codes name the shop, the till and the sequence, and no single misread digit (nor a
/// swap of neighbours) anywhere, the shop's digits included, reads as another receipt.
@Suite struct ReceiptCodeShopTests {
    @Test func generatedCodesRoundTripAndEveryMisreadDigitIsCaught() {
        var random = SeededRandom.fromEnvironment()
        for _ in 0..<300 {
            guard let shop = ShopCode(parsing: String(random.int(in: 1...9999))) else {
                Issue.record("seed \(random.seed): shop code refused"); return
            }
            let till = twoDigits(Int64(random.int(in: 0...99)))
            let sequence = Int64(random.int(in: 1...999_999_999))
            let date = CivilDate(daysSinceEpoch: Int64(random.int(in: 10_958...47_482)))   // 2000 to 2099
            let code = ReceiptCode.make(shop: shop, till: String(till), sequence: sequence, date: date)
            #expect(code.count == ReceiptCode.length, "seed \(random.seed)")
            #expect(ReceiptCode.parse(code) == .receipt(shop: shop, till: String(till), sequence: sequence), "seed \(random.seed): \(code)")
            let own = ShopCode(parsing: "1") ?? .standard
            #expect(ReceiptReference.parse(code, defaultTill: "01").map { $0.key(ownShop: own) }
                    == .success(DocumentKey(shop: shop, number: DocumentNumber(kind: .sale, till: String(till), sequence: sequence))),
                    "seed \(random.seed)")
            // One digit misread, anywhere: never another receipt, always "did not read correctly".
            var digits = Array(code)
            let i = random.int(in: 0...(digits.count - 1))
            let original = digits[i]
            digits[i] = Character(String((original.asciiDigitValue + random.int(in: 1...9)) % 10))
            let misread = String(digits)
            #expect(ReceiptReference.parse(misread, defaultTill: "01") == .failure(.receiptCodeUnreadable(code: misread)),
                    "seed \(random.seed): \(code) misread at \(i) as \(misread)")
            // Two neighbours swapped.
            var swapped = Array(code)
            let j = random.int(in: 1...(swapped.count - 2))
            if swapped[j] != swapped[j + 1] {
                swapped.swapAt(j, j + 1)
                #expect(ReceiptCode.parse(String(swapped)) == .damaged, "seed \(random.seed): swap at \(j) of \(code)")
            }
        }
    }

    @Test func olderCodesWithoutAShopReadAsThisShops() {
        let old = ReceiptCode.make(till: "01", sequence: 6, date: CivilDate(year: 2026, month: 11, day: 18))
        #expect(old.count == ReceiptCode.legacyLength)
        guard let other = ShopCode(parsing: "0042"), case .success(let reference) = ReceiptReference.parse(old, defaultTill: "02") else {
            Issue.record("an older code did not read"); return
        }
        #expect(reference.key(ownShop: other) == DocumentKey(shop: other, number: DocumentNumber(kind: .sale, till: "01", sequence: 6)))
        #expect(reference.description == "S01-000006")
    }

    @Test func shopCodesAreOneToFourDigitsNotZero() {
        #expect(ShopCode(parsing: "7")?.description == "0007")
        #expect(ShopCode(parsing: " 0120 ")?.description == "0120")
        for bad in ["", "0", "0000", "12345", "A1", "-1", "1.0"] { #expect(ShopCode(parsing: bad) == nil, "\(bad)") }
        // Another shop's receipt typed with its shop.
        #expect(ReceiptReference.parse("0003-S02-000006", defaultTill: "01")
                == .success(.number(DocumentNumber(kind: .sale, till: "02", sequence: 6), shop: ShopCode(parsing: "3"))))
    }
}
