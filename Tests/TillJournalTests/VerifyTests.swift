import Foundation
import Testing
import TillCore
@testable import TillJournal

/// Tamper evidence: a file journal is edited with the real sqlite3 tool, then `verify()` must name
/// the edited, inserted or deleted entry, or the projection row that disagrees, first among every
/// problem it reports.
@Suite struct VerifyTests {
    let path = Fx.tempPath()

    /// 1 shift, 2..4 sales S01-000001..3, 5 refund R01-000001, 6 event.
    func makeJournal() throws {
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000)
        try db.append(Fx.shift())
        var sales: [SaleRecord] = []
        for n in Int64(1)...3 {
            let sale = Fx.saleRecord(n, lines: [Fx.line(1, sku: "A", each: 2, priceMinor: 350 * n),
                                                Fx.line(2, sku: "B", each: 1, priceMinor: 990)])
            sales.append(sale)
            try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        }
        try db.append(Fx.refund(Fx.refundRecord(1, of: sales[0], lines: [(1, 1)])))
        try db.append(.event(AuditEvent(kind: .reprinted, at: Fx.t0.adding(seconds: 600), user: "1001", reference: "S01-000002")))
        #expect(try db.verify() == .intact(entries: 6))
    }

    func verify() throws -> JournalVerification { try JournalDatabase(path: path, pinHashRounds: 1_000).verify() }

    func expectBroken(_ result: JournalVerification, seq: Int64, reference: String?, problem: JournalProblem) {
        guard let first = result.problems.first else {
            Issue.record("expected a broken journal, got \(result)")
            return
        }
        #expect(first.seq == seq, "\(result.problems.map { $0.text(.en) })")
        #expect(first.reference == reference)
        #expect(first.problem == problem)
        #expect(!first.detail.en.isEmpty && !first.detail.zh.isEmpty)
    }

    @Test func editedEntryIsNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE journalEntry SET totalMinor = 1 WHERE seq = 3")
        expectBroken(try verify(), seq: 3, reference: "S01-000002", problem: .edited)
    }

    @Test func editedPayloadIsNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE journalEntry SET payload = replace(payload, '\"minor\":990', '\"minor\":991') WHERE seq = 2")
        expectBroken(try verify(), seq: 2, reference: "S01-000001", problem: .edited)
    }

    @Test func editedProjectionRowIsNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE saleLine SET unitPriceMinor = 1 WHERE receipt = 'S01-000003' AND lineNo = 1")
        let result = try verify()
        expectBroken(result, seq: 4, reference: "S01-000003", problem: .projectionMismatch)
        #expect(result.problems.first?.detail.en.contains("saleLine") == true)
    }

    @Test func editedRefundLineAndTenderAreNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE refundLine SET quantityThousandths = 0")
        expectBroken(try verify(), seq: 5, reference: "R01-000001", problem: .projectionMismatch)
        try Fx.sqlite3(path, "UPDATE tender SET amountMinor = amountMinor + 1 WHERE reference = 'S01-000002'")
        expectBroken(try verify(), seq: 3, reference: "S01-000002", problem: .projectionMismatch)
    }

    @Test func deletedProjectionRowIsNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "DELETE FROM saleLine WHERE receipt = 'S01-000001' AND lineNo = 2")
        expectBroken(try verify(), seq: 2, reference: "S01-000001", problem: .projectionMismatch)
    }

    @Test func deletedEntryIsNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "DELETE FROM journalEntry WHERE seq = 3")
        expectBroken(try verify(), seq: 3, reference: "S01-000002", problem: .deleted)
    }

    @Test func deletedLastEntryIsNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "DELETE FROM journalEntry WHERE seq = 6")
        expectBroken(try verify(), seq: 6, reference: nil, problem: .deleted)
    }

    @Test func deletedEntryAndItsTracesAreStillFound() throws {
        try makeJournal()
        // A careful tamperer removes the refund and every row about it, and renumbers the event.
        try Fx.sqlite3(path, """
            DELETE FROM journalEntry WHERE seq = 5; DELETE FROM refund; DELETE FROM refundLine;
            DELETE FROM tender WHERE entrySeq = 5; DELETE FROM slip WHERE entrySeq = 5; DELETE FROM document WHERE entrySeq = 5;
            UPDATE journalEntry SET seq = 5 WHERE seq = 6; UPDATE sqlite_sequence SET seq = 5 WHERE name = 'journalEntry';
            """)
        // The event's hash still covers its old number, 6: one entry before it is missing.
        expectBroken(try verify(), seq: 5, reference: nil, problem: .deleted)
    }

    @Test func insertedEntryIsNamed() throws {
        try makeJournal()
        // A forged sale appended at the end, copying the last entry's link and hash.
        try Fx.sqlite3(path, """
            INSERT INTO journalEntry (seq, kind, reference, till, shift, userCode, userName, approverCode, at, totalMinor,
                                      currency, training, payload, prevHash, hash)
            SELECT 7, 'sale', 'S01-000099', till, shift, userCode, userName, approverCode, at, 100000, currency, training,
                   payload, prevHash, hash FROM journalEntry WHERE seq = 6;
            """)
        expectBroken(try verify(), seq: 7, reference: "S01-000099", problem: .inserted)
    }

    @Test func insertedEntryInTheMiddleIsNamed() throws {
        try makeJournal()
        // Make room after entry 4 and put a copy of sale 2 there under a new number.
        try Fx.sqlite3(path, """
            UPDATE journalEntry SET seq = seq + 100 WHERE seq >= 5; UPDATE journalEntry SET seq = seq - 99 WHERE seq >= 105;
            INSERT INTO journalEntry (seq, kind, reference, till, shift, userCode, userName, approverCode, at, totalMinor,
                                      currency, training, payload, prevHash, hash)
            SELECT 5, kind, 'S01-000050', till, shift, userCode, userName, approverCode, at, totalMinor, currency, training,
                   payload, prevHash, hash FROM journalEntry WHERE seq = 3;
            """)
        expectBroken(try verify(), seq: 5, reference: "S01-000050", problem: .inserted)
    }

    /// Print states are chained changes now (issue 11): marking slips printed with sqlite3 is seen.
    @Test func printStateEditsAndSlipEditsAreNamed() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE slip SET printState = 'printed', attempts = 3")
        let result = try verify()
        #expect(result.problems.count == 4 * 2, "\(result.problems.map { $0.text(.en) })") // 4 slips × state and attempts
        #expect(result.problems.allSatisfy { $0.problem == .tableChanged })
        try Fx.sqlite3(path, "UPDATE slip SET document = replace(document, 'slip S01', 'slap S01') WHERE reference = 'S01-000003'")
        expectBroken(try verify(), seq: 4, reference: "S01-000003", problem: .projectionMismatch)
    }
}
