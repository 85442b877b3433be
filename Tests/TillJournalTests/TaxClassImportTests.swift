import Foundation
import GRDB
import Testing
import TillCore
@testable import TillJournal

/// Issue 12: tax classes from an import, checked as the configuration's are, each change its own
/// chained entry naming who imported it.
@Suite struct TaxClassImportTests {
    func journal() throws -> JournalDatabase {
        let db = try JournalDatabase.inMemory(pinHashRounds: 1, clock: { Fx.t0 })
        try db.upsert(taxClasses: [TaxClass(id: "VAT13", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)])
        return db
    }

    func taxEntries(_ db: JournalDatabase) throws -> [(user: String?, payload: String)] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT userCode, payload FROM journalEntry WHERE kind = 'taxClasses' ORDER BY seq").map {
                (user: $0["userCode"], payload: $0["payload"])
            }
        }
    }

    @Test func goodRowsAreImportedEachChangeAnEntryBadRowsAndRepeatedCodesReportedByLine() throws {
        let db = try journal()
        let csv = """
            code,name,rate,inclusive
            VAT13,VAT 13%,13,yes
            EXC5,Sales tax 5%,5,no
            VAT9,VAT 9% 增值税,9.5%,
            BIG,Too much,130,yes
            EXC5,Again,6,no
            BAD CODE,Spaces,5,yes
            HALF,Half,5,maybe
            SHORT,1
            VAT13,VAT 13% reduced,13.00,no

            """
        let summary = try TaxClassImporter(database: db).importCSV(bytes: Array(csv.utf8), by: "9001")
        #expect(summary.rowsRead == 9)
        #expect(summary.unchanged == 1)
        #expect(summary.changed.map(\.id) == ["EXC5", "VAT9"])
        let lines = summary.rejected.map(\.line)
        #expect(lines == [5, 6, 7, 8, 9, 10])
        let texts = summary.rejected.map { $0.text(.en) }
        #expect(texts[0].hasPrefix("line 5: rate \"130\" must be a percentage from 0 to 100"))
        #expect(texts[1] == "line 6: tax class EXC5 is already on line 3 (each code once)")
        #expect(texts[2].hasPrefix("line 7: code \"BAD CODE\""))
        #expect(texts[3].hasPrefix("line 8: inclusive is \"maybe\""))
        #expect(texts[4].hasPrefix("line 9: 2 columns, expected 4"))
        #expect(texts[5] == "line 10: tax class VAT13 is already on line 2 (each code once)")
        #expect(summary.rejected.allSatisfy { $0.text(.zh).hasPrefix("第 \($0.line) 行：") })
        // Stored as imported, and each change a chained entry naming the importer.
        let stored = Dictionary(uniqueKeysWithValues: try db.taxClasses().map { ($0.id, $0) })
        #expect(stored["EXC5"] == TaxClass(id: "EXC5", name: "Sales tax 5%", rateBasisPoints: 500, inclusive: false))
        #expect(stored["VAT9"] == TaxClass(id: "VAT9", name: "VAT 9% 增值税", rateBasisPoints: 950, inclusive: true))
        #expect(stored["BIG"] == nil && stored["HALF"] == nil)
        let entries = try taxEntries(db)
        #expect(entries.count == 3)  // the fixture's, then one per change
        #expect(entries.dropFirst().allSatisfy { $0.user == "9001" })
        #expect(entries[1].payload.contains("EXC5") && !entries[1].payload.contains("VAT9"))
        #expect(try db.verify() == .intact(entries: 3))
        // Importing the same file again changes nothing and writes nothing.
        let again = try TaxClassImporter(database: db).importCSV(bytes: Array(csv.utf8), by: "9001")
        #expect(again.changed.isEmpty && again.unchanged == 3)
        #expect(try taxEntries(db).count == 3)
    }

    @Test func aWrongHeaderIsRefusedAndNothingIsWritten() throws {
        let db = try journal()
        #expect(throws: JournalError.catalogHeaderWrong(found: ["id", "name", "rate"], expected: TaxClassImporter.columns)) {
            try TaxClassImporter(database: db).importCSV(bytes: Array("id,name,rate\nX,Y,1\n".utf8), by: "9001")
        }
        #expect(try taxEntries(db).count == 1)
    }

    @Test func everyRateTheConfigurationTakesTheImportTakesAndNoOther() {
        var rng = StateProjectionPropertyTests.Seeded(state: StateProjectionPropertyTests.seed())
        for _ in 0..<300 {
            let basis = Int64.random(in: -500...12_000, using: &rng)
            let text = DecimalText.format(basis, scale: 2) + (Bool.random(using: &rng) ? "%" : "")
            let row = TaxClassImporter.row(["T", "Tax", text, "yes"])
            let accepted: Bool = if case .good(let taxClass) = row { taxClass.rateBasisPoints == basis } else { false }
            #expect(accepted == (0...10_000).contains(basis), "rate \(text)")
        }
    }
}
