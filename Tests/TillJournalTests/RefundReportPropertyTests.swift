import Foundation
import Testing
import TillCore
@testable import TillJournal

/// Issue 15's refund report: its figures over generated journals equal an independent
/// recomputation from the records written, and each flag fires exactly when its threshold is
/// crossed. Seeds are printed on failure; TILL_PROPERTY_SEED replays one.
@Suite struct RefundReportPropertyTests {
    typealias Seeded = StateProjectionPropertyTests.Seeded
    static let offset: Int64 = 8 * 3600

    static func seeds(_ count: Int) -> [UInt64] {
        if let seed = ProcessInfo.processInfo.environment["TILL_PROPERTY_SEED"].flatMap({ UInt64($0) }) { return [seed] }
        let base = UInt64.random(in: 0 ... .max / 2)
        return (0..<UInt64(count)).map { base + $0 }
    }

    /// The figures of every grouping, summed straight from the records (not from the report's rows).
    static func recomputed(_ day: RunningTotalsPropertyTests.ShopDay, shop: String, from: CivilDate?, to: CivilDate?)
        -> [RefundGrouping: [RefundGroupKey: RefundFigures]] {
        var sales: [String: SaleRecord] = [:]
        for case .sale(let s, _) in day.records { sales[s.receipt] = s }
        func inPeriod(_ at: Timestamp) -> Bool {
            let d = at.civilDate(utcOffsetSeconds: offset)
            return (from == nil || d >= from!) && (to == nil || d <= to!)
        }
        var out: [RefundGrouping: [RefundGroupKey: RefundFigures]] = [:]
        func keys(till: String, clerk: String, approver: String?, at: Timestamp) -> [(RefundGrouping, RefundGroupKey)] {
            var k: [(RefundGrouping, RefundGroupKey)] = [
                (.shop, RefundGroupKey(shop: shop)), (.till, RefundGroupKey(shop: shop, till: till)),
                (.clerk, RefundGroupKey(shop: shop, person: clerk)),
                (.day, RefundGroupKey(shop: shop, day: at.civilDate(utcOffsetSeconds: offset))),
            ]
            if let approver { k.append((.supervisor, RefundGroupKey(shop: shop, person: approver))) }
            return k
        }
        func bump(_ tally: inout RefundTally, _ minor: Int64) { tally = RefundTally(count: tally.count + 1, amountMinor: tally.amountMinor + minor) }
        for record in day.records {
            switch record {
            case .sale(let s, _) where !s.training && inPeriod(s.at):
                for (g, k) in keys(till: s.till, clerk: s.clerk.code, approver: nil, at: s.at) { bump(&out[g, default: [:]][k, default: RefundFigures()].sales, s.total.minor) }
            case .refund(let r, _) where !r.training && inPeriod(r.at):
                let own = r.originalReceipt.flatMap { sales[$0] }?.clerk.code == r.clerk.code
                for (g, k) in keys(till: r.till, clerk: r.clerk.code, approver: r.approver?.code, at: r.at) {
                    var f = out[g, default: [:]][k, default: RefundFigures()]
                    if r.originalReceipt == nil { bump(&f.withoutReceipt, r.total.minor) } else { bump(&f.withReceipt, r.total.minor) }
                    if own { bump(&f.ownSale, r.total.minor) }
                    if r.approver != nil { bump(&f.approved, r.total.minor) }
                    out[g, default: [:]][k] = f
                }
            case .postVoid(let v, _) where !v.training && inPeriod(v.at):
                let own = sales[v.originalReceipt]?.clerk.code == v.clerk.code
                for (g, k) in keys(till: v.till, clerk: v.clerk.code, approver: v.approver?.code, at: v.at) {
                    var f = out[g, default: [:]][k, default: RefundFigures()]
                    bump(&f.postVoids, v.total.minor)
                    if own { bump(&f.ownSale, v.total.minor) }
                    if v.approver != nil { bump(&f.approved, v.total.minor) }
                    out[g, default: [:]][k] = f
                }
            default: break
            }
        }
        // A supervisor row has only what they approved: sales never count there.
        return out
    }

    @Test func figuresEqualAnIndependentRecomputationOverGeneratedJournals() throws {
        for seed in Self.seeds(25) {
            var rng = Seeded(state: seed)
            let db = try JournalDatabase.inMemory(pinHashRounds: 1, clock: { Fx.t0 })
            let day = try RunningTotalsPropertyTests.generate(&rng, into: db)
            // A period from the journal's days, or none.
            let first = Fx.t0.civilDate(utcOffsetSeconds: Self.offset)
            let from: CivilDate? = Bool.random(using: &rng) ? nil : first
            let to: CivilDate? = Bool.random(using: &rng) ? nil : CivilDate(daysSinceEpoch: first.daysSinceEpoch + Int64.random(in: 0...1, using: &rng))
            let start = from.map { $0.daysSinceEpoch * 86_400 - Self.offset } ?? .min
            let end = to.map { ($0.daysSinceEpoch + 1) * 86_400 - Self.offset } ?? .max
            let report = RefundReport(refunds: try db.refundFacts(shop: "Shop 店", from: start, until: end),
                                      sales: try db.salesFacts(shop: "Shop 店", utcOffsetSeconds: Self.offset, from: start, until: end),
                                      utcOffsetSeconds: Self.offset, from: from, to: to, perRefundLimitMinor: 50_000,
                                      thresholds: RefundThresholds())
            let want = Self.recomputed(day, shop: "Shop 店", from: from, to: to)
            for grouping in RefundGrouping.allCases {
                let got = Dictionary(uniqueKeysWithValues: report.rows(grouping).map { ($0.key, $0.figures) })
                #expect(got == (want[grouping] ?? [:]), "seed \(seed) (TILL_PROPERTY_SEED=\(seed)) \(grouping) from \(String(describing: from)) to \(String(describing: to))")
            }
        }
    }

