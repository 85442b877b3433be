import GRDB
import Testing
import TillCore
@testable import TillJournal

/// Append and look-up round trips, sequences, and the guards that run inside the append transaction.
@Suite struct AppendLookupTests {
    let db: JournalDatabase
    // The journal's own changes are dated at the fixtures' time, as the till's clock would have them.
    init() throws { db = try JournalDatabase.inMemory(clock: { Fx.t0 }) }

    /// Row counts of every table an append writes, to prove an append wrote all or nothing.
    func rowCounts() throws -> [String: Int] {
        try db.writer.read { d in
            var counts: [String: Int] = ["journalEntry": try Int.fetchOne(d, sql: "SELECT COUNT(*) FROM journalEntry")!]
            for table in Projection.all { counts[table.name] = try Int.fetchOne(d, sql: "SELECT COUNT(*) FROM \(table.name)")! }
            return counts
        }
    }

    @Test func saleRoundTripsWithItsSlipPending() throws {
        try db.append(Fx.shift())
        let record = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 2, priceMinor: 350), Fx.line(2, sku: "B", each: 1, priceMinor: 1000)])
        let seq = try db.append(.sale(record, Fx.slip(.sale, record.receipt)))
        #expect(seq == 2)

        let found = try #require(try db.sale(DocumentNumber(kind: .sale, till: "01", sequence: 1)))
        #expect(found.sale == record)
        #expect(found.refunds.isEmpty)
        #expect(found.voided == false)
        #expect(try db.sale(DocumentNumber(kind: .sale, till: "01", sequence: 2)) == nil)

        let slip = try #require(try db.slip(reference: "S01-000001"))
        #expect(slip.document == Fx.slip(.sale, "S01-000001"))
        #expect(slip.printState == .pending)
        #expect(slip.attempts == 0)
        #expect(try rowCounts()["saleLine"] == 2)
        #expect(try rowCounts()["tender"] == 1)
    }

    @Test func refundsAccumulateAgainstTheOriginalLine() throws {
        try db.append(Fx.shift())
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 3, priceMinor: 500)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        let first = Fx.refundRecord(1, of: sale, lines: [(1, 1)])
        let second = Fx.refundRecord(2, of: sale, lines: [(1, 2)])
        try db.append(Fx.refund(first))
        try db.append(Fx.refund(second))

        let found = try #require(try db.sale(DocumentNumber(parsing: "S01-000001")!))
        #expect(found.refunds == [first, second])
        let returnable = ReturnableSale(sale: found.sale, priorRefunds: found.refunds, voided: found.voided)
        #expect(returnable.line(1)?.refundedQuantity == .each(3))

        // A third refund of even one more is refused inside the transaction, naming the cause.
        let before = try rowCounts()
        #expect(throws: JournalError.refused(.refundExceedsSold(refund: "R01-000003", receipt: "S01-000001", lineNo: 1, sold: .each(3),
                                                       alreadyRefunded: .each(3), asked: .each(1)))) {
            try db.append(Fx.refund(Fx.refundRecord(3, of: sale, lines: [(1, 1)])))
        }
        #expect(try rowCounts() == before)
        #expect(try db.slip(reference: "R01-000003") == nil)
    }

    @Test func refundExceedingSoldQuantityWritesNoRowsAtAll() throws {
        try db.append(Fx.shift())
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500), Fx.line(2, sku: "B", each: 2, priceMinor: 100)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        let before = try rowCounts()
        // Line 2 is fine, line 1 asks 2 of 1: the whole refund is rejected, line 2 included.
        let tooMuch = Fx.refundRecord(1, of: sale, lines: [(2, 1), (1, 2)])
        #expect(throws: JournalError.self) { try db.append(Fx.refund(tooMuch)) }
        #expect(try rowCounts() == before)
        #expect(try db.sequences(till: "01").nextRefund == 1)
    }

    @Test func oneRefundReturningALineInTwoPartsIsCountedTogether() throws {
        try db.append(Fx.shift())
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 2, priceMinor: 500)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        #expect(throws: JournalError.refused(.refundExceedsSold(refund: "R01-000001", receipt: "S01-000001", lineNo: 1, sold: .each(2),
                                                       alreadyRefunded: .zero, asked: .each(3)))) {
            try db.append(Fx.refund(Fx.refundRecord(1, of: sale, lines: [(1, 2), (1, 1)])))
        }
    }

    @Test func refundOfAVoidedLineOrUnknownSaleIsRejected() throws {
        try db.append(Fx.shift())
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500),
                                            Fx.line(2, sku: "B", each: 1, priceMinor: 500, voided: true)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        #expect(throws: JournalError.refused(.refundLineNotOnSale(refund: "R01-000001", receipt: "S01-000001", lineNo: 2))) {
            try db.append(Fx.refund(Fx.refundRecord(1, of: sale, lines: [(2, 1)])))
        }
        var other = Fx.refundRecord(1, of: sale, lines: [(1, 1)])
        other.originalReceipt = "S01-000099"
        #expect(throws: JournalError.refused(.originalSaleNotFound(document: "R01-000001", receipt: "S01-000099"))) {
            try db.append(Fx.refund(other))
        }
    }

    @Test func voidRoundTripsAndASecondVoidIsRejected() throws {
        try db.append(Fx.shift())
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        try db.append(Fx.void(1, of: sale))
        #expect(try db.sale(DocumentNumber(parsing: "S01-000001")!)?.voided == true)
        #expect(try db.slip(reference: "V01-000001")?.printState == .pending)

        let before = try rowCounts()
        #expect(throws: JournalError.refused(.saleAlreadyVoided(receipt: "S01-000001", voidNumber: "V01-000001"))) {
            try db.append(Fx.void(2, of: sale))
        }
        #expect(throws: JournalError.refused(.refundOfVoidedSale(refund: "R01-000001", receipt: "S01-000001"))) {
            try db.append(Fx.refund(Fx.refundRecord(1, of: sale, lines: [(1, 1)])))
        }
        #expect(try rowCounts() == before)
    }

    @Test func aReusedDocumentNumberIsRejected() throws {
        try db.append(Fx.shift())
        try db.append(Fx.sale(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500)]))
        let before = try rowCounts()
        #expect(throws: JournalError.refused(.documentNumberReused(reference: "S01-000001"))) {
            try db.append(Fx.sale(1, lines: [Fx.line(1, sku: "B", each: 1, priceMinor: 900)]))
        }
        #expect(try rowCounts() == before)
    }

    @Test func shiftOpensOnceAndAZReportClosesIt() throws {
        #expect(try db.openShift(till: "01") == nil)
        try db.append(Fx.shift(1))
        #expect(try db.openShift(till: "01")?.number == 1)
        #expect(try db.openShift(till: "02") == nil)
        #expect(throws: JournalError.refused(.shiftAlreadyOpen(till: "01", shift: 1))) { try db.append(Fx.shift(2)) }

        let totals = try #require(try db.shiftTotals(shift: 1, till: "01"))
        try db.addUser(Fx.supervisor, pin: "246810") // the Z's signer: the journal checks who may close a shift
        let z = Fx.z(1, totals: totals)
        try db.append(z)
        #expect(try db.openShift(till: "01") == nil)
        #expect(try db.slip(reference: "Z01-000001")?.document.kind == .zReport)
        #expect(throws: JournalError.refused(.shiftAlreadyClosed(till: "01", shift: 1))) { try db.append(Fx.z(2, totals: totals)) }

        try db.append(Fx.shift(2, at: Fx.t0.adding(seconds: 3600)))
        #expect(try db.openShift(till: "01")?.number == 2)
    }

    @Test func sequencesAreTheHighestUsedPlusOnePerKind() throws {
        #expect(try db.sequences(till: "01") == DocumentSequences())
        try db.append(Fx.shift(1))
        let s1 = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 2, priceMinor: 500)])
        try db.append(.sale(s1, Fx.slip(.sale, s1.receipt)))
        try db.append(Fx.sale(7, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500)]))
        try db.append(Fx.refund(Fx.refundRecord(3, of: s1, lines: [(1, 1)])))
        try db.append(.event(AuditEvent(kind: .reprinted, at: Fx.t0.adding(seconds: 600), user: "1001", reference: "S01-000001")))
        #expect(try db.sequences(till: "01") == DocumentSequences(nextSale: 8, nextRefund: 4, nextVoid: 1, nextZ: 1, nextShift: 2))
        #expect(try db.sequences(till: "02") == DocumentSequences())
    }

    @Test func eventsAreAppendedWithoutSlips() throws {
        let seq = try db.append(.event(AuditEvent(kind: .signedIn, at: Fx.t0, user: "1001")))
        #expect(seq == 1)
        #expect(try db.slips(unprintedOnly: false).isEmpty)
        #expect(try db.verify() == .intact(entries: 1))
    }

    @Test func printStateIsRecordedOutsideTheChain() throws {
        try db.append(Fx.shift())
        try db.append(Fx.sale(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500)]))
        try db.append(Fx.sale(2, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500)]))
        try db.setPrintState(reference: "S01-000001", .failed(cause: "paper out", at: Fx.t0))
        try db.setPrintState(reference: "S01-000001", .printed(at: Fx.t0.adding(seconds: 5)))
        try db.setPrintState(reference: "S01-000002", .unknown(cause: "no status", at: Fx.t0.adding(seconds: 6)))

        let first = try #require(try db.slip(reference: "S01-000001"))
        #expect(first.printState == .printed(at: Fx.t0.adding(seconds: 5)))
        #expect(first.attempts == 2)
        #expect(try db.slips(unprintedOnly: true).map(\.reference) == ["S01-000002"])
        #expect(try db.slips(unprintedOnly: true).first?.printState == .unknown(cause: "no status", at: Fx.t0.adding(seconds: 6)))
        #expect(try db.slips(unprintedOnly: false).map(\.reference) == ["S01-000001", "S01-000002"])
        #expect(throws: JournalError.slipNotFound(reference: "S01-000009")) {
            try db.setPrintState(reference: "S01-000009", .printed(at: Fx.t0.adding(seconds: 7)))
        }
        // Each print outcome is a chained entry of its own (issue 11), after the sale's: 3 + 3.
        #expect(try db.verify() == .intact(entries: 6))
    }
}
