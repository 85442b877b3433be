import Testing
@testable import TillCore

/// The bounds the refund report hands to a database (`RefundFlag.justUnderLimitAmounts`,
/// `soonAfterSaleSeconds`) decide exactly what the core's own tests decide, for any limit,
/// percent and minutes a configuration can hold (generated, extremes included; seed printed).
@Suite struct RefundFlagBoundsTests {
    @Test func theJustUnderLimitRangeHoldsExactlyTheAmountsTheCoreFlags() {
        var rng = SeededRandom.fromEnvironment()
        for _ in 0..<2_000 {
            let limit = rng.pick([rng.int64(), Int64(rng.int(in: -5...50_000)), Int64(rng.int(in: 1...10))])
            let percent = rng.pick([Int64(rng.int(in: -20...130)), rng.int64()])
            let range = RefundFlag.justUnderLimitAmounts(limit: limit, percent: percent)
            var amounts: [Int64] = [0, 1, -1, limit, rng.int64(), Int64(rng.int(in: -100...60_000))]
            if let range { amounts += [range.lowerBound, range.lowerBound &- 1, range.upperBound &+ 1, range.lowerBound &+ 1] }
            amounts.append(limit &- (limit / 100) &* Int64(rng.int(in: 0...40)))
            for amount in amounts {
                #expect(range?.contains(amount) ?? false == RefundFlag.isJustUnderLimit(amount, limit: limit, percent: percent),
                        "TILL_TEST_SEED=\(rng.seed): limit \(limit), \(percent)%, amount \(amount), range \(String(describing: range))")
            }
        }
    }

    @Test func soonAfterSaleIsTheGapInSecondsAndNeverTraps() {
        var rng = SeededRandom.fromEnvironment()
        for _ in 0..<2_000 {
            let minutes = rng.pick([rng.int64(), Int64(rng.int(in: -5...120))])
            let soldAt = Int64(rng.int(in: 0...1_000_000)), gap = rng.pick([Int64(rng.int(in: -100...10_000)), rng.int64() / 2])
            let at = soldAt &+ gap
            let seconds = RefundFlag.soonAfterSaleSeconds(minutes: minutes)
            let (expectedGap, overflow) = at.subtractingReportingOverflow(soldAt)
            #expect(RefundFlag.isSoonAfter(Timestamp(seconds: soldAt), Timestamp(seconds: at), minutes: minutes) == (!overflow && expectedGap <= seconds),
                    "TILL_TEST_SEED=\(rng.seed): minutes \(minutes), gap \(gap)")
            let (exact, tooBig) = minutes.multipliedReportingOverflow(by: 60)
            #expect(seconds == (tooBig ? (minutes < 0 ? .min : .max) : exact), "TILL_TEST_SEED=\(rng.seed): minutes \(minutes)")
        }
    }
}
