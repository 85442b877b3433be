import Testing
import TillCore
import TillJournal

/// Issue 9's invariants over generated shop days, every case through the real runtime over an
/// in-memory SQLite journal (its look-ups and append guards); fewer cases also check the X/Z
/// totals equal to the records' sums.
@Suite struct MoneyPropertyTests {
    @Test func theCoreKeepsEveryMoneyInvariant() {
        let failure = PropertyRun.check("core money invariants", cases: 1_000, baseSeed: 9_000_000,
                                        generate: MoneyCase.generate, shrink: { $0.shrunk() }) { testCase in
            do {
                let world = try RuntimeWorld(testCase)
                var driver = MoneyDriver(world, testCase)
                if let problem = driver.run() { return problem }
                if let error = world.errors.first { return "the journal refused what the core did: \(error)" }
                return nil
            } catch {
                return "could not run: \(error)"
            }
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    @Test func theJournalAgreesAndItsTotalsAreItsSums() {
        let failure = PropertyRun.check("runtime + journal money invariants", cases: 100, baseSeed: 9_900_000,
                                        generate: MoneyCase.generate, shrink: { $0.shrunk() }) { testCase in
            do {
                let world = try RuntimeWorld(testCase)
                var driver = MoneyDriver(world, testCase)
                if let problem = driver.run() { return problem }
                if let error = world.errors.first { return "the journal refused what the core did: \(error)" }
                guard let shift = world.runtime.state.shift else { return "no open shift" }
                let journal = try world.journal.shiftTotals(shift: shift.number, till: testCase.config.till)
                let sums = Ledgers(world.committed).totals(shift)
                guard let journal else { return "the journal has no totals for the shift" }
                if journal.sales != sums.sales || journal.refunds != sums.refunds || journal.voids != sums.voids
                    || journal.tenders != sums.tenders || journal.salesTax != sums.salesTax {
                    return "X/Z totals \(journal) differ from the records' sums \(sums)"
                }
                // The printed report reads back: every heading is the sum of its tender lines.
                let report = testCase.config.templates.shiftReport(journal, zNumber: nil, at: world.runtime.now,
                                                                   by: MoneyCase.people[0].0)
                if let problem = ReportLines.problem(report) { return "X report: \(problem)" }
                return nil
            } catch {
                return "could not run: \(error)"
            }
        }
        #expect(failure == nil, "\(failure ?? "")")
    }
}

