import Foundation
import Synchronization
import Testing
import TillCore
@testable import TillJournal

/// The journal's own credit-note rules, behind the core's: inside the immediate append
/// transaction a note is never spent below zero, even by two tills (two connections) at once,
/// and a refund may only issue the till's next note or give back to a note that paid its sale.
@Suite struct CreditNoteGuardTests {
    static let note = CreditNoteNumber(till: Fx.till, sequence: 1).description

    /// Shift, a cash sale S01-000001 of `issuedMinor`, refunded in full to a new credit note.
    func issue(_ db: JournalDatabase, issuedMinor: Int64) throws {
        try db.append(Fx.shift())
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: issuedMinor)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        var refund = Fx.refundRecord(1, of: sale, lines: [(1, 1)], tender: .storeCredit)
        refund.tenders[0].reference = Self.note
        try db.append(Fx.refund(refund))
    }

    func redemption(_ seq: Int64, minor: Int64, note: String = note) -> JournalRecord {
        let sale = Fx.saleRecord(seq, lines: [Fx.line(1, sku: "B", each: 1, priceMinor: minor)],
                                 tenders: [Tender(kind: .storeCredit, amount: Fx.money(minor), reference: note)], at: Fx.t0.adding(seconds: 900))
        return .sale(sale, Fx.slip(.sale, sale.receipt))
    }

    @Test func generatedConcurrentRedemptionsNeverSpendMoreThanWasIssued() throws {
        for round in 0..<4 {
            let seed = StateProjectionPropertyTests.seed()
            var gen = StateProjectionPropertyTests.Seeded(state: seed)
            let path = Fx.tempPath()
            let issued = Int64(gen.next() % 20_000) + 100
            do {
                let first = try JournalDatabase(path: path, pinHashRounds: 1_000)
                try issue(first, issuedMinor: issued)
            }
            // Two tills: two connections to one file, each redeeming from its own threads.
            let tills = [try JournalDatabase(path: path, pinHashRounds: 1_000), try JournalDatabase(path: path, pinHashRounds: 1_000)]
            let asks = (0..<8).map { _ in Int64(gen.next() % UInt64(issued)) + 1 }
            let accepted = Mutex<Int64>(0)
            DispatchQueue.concurrentPerform(iterations: asks.count) { i in
                if (try? tills[i % 2].append(redemption(Int64(i) + 2, minor: asks[i]))) != nil {
                    accepted.withLock { $0 += asks[i] }
                }
            }
            let note = try #require(try tills[0].creditNote(Self.note), "round \(round) seed \(seed)")
            let spent = accepted.withLock { $0 }
            #expect(note.issued == Fx.money(issued), "seed \(seed)")
            #expect(note.redeemed == Fx.money(spent), "seed \(seed): rows disagree with the accepted appends")
            #expect(!note.balance.isNegative && spent <= issued, "seed \(seed): \(spent) spent of \(issued) issued")
            #expect(try tills[1].verify().isIntact, "seed \(seed)")
        }
    }

    @Test func overdrawingUnknownAndMisreadNotesAreRefusedByTheJournal() throws {
        let db = try JournalDatabase.inMemory(pinHashRounds: 1_000)
        try issue(db, issuedMinor: 5_000)
        #expect(throws: JournalError.refused(.creditNoteRefused(document: "S01-000002",
                                                       problem: .overdrawn(number: Self.note, asked: Fx.money(5_001), balance: Fx.money(5_000))))) {
            try db.append(redemption(2, minor: 5_001))
        }
        let unknown = CreditNoteNumber(till: Fx.till, sequence: 9).description
        #expect(throws: JournalError.refused(.creditNoteRefused(document: "S01-000002", problem: .unknown(number: unknown)))) {
            try db.append(redemption(2, minor: 100, note: unknown))
        }
        let misread = String(Self.note.dropLast()) + String(((Self.note.last?.wholeNumberValue ?? 0) + 1) % 10)
        #expect(throws: JournalError.refused(.creditNoteRefused(document: "S01-000002", problem: .misread(text: misread)))) {
            try db.append(redemption(2, minor: 100, note: misread))
        }
        try db.append(redemption(2, minor: 5_000))
        #expect(try db.creditNote(Self.note)?.balance == Fx.money(0))
        // A refund may not top up a note that did not pay its sale, nor invent a number out of sequence.
        let cashSale = Fx.saleRecord(3, lines: [Fx.line(1, sku: "C", each: 1, priceMinor: 700)], at: Fx.t0.adding(seconds: 900))
        try db.append(.sale(cashSale, Fx.slip(.sale, cashSale.receipt)))
        var topUp = Fx.refundRecord(2, of: cashSale, lines: [(1, 1)], tender: .storeCredit)
        topUp.tenders[0].reference = Self.note
        #expect(throws: JournalError.refused(.creditNoteRefused(document: "R01-000002", problem: .notOnSale(number: Self.note)))) {
            try db.append(Fx.refund(topUp))
        }
        topUp.tenders[0].reference = CreditNoteNumber(till: Fx.till, sequence: 5).description
        #expect(throws: JournalError.self) { try db.append(Fx.refund(topUp)) }
        topUp.tenders[0].reference = CreditNoteNumber(till: Fx.till, sequence: 2).description
        try db.append(Fx.refund(topUp))
        #expect(try db.sequences(till: Fx.till).nextCreditNote == 3)
    }
}
