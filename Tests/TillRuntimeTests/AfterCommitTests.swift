import Foundation
import GRDB
import Testing
import TillCore
import TillJournal
@testable import TillRuntime

/// Issue 9: once a record is committed, the till never says nothing was recorded. The failure is
/// real: an SQLite trigger on the journal file fails the print-state write as a full disk would.
@Suite struct AfterCommitTests {
    /// A journal file whose refund slips' print state cannot be written.
    static func journalWhoseRefundPrintStatesFail() throws -> (JournalDatabase, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("till-after-commit-\(UUID().uuidString)").path
        let path = folder + "/journal.sqlite"
        let journal = try JournalDatabase(path: path, pinHashRounds: 10)
        try journal.upsert(taxClasses: [RuntimeFixture.vat])
        try journal.upsert(items: [CatalogItem(sku: "TEA", barcodes: ["6901234567892"], name: "Jasmine tea 茉莉花茶",
                                               price: Money(minor: 2500, currency: .cny), taxClassID: "VAT13")])
        try journal.addUser(User(code: "1001", name: "Lin", role: .clerk), pin: "1111")
        try journal.addUser(User(code: "2001", name: "Wang", role: .supervisor), pin: "2222")
        let other = try DatabaseQueue(path: path)
        try other.write { db in
            try db.execute(sql: """
                CREATE TRIGGER printStateDiskFull BEFORE UPDATE OF printState ON slip WHEN NEW.reference LIKE 'R%'
                BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
                """)
        }
        return (journal, folder)
    }

    @Test func aRefundWhosePrintStateCannotBeSavedIsReportedCompletedNotPrinted() throws {
        let (journal, folder) = try Self.journalWhoseRefundPrintStatesFail()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let f = try RuntimeFixture(journal: journal)
        f.openShift()
        f.send(.codeEntered("TEA", quantity: .each(2)), .tendered(.cash, amount: nil, reference: nil))

        let out = f.send(.refundStarted, .receiptEntered("S01-000001"), .refundQuantitySet(line: 1, .each(2)),
                         .reasonChosen(code: "DAMAGED"), .confirmed)
        // Reported: completed, its slip not printed, and what failed after the commit.
        #expect(out.contains { if case .event(.refundCompleted(number: "R01-000001", _, _)) = $0 { true } else { false } })
        #expect(out.contains(.event(.slipNotPrinted(reference: "R01-000001", cause: RuntimeError.printStateNotSavedCause))))
        let errors = out.compactMap { if case .error(let e) = $0 { e } else { nil } }
        #expect(errors.count == 1)
        #expect(errors.allSatisfy { $0.message.en.contains("R01-000001 is recorded and complete") })
        #expect(errors.allSatisfy { !"\($0.message.en) \($0.remedy.en)".lowercased().contains("nothing was recorded") })
        #expect(!RuntimeError.afterCommit(reference: "R01-000001", JournalError.diskFull(path: "j")).message.en.lowercased()
            .contains("nothing was recorded"))
        #expect(errors.allSatisfy { $0.message.zh.contains("已记录并完成") })
        // The journal has the refund; the core kept it (nothing rolled back) and lists the slip.
        let stored = try #require(try journal.sale(DocumentNumber(kind: .sale, till: "01", sequence: 1)))
        #expect(stored.refunds.map(\.number) == ["R01-000001"])
        #expect(f.runtime.state.activity == .idle)
        #expect(f.runtime.state.unprintedSlips["R01-000001"] == RuntimeError.printStateNotSavedCause)
        #expect(f.runtime.state.sequences.nextRefund == 2)
        // Doing the refund again is refused as already returned, never paid twice.
        let again = f.send(.refundStarted, .receiptEntered("S01-000001"))
        #expect(f.refusals(again).map(\.code) == ["already_fully_refunded"])
        f.send(.cancelled)
        // The next sale gets a fresh number at once, without a restart.
        let next = f.send(.codeEntered("TEA", quantity: nil), .tendered(.cash, amount: nil, reference: nil))
        #expect(next.contains { if case .event(.saleCompleted(receipt: "S01-000002", _, _)) = $0 { true } else { false } })
        #expect(try journal.verify().isIntact)
    }

    @Test func aFailureBeforeCommitStillRecordsNothing() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: nil))
        // The clock moved back behind the journal's last entry: the journal refuses the record.
        f.clock.now = f.clock.now.adding(seconds: -3600)
        let out = f.send(.tendered(.cash, amount: nil, reference: nil))
        #expect(out.contains { if case .error(let e) = $0 { e.message.en.contains("earlier than the journal's last entry") } else { false } })
        #expect(try f.journal.sale(DocumentNumber(kind: .sale, till: "01", sequence: 1)) == nil)
        guard case .selling = f.runtime.state.activity else { Issue.record("the open sale was lost"); return }
        f.clock.now = f.clock.now.adding(seconds: 7200)
        let retried = f.send(.tendered(.cash, amount: nil, reference: nil))
        #expect(retried.contains { if case .event(.saleCompleted(receipt: "S01-000001", _, _)) = $0 { true } else { false } })
    }

    @Test func aTillWhoseClockIsBehindItsJournalDoesNotStart() throws {
        let f = try RuntimeFixture()
        f.openShift()
        #expect {
            _ = try RegisterRuntime(config: RegisterConfig(), journal: f.journal, printer: f.printer,
                                    clock: { Timestamp(seconds: 1_700_000_000) })
        } throws: { error in
            guard let error = error as? RuntimeError else { return false }
            return error.message.en.contains("earlier than the journal's last entry") && error.remedy.zh.contains("系统时钟")
        }
    }
}
