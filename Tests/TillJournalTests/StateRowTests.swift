import Foundation
import GRDB
import Testing
import TillCore
@testable import TillJournal

/// The state tables are written and verified as named record structs, not value lists.
@Suite struct StateRowTests {
    /// Every row struct encodes exactly its table's key and columns, by name.
    @Test func everyRowEncodesExactlyItsTablesColumns() throws {
        let rows: [any StateRow] = [
            UserRow(code: "1001", name: "Li", role: "clerk", pinHash: "h"),
            TaxClassRow(id: "STD", name: "Standard", rateBasisPoints: 1300, inclusive: true),
            CatalogItemRow(sku: "TEA", name: "Tea", priceMinor: 100, currency: "CNY", taxClassID: "STD", returnable: true, weighed: false),
            BarcodeRow(code: "690", sku: "TEA", position: 0),
            SlipPrintRow(reference: "S01-000001", printState: "pending", printCause: nil, printStateAt: nil, attempts: 0),
            DrillAttemptRow(entrySeq: 1, trainee: "t", drill: "d", startedAt: 0, seconds: 1, keystrokes: 1, wrongAttempts: 0,
                            refusals: "", score: 1, breakdown: ""),
            ConfigurationRow(id: 1, entrySeq: 1, settings: "{}"),
        ]
        for row in rows {
            let table = type(of: row).table
            #expect(Set(try row.columns().keys) == Set([table.key] + table.columns), "\(table.name)")
        }
    }

    /// Two columns of one row swapped with sqlite3 (both texts, so the types cannot give it away):
    /// verify names the row, both columns and the entry that wrote them.
    @Test(arguments: [
        ("user", "code = '1001'", "name", "role"),
        ("catalogItem", "sku = 'TEA'", "name", "taxClassID"),
        ("drillAttempt", "trainee = 't1'", "trainee", "drill"),
    ])
    func swappingTwoColumnsOfARowIsReported(table: String, row: String, first: String, second: String) throws {
        let path = Fx.tempPath()
        do {
            let db = try JournalDatabase(path: path, pinHashRounds: 1_000)
            try db.upsert(taxClasses: [Fx.standard])
            try db.upsert(items: [Fx.item("TEA", 2500, barcodes: ["6901234567892"])])
            try db.addUser(Fx.clerk, pin: "1111")
            try db.record(DrillAttempt(trainee: "t1", drill: "01-full-refund", startedAt: Fx.t0, seconds: 3, keystrokes: 4,
                                       wrongAttempts: 0, refusals: [], score: 90, breakdown: []))
            #expect(try db.verify().isIntact)
        }
        let (a, b) = (first, second)
        try Fx.sqlite3(path, "UPDATE \(table) SET \(a) = \(b), \(b) = \(a) WHERE \(row)")
        let result = try JournalDatabase(path: path, pinHashRounds: 1_000).verify()
        let details = result.problems.filter { $0.problem == .tableChanged }.map(\.detail.en)
        #expect(details.contains { $0.contains(a) }, "\(details)")
        #expect(details.contains { $0.contains(b) }, "\(details)")
    }
}