    /// Generated refunds of a few clerks: gaps after their sales, amounts near the limit, with or without receipt.
    static func facts(_ rng: inout Seeded, limit: Int64) -> [RefundFact] {
        (0..<Int.random(in: 0...40, using: &rng)).map { n in
            let clerk = "10\(Int.random(in: 0...3, using: &rng))"
            let kind = RefundFact.Kind.allCases.randomElement(using: &rng) ?? .withReceipt
            let at = Timestamp(seconds: 1_790_000_000 + Int64(n) * 3_600)
            let gap = Int64.random(in: 0...3_600, using: &rng)
            let amount = Bool.random(using: &rng) ? Int64.random(in: max(1, limit - limit / 5)...(limit + 100), using: &rng)
                                                  : Int64.random(in: 0...(limit * 2), using: &rng)
            return RefundFact(kind: kind, number: "R\(n)", shop: "S", till: "01", clerk: clerk, clerkName: "Clerk \(clerk) 收银",
                              approver: nil, approverName: nil, at: at, amountMinor: amount, saleClerk: nil,
                              soldAt: kind == .withoutReceipt ? nil : at.adding(seconds: -gap))
        }
    }

    @Test func flagsFireExactlyWhenTheirThresholdsAreCrossed() {
        for seed in Self.seeds(300) {
            var rng = Seeded(state: seed)
            let limit = Int64.random(in: 1...100_000, using: &rng)
            let facts = Self.facts(&rng, limit: limit)
            var t = RefundThresholds(noReceiptSharePercent: Int64.random(in: 100...400, using: &rng),
                                     noReceiptMinimum: Int64.random(in: 1...5, using: &rng),
                                     soonAfterSaleMinutes: Int64.random(in: 0...60, using: &rng),
                                     soonAfterSaleMinimum: Int64.random(in: 1...5, using: &rng),
                                     underLimitPercent: Int64.random(in: 0...30, using: &rng),
                                     underLimitMinimum: Int64.random(in: 1...5, using: &rng))
            let clerks = Set(facts.map(\.clerk))
            // The counts each flag is about, computed here by their definitions.
            let refunds = facts.filter { $0.kind != .postVoid }
            let shopBlind = refunds.filter { $0.kind == .withoutReceipt }.count, shopAll = refunds.count
            func blind(_ c: String) -> Int64 { Int64(refunds.filter { $0.clerk == c && $0.kind == .withoutReceipt }.count) }
            func all(_ c: String) -> Int64 { Int64(refunds.filter { $0.clerk == c }.count) }
            func soon(_ c: String, _ minutes: Int64) -> Int64 {
                Int64(facts.filter { f in f.clerk == c && f.soldAt.map { f.at.seconds - $0.seconds <= minutes * 60 } == true }.count)
            }
            func under(_ c: String, _ percent: Int64) -> Int64 {
                // amount ≥ limit × (1 − percent/100), done in rationals by scaling both sides by 100.
                Int64(refunds.filter { $0.clerk == c && $0.amountMinor > 0 && $0.amountMinor <= limit
                    && 100 * $0.amountMinor >= (100 - percent) * limit }.count)
            }
            func flags(_ t: RefundThresholds) -> Set<String> {
                Set(RefundReport(refunds: facts, sales: [], utcOffsetSeconds: 0, from: nil, to: nil, perRefundLimitMinor: limit,
                                 thresholds: t).flags.map { "\($0.kind.rawValue) \($0.clerk) \($0.count)" })
            }
            var want: Set<String> = []
            for c in clerks {
                let b = blind(c), a = all(c)
                // b/a ≥ (percent/100) × (shop's b/a), cross-multiplied.
                if b >= t.noReceiptMinimum, a > 0, Int64(shopAll) * b * 100 >= t.noReceiptSharePercent * Int64(shopBlind) * a {
                    want.insert("noReceiptAboveShop \(c) \(b)")
                }
                if soon(c, t.soonAfterSaleMinutes) >= t.soonAfterSaleMinimum { want.insert("soonAfterSale \(c) \(soon(c, t.soonAfterSaleMinutes))") }
                if under(c, t.underLimitPercent) >= t.underLimitMinimum { want.insert("justUnderLimit \(c) \(under(c, t.underLimitPercent))") }
            }
            #expect(flags(t) == want, "seed \(seed) (TILL_PROPERTY_SEED=\(seed)) thresholds \(t) limit \(limit)")
            // At the boundary: a minimum equal to a clerk's count fires, one more does not.
            for c in clerks.sorted() {
                let n = soon(c, t.soonAfterSaleMinutes)
                guard n > 0 else { continue }
                t.soonAfterSaleMinimum = n
                #expect(flags(t).contains("soonAfterSale \(c) \(n)"), "seed \(seed): minimum \(n) must fire for \(c)")
                t.soonAfterSaleMinimum = n + 1
                #expect(!flags(t).contains { $0.hasPrefix("soonAfterSale \(c) ") }, "seed \(seed): minimum \(n + 1) must not fire for \(c)")
                let u = under(c, t.underLimitPercent)
                guard u > 0 else { continue }
                t.underLimitMinimum = u
                #expect(flags(t).contains("justUnderLimit \(c) \(u)"), "seed \(seed): under-limit minimum \(u) must fire for \(c)")
                t.underLimitMinimum = u + 1
                #expect(!flags(t).contains { $0.hasPrefix("justUnderLimit \(c) ") }, "seed \(seed): under-limit minimum \(u + 1) must not fire")
            }
        }
    }
}
