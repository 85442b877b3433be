import Testing
import TillCore

/// Any count a person can type is taken or refused, never trapped: over generated counts (huge,
/// negative, not a denomination, the same note twice, Int64's edges) and generated text, the
/// count is taken exactly when every piece is a configured denomination, every number of pieces
/// is in range and the exact sum (computed in 128 bits) is within `ValueLimits`, and then it
/// equals that sum.
@Suite struct CashCountPropertyTests {
    static let allowed: [Int64] = Currency.cny.denominationsMinor

    @Test func aCountIsTakenExactlyWhenItIsExactAndInRange() {
        var random = SeededRandom.fromEnvironment()
        var taken = 0, refused = 0
        for _ in 0..<2_000 {
            var pieces: [Int64: Int64] = [:]
            for _ in 0..<random.int(in: 0...6) {
                let value = random.int(in: 0...4) == 0 ? random.int64() : random.pick(Self.allowed)
                let count = random.pick([0, 1, 3, 999_999, 1_000_000, -1, random.int64(), Int64(random.int(in: 0...500))])
                pieces[value] = count
            }
            let count = CashCount.denominations(pieces, .cny)
            let result = count.amount(allowed: Self.allowed, currency: .cny)
            var exact: Int128 = 0
            var valid = true
            for (value, number) in pieces {
                if !Self.allowed.contains(value) || number < 0 || number > CashCount.maximumPieces { valid = false }
                exact += Int128(value) * Int128(number)
            }
            valid = valid && exact <= Int128(ValueLimits.maximumAmountMinor)
            switch result {
            case .success(let money):
                taken += 1
                #expect(valid && Int128(money.minor) == exact, "seed \(random.seed): \(pieces) taken as \(money)")
            case .failure:
                refused += 1
                #expect(!valid, "seed \(random.seed): \(pieces) refused though exact (\(exact))")
            }
        }
        #expect(taken > 0 && refused > 0)
    }

    @Test func typedCountsParseOrSayWhyAndNeverTrap() {
        var random = SeededRandom.fromEnvironment()
        let words = ["100x3", "50X1", "0.5x4", "0.1*9", "20×2", "100x", "x3", "100x-1", "100x99999999999999999999", "12",
                     "9223372036854775807x9223372036854775807", "1e3", "１００x1", "100x1.5", "0.05x1", ",", "100x3,50x1", ""]
        for _ in 0..<1_000 {
            let text = (0..<random.int(in: 0...4)).map { _ in random.pick(words) }.joined(separator: random.pick([" ", ",", "  "]))
            switch CashCountText.parse(text, currency: .cny) {
            case .success(let count):
                // Whatever parsed is then checked by the same rule as above, without trapping.
                _ = count.amount(allowed: Self.allowed, currency: .cny)
            case .failure(let problem):
                #expect(!problem.message.en.isEmpty && !problem.message.zh.isEmpty, "seed \(random.seed): \(text)")
            }
        }
        #expect(CashCountText.parse("100x3 50x1 0.5x4", currency: .cny) == .success(.denominations([10_000: 3, 5_000: 1, 50: 4], .cny)))
        #expect(CashCountText.parse("100x1 100x2", currency: .cny) == .success(.denominations([10_000: 3], .cny)))
        #expect(CashCountText.parse("250.30", currency: .cny) == .success(.total(Money(minor: 25_030, currency: .cny))))
    }

    @Test func onScreenOneLinePerDenominationSetsThatDenominationAndKeepsTheOthers() {
        let hundreds = CashCount.denominations([10_000: 3], .cny)
        let fifties = CashCount.denominations([5_000: 1], .cny).merged(into: hundreds)
        #expect(fifties == .denominations([10_000: 3, 5_000: 1], .cny))
        #expect(CashCount.denominations([10_000: 2], .cny).merged(into: fifties) == .denominations([10_000: 2, 5_000: 1], .cny))
        let total = CashCount.total(Money(minor: 100, currency: .cny))
        #expect(total.merged(into: fifties) == total, "a total starts over")
        #expect(hundreds.merged(into: total) == hundreds)
    }
}
