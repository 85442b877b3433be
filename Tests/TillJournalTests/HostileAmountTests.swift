import Foundation
import GRDB
import Testing
import TillCore
@testable import TillJournal

/// Records whose amounts cannot be added (a line or tender in another currency, Int64.max, a
/// sum past Int64), written into a journal file behind the till's back or handed to `append`,
/// never trap: lookup, refund, export and verify name the entry in both languages, and the
/// till's own records still pass.
@Suite struct HostileAmountTests {
    enum Hostility: CaseIterable { case lineInDollars, tenderAtMaximum, grossAtMaximum, roundingAtMinimum, linesPastInt64, refundTenderInDollars }

    static func hostile(_ sale: SaleRecord, _ refund: RefundRecord, _ how: Hostility, _ rng: inout StateProjectionPropertyTests.Seeded)
        -> (seq: Int64, record: JournalRecord) {
        var sale = sale, refund = refund
        switch how {
        case .lineInDollars: sale.lines[Int.random(in: 0..<sale.lines.count, using: &rng)].unitPrice.currency = .usd
        case .tenderAtMaximum: sale.tenders[0].amount = Money(minor: [Int64.max, Int64.min, Int64.max - 1][Int.random(in: 0...2, using: &rng)], currency: .cny)
        case .grossAtMaximum: sale.totals.gross = Money(minor: .max, currency: .cny)
        case .roundingAtMinimum: sale.rounding = Money(minor: .min, currency: .cny)
        case .linesPastInt64:
            // Each line within the limits; together past what Int64 can hold.
            let line = Fx.line(1, sku: "BIG", each: 99_999, priceMinor: ValueLimits.maximumAmountMinor)
            sale.lines = (1...1_000).map { var l = line; l.lineNo = $0; return l }
        case .refundTenderInDollars:
            refund.tenders[0].amount.currency = .usd
            return (3, Fx.refund(refund))
        }
        return (2, .sale(sale, Fx.slip(.sale, sale.receipt)))
    }

    @Test func hostileAmountsReadBackOrAppendedAreNamedNeverCounted() throws {
        let seed = StateProjectionPropertyTests.seed()
        var rng = StateProjectionPropertyTests.Seeded(state: seed)
        let why = "seed \(seed) (re-run: TILL_PROPERTY_SEED=\(seed))"
        for how in Hostility.allCases {
            let path = Fx.tempPath()
            let db = try JournalDatabase(path: path, pinHashRounds: 1, clock: { Fx.afterFixtures })
            let lines = (1...Int.random(in: 1...4, using: &rng)).map {
                // Line 1 has two or more, so a second refund of one passes the quantity check and meets the ledger's.
                Fx.line($0, sku: "SKU\($0)", each: Int64.random(in: 2...5, using: &rng), priceMinor: Int64.random(in: 1...99_999, using: &rng))
            }
            let sale = Fx.saleRecord(1, lines: lines)
            let refund = Fx.refundRecord(1, of: sale, lines: [(1, 1)])
            try db.append(Fx.shift())                                        // entry 1
            let saleSeq = try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))  // entry 2
            let refundSeq = try db.append(Fx.refund(refund))                 // entry 3
            #expect(saleSeq == 2 && refundSeq == 3)
            // The till's own records pass the check.
            #expect(JournalRecord.sale(sale, Fx.slip(.sale, sale.receipt)).amountProblem == nil, "\(why)")

            let (seq, record) = Self.hostile(sale, refund, how, &rng)
            let problem = try #require(record.amountProblem, "\(why) \(how): not found")
            for text in [problem.en, problem.zh] { #expect(!text.isEmpty) }

            // Handed to append: refused, naming the document, nothing written.
            var refused = record
            if case .sale(var s, let slip) = refused { s.receipt = Fx.number(.sale, 9); refused = .sale(s, slip) }
            if case .refund(var r, let slip) = refused { r.number = Fx.number(.refund, 9); refused = .refund(r, slip) }
            do {
                try db.append(refused)
                Issue.record("\(why) \(how): appended")
            } catch let error as JournalError {
                guard case .amountsUncountable(nil, let reference, _) = error else { Issue.record("\(why) \(how): \(error)"); continue }
                #expect(reference == refused.reference)
                #expect(error.code == "amounts_uncountable")
                #expect(error.message(.en).contains("was not recorded") && error.message(.zh).contains("未记录"), "\(error.message(.en))")
            }

            // Written into the file behind the till's back.
            // (Through a connection of its own, as sqlite3 would: the payload is too long for an argument.)
            let payload = try CanonicalJSON.encode(record)
            try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE journalEntry SET payload = ? WHERE seq = ?", arguments: [payload, seq]) }
            func expectNamed(_ what: String, _ body: () throws -> Void) {
                do {
                    try body()
                    Issue.record("\(why) \(how) \(what): no problem")
                } catch let error as JournalError {
                    guard case .amountsUncountable(seq?, _, _) = error else { Issue.record("\(why) \(how) \(what): \(error)"); return }
                    #expect(error.message(.en).hasPrefix("Journal entry \(seq) (") && error.message(.en).contains("cannot be counted"), "\(why)")
                    #expect(error.message(.zh).hasPrefix("日志条目 \(seq) (") && error.message(.zh).contains("无法计算"), "\(why)")
                    #expect(error.remedy(.zh).contains("till journal verify"))
                } catch {
                    Issue.record("\(why) \(how) \(what): \(error)")
                }
            }
            expectNamed("lookup") { _ = try db.sale(DocumentNumber(kind: .sale, till: Fx.till, sequence: 1)) }
            expectNamed("refund") { try db.append(Fx.refund(Fx.refundRecord(4, of: sale, lines: [(1, 1)]))) }
            expectNamed("export") { var out = ""; _ = try db.exportCSV(to: &out) }
            let verification = try db.verify()
            let finding = verification.problems.first { $0.seq == seq && $0.detail.en.contains("cannot be counted") }
            #expect(finding?.detail.zh.contains("无法计算") == true, "\(why) \(how): \(verification.problems.map(\.detail.en))")
        }
    }
}
