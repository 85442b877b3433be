import Foundation
import Synchronization
import Testing
import TillCentral
import TillCore
import TillPorts

/// Two connections to one PostgreSQL store (two tills of a shop on one server) refund the same
/// goods at the same moment: the store's lock row serialises the appends and the shared money
/// rules decide on what the first committed, so exactly one refund is kept and the other is told
/// why. Real server, real connections; skipped by hand without TILL_TEST_POSTGRES_URL, failing under CI.
@Suite struct PostgresStoreRaceTests {
    @Test func twoConnectionsRefundingTheSameGoodsCannotBothSucceed() async throws {
        let (found, why) = PostgresEngine.settings
        guard let settings = found else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: why)) }
            return
        }
        try await OwnThread.run { try Self.race(settings) }
    }

    /// Two connections spend one credit note at once, each asking for more than half of it: the
    /// store lock and the shared credit-note rule keep exactly one, and the note is never spent
    /// below zero, whichever connection asks. Amounts generated, seed printed.
    @Test func twoConnectionsSpendingOneCreditNoteNeverOverdrawIt() async throws {
        let (found, why) = PostgresEngine.settings
        guard let settings = found else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: why)) }
            return
        }
        let seed = StateProjectionPropertyTests.seed()
        try await OwnThread.run { try Self.creditNoteRace(settings, seed: seed) }
    }

    private static func creditNoteRace(_ settings: CentralSettings, seed: UInt64) throws {
        var rng = ContractRandom(seed: seed)
        let clock = ContractClock(Fx.t0)
        let first = try PostgresEngine.fresh(settings, clock: { clock.now })
        let second = first.opened(settings: settings)
        try first.append(Fx.shift())
        let issued = Int64(rng.int(200...20_000))
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "TEA", each: 1, priceMinor: issued)])
        try first.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        let note = CreditNoteNumber(till: Fx.till, sequence: 1).description
        var refund = Fx.refundRecord(1, of: sale, lines: [(1, 1)], tender: .storeCredit)
        refund.tenders[0].reference = note
        try first.append(Fx.refund(refund))
        for round in 1...4 {
            // Each more than half of what is left, so at most one can be kept.
            let left = try #require(try first.creditNote(note)).balance.minor
            guard left >= 2 else { break }
            let asks = (0..<2).map { _ in Int64(rng.int(Int(left / 2 + 1)...Int(left))) }
            let outcomes = Mutex<[String: String]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let number = Int64(2 * round + index)
                let spend = Fx.saleRecord(number, lines: [Fx.line(1, sku: "MUG", each: 1, priceMinor: asks[index])],
                                          tenders: [Tender(kind: .storeCredit, amount: Fx.money(asks[index]), reference: note)],
                                          at: Fx.t0.adding(seconds: 900))
                let store = index == 0 ? first : second
                let outcome: String
                do { try store.append(.sale(spend, Fx.slip(.sale, spend.receipt))); outcome = "kept" } catch let failure as StoreFailure {
                    outcome = failure.code
                } catch { outcome = "\(error)" }
                outcomes.withLock { $0[spend.receipt] = outcome }
            }
            let seen = outcomes.withLock { $0 }
            print("seed \(seed) round \(round): \(left) left, asked \(asks): \(seen.sorted { $0.key < $1.key })")
            #expect(seen.values.filter { $0 == "kept" }.count == 1, "seed \(seed) round \(round): \(seen)")
            #expect(seen.values.contains("credit_note_refused"), "seed \(seed) round \(round): \(seen)")
            for store in [first, second] {
                let now = try #require(try store.creditNote(note))
                #expect(now.issued.minor == issued && !now.balance.isNegative, "seed \(seed) round \(round): \(now)")
            }
        }
    }

    private static func race(_ settings: CentralSettings) throws {
        let clock = ContractClock(Fx.t0)
        let first = try PostgresEngine.fresh(settings, clock: { clock.now })
        let second = first.opened(settings: settings)
        try first.append(Fx.shift())
        for round in 1...6 {
            let sale = Fx.saleRecord(Int64(round), lines: [Fx.line(1, sku: "TEA", each: Int64(round % 3 + 1), priceMinor: 1_500)],
                                   at: Fx.t0.adding(seconds: Int64(round) * 1_000))
            try first.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
            // Each till refunds everything the line sold, under its own refund number.
            let each = Int64(round % 3 + 1)
            var mine = Fx.refundRecord(Int64(2 * round - 1), of: sale, lines: [(1, each)])
            var theirs = Fx.refundRecord(Int64(2 * round), of: sale, lines: [(1, each)])
            theirs.till = "02"
            theirs.number = DocumentNumber(kind: .refund, till: "02", sequence: Int64(round)).description
            mine.number = DocumentNumber(kind: .refund, till: "01", sequence: Int64(round)).description
            let outcomes = Mutex<[String: String]>([:])
            let attempts: [(PostgresRegisterStore, RefundRecord)] = [(first, mine), (second, theirs)]
            // Real threads, not tasks: a store call blocks its thread until the server answers.
            DispatchQueue.concurrentPerform(iterations: attempts.count) { index in
                let (store, refund) = attempts[index]
                let outcome: String
                do { try store.append(Fx.refund(refund)); outcome = "kept" } catch let failure as StoreFailure {
                    outcome = failure.code
                } catch { outcome = "\(error)" }
                outcomes.withLock { $0[refund.number] = outcome }
            }
            let seen = outcomes.withLock { $0 }
            print("round \(round): \(seen.sorted { $0.key < $1.key })")
            #expect(seen.values.filter { $0 == "kept" }.count == 1, "round \(round): \(seen)")
            #expect(seen.values.contains { ["refund_exceeds_sold", "refund_breaks_ledger"].contains($0) }, "round \(round): \(seen)")
            // The journal holds the one refund, whichever connection asks.
            for store in [first, second] {
                let number = try #require(DocumentNumber(parsing: sale.receipt))
                let lookup = try #require(try store.sale(number))
                #expect(lookup.refunds.count == 1)
                #expect(lookup.refunds.map(\.number).allSatisfy { seen[$0] == "kept" })
            }
        }
    }
}
