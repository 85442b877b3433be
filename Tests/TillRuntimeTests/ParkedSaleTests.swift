import Testing
import TillCore
import TillJournal
@testable import TillRuntime

/// Parked sales through the real journal: they survive a restart, never count as sales, come
/// back exactly, and one recall only, whichever session asks first.
@Suite struct ParkedSaleTests {
    private func draft(_ runtime: RegisterRuntime) -> SaleDraft? {
        if case .selling(let draft) = runtime.state.activity { return draft } else { return nil }
    }

    @Test func aParkedSaleSurvivesARestartComesBackExactlyAndNeverCountsInTheShift() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: .each(2)), .codeEntered("RICE", quantity: Quantity(thousandths: 350)))
        let parkedDraft = try #require(draft(f.runtime))
        f.send(.parkRequested)
        #expect(f.runtime.state.parked.map(\.reference) == ["P01-000001"])

        // A restart: a new runtime on the same journal.
        let restarted = try RuntimeFixture(journal: f.journal)
        #expect(restarted.runtime.state.parked.map(\.draft) == [parkedDraft])
        #expect(restarted.runtime.state.nextParkNumber == 2)
        let totals = try #require(try f.journal.shiftTotals(shift: 1, till: "01"))
        #expect(totals.sales.count == 0)
        #expect(totals.sales.amount.minor == 0)

        restarted.send(.signInRequested(code: "1001", pin: "1111"), .recallRequested(reference: "P01-000001"))
        #expect(draft(restarted.runtime) == parkedDraft)
        restarted.send(.tendered(.cash, amount: nil, reference: nil))
        let after = try #require(try f.journal.shiftTotals(shift: 1, till: "01"))
        #expect(after.sales.count == 1)
        #expect(after.sales.amount == parkedDraft.totals.gross)
        #expect(try f.journal.parkedSales(till: "01").sales.isEmpty)
    }

    @Test func twoSessionsCannotBothRecallTheSameParkedSale() throws {
        let a = try RuntimeFixture()
        a.openShift()
        a.send(.codeEntered("MUG", quantity: nil), .parkRequested)
        let b = try RuntimeFixture(journal: a.journal)
        b.send(.signInRequested(code: "1001", pin: "1111"))
        #expect(b.runtime.state.parked.count == 1)

        a.send(.recallRequested(reference: "P01-000001"))
        #expect(draft(a.runtime) != nil)
        let out = b.send(.recallRequested(reference: "P01-000001"))
        #expect(out.contains { if case .error(let e) = $0 { return e.message.en.contains("no longer waiting") } else { return false } })
        #expect(b.runtime.state.activity == .idle)
        // The refused session reads the list again: what it shows is what is really waiting.
        #expect(b.runtime.state.parked.isEmpty)
        let recalls = try a.journal.exportRows().filter { $0.contains("saleRecalled") }
        #expect(recalls.count == 1)
    }

    @Test func aCancelledSaleIsInTheExportWithWhoWhatAndTotal() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: .each(2)), .cancelled, .confirmed)
        let row = try #require(try f.journal.exportRows().first { $0.contains("saleCancelled") })
        #expect(row.contains("1001"))
        #expect(row.contains("50.00"))
        #expect(row.contains("1 line: TEA ×2"))
    }

    @Test func theJournalRefusesASaleWhoseTendersDoNotSettleItsTotalOrWhoseChangeIsNotTheirs() throws {
        let f = try RuntimeFixture()
        f.openShift()
        var recorded: [JournalRecord] = []
        f.runtime.onRecord = { recorded.append($0) }
        f.send(.codeEntered("TEA", quantity: nil), .tendered(.cash, amount: Money(minor: 5000, currency: .cny), reference: nil))
        guard case .sale(let sale, let slip)? = recorded.last else { Issue.record("no sale"); return }
        var fewer = sale
        fewer.receipt = "S01-000900"
        fewer.tenders[0].amount = Money(minor: 2000, currency: .cny)
        fewer.tenders[0].received = Money(minor: 2000, currency: .cny)
        fewer.change = Money(minor: 0, currency: .cny)
        #expect(throws: JournalError.refused(.saleTendersDoNotAddUp(receipt: "S01-000900", total: sale.total, paid: Money(minor: 2000, currency: .cny)))) {
            try f.journal.append(.sale(fewer, slip))
        }
        var wrongChange = sale
        wrongChange.receipt = "S01-000901"
        wrongChange.change = Money(minor: 0, currency: .cny)
        #expect(throws: JournalError.self) { try f.journal.append(.sale(wrongChange, slip)) }
    }
}

extension JournalDatabase {
    /// The CSV export's lines.
    func exportRows() throws -> [String] {
        var text = ""
        try exportCSV(to: &text)
        return text.components(separatedBy: "\r\n")
    }
}
