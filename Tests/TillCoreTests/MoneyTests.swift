import Testing
@testable import TillCore

@Suite struct MoneyTests {
    @Test func parsesExactDecimalsWithoutFloatingPoint() {
        #expect(Money(parsing: "12.34", currency: .cny)?.minor == 1234)
        #expect(Money(parsing: "0.1", currency: .cny)?.minor == 10)
        #expect(Money(parsing: "-3", currency: .cny)?.minor == -300)
        #expect(Money(parsing: "12.345", currency: .cny) == nil)
        #expect(Money(parsing: "1,00", currency: .cny) == nil)
        #expect(Money(parsing: "", currency: .cny) == nil)
        #expect(Money(parsing: "500", currency: .jpy)?.minor == 500)
        #expect(Money(parsing: "5.5", currency: .jpy) == nil)
    }

    @Test func formatsWithSymbolAndSign() {
        #expect(Money(minor: 123_456, currency: .cny).formatted == "¥1234.56")
        #expect(Money(minor: -5, currency: .eur).formatted == "-€0.05")
        #expect(Money(minor: 7, currency: .jpy).plain == "7")
    }

    @Test func quantitiesParseExactlySoHalfNeverBecomesOne() {
        #expect(Quantity(parsing: "0.5")?.thousandths == 500)
        #expect(Quantity(parsing: "2")?.thousandths == 2000)
        #expect(Quantity(parsing: "1.250")?.description == "1.25")
        #expect(Quantity(parsing: "0.0005") == nil)
        #expect(Quantity(parsing: "abc") == nil)
    }

    @Test(arguments: [
        (Int64(5), Int64(1), Int64(10), Int64(1)),     // 0.5 rounds away from zero
        (Int64(-5), Int64(1), Int64(10), Int64(-1)),
        (Int64(14), Int64(1), Int64(10), Int64(1)),
        (Int64(15), Int64(1), Int64(10), Int64(2)),
        (Int64(1000), Int64(1), Int64(3), Int64(333)),
        (Int64(2000), Int64(1), Int64(3), Int64(667)),
        (Int64.max / 2, Int64(2), Int64(2), Int64.max / 2), // no overflow in the product
    ])
    func roundsHalfAwayFromZero(value: Int64, num: Int64, den: Int64, expected: Int64) {
        #expect(Rounding.mulDivHalfAwayFromZero(value, num, den) == expected)
    }

    @Test func cashRoundingToFiveCents() {
        let rounding = CashRounding(increment: 5)
        #expect(rounding.round(Money(minor: 1002, currency: .chf)).minor == 1000)
        #expect(rounding.round(Money(minor: 1003, currency: .chf)).minor == 1005)
        #expect(rounding.round(Money(minor: 1007, currency: .chf)).minor == 1005)
        #expect(rounding.round(Money(minor: 1008, currency: .chf)).minor == 1010)
    }
}

@Suite struct TaxTests {
    @Test func inclusiveTaxIsExtractedFromTheShelfPrice() {
        let tax = LineTax.compute(amount: Money(minor: 11_300, currency: .cny), taxClass: TestTill.vat13)
        #expect(tax.gross.minor == 11_300)
        #expect(tax.tax.minor == 1_300)
        #expect(tax.net.minor == 10_000)
    }

    @Test func exclusiveTaxIsAddedAndRoundedPerLine() {
        // 8% of 10.05 = 0.804 -> 0.80; of 10.07 = 0.8056 -> 0.81
        let a = LineTax.compute(amount: Money(minor: 1005, currency: .usd), taxClass: TestTill.salesTax)
        let b = LineTax.compute(amount: Money(minor: 1007, currency: .usd), taxClass: TestTill.salesTax)
        #expect(a.tax.minor == 80 && a.gross.minor == 1085)
        #expect(b.tax.minor == 81 && b.gross.minor == 1088)
    }

    @Test func saleTaxIsTheSumOfLineTaxes() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.send(.codeEntered("PEN", quantity: nil))
        till.send(.codeEntered("TEA", quantity: nil))
        guard case .selling(let draft) = till.state.activity else { Issue.record("no sale"); return }
        // Pen 10.00 + 8% = 10.80 (tax 0.80); tea 25.00 incl. 13% (tax 2.88)
        #expect(draft.totals.gross.minor == 1080 + 2500)
        #expect(draft.totals.tax.minor == 80 + 288)
    }
}
