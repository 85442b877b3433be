import Foundation
import Testing
import TillCore
@testable import TillJournal

/// A progress line is shown to the person importing ("imported N"): every row it counts as
/// imported must already be committed to the journal at that moment, whatever the batch size,
/// the progress interval, and however many rows a batch's flush refuses (a barcode taken).
@Suite struct CatalogImportProgressTests {
    @Test func theProgressNeverCountsARowTheJournalDoesNotHold() throws {
        let seed = StateProjectionPropertyTests.seed()
        var rng = StateProjectionPropertyTests.Seeded(state: seed)
        for round in 0..<40 {
            let db = try JournalDatabase.inMemory()
            try db.upsert(taxClasses: [Fx.standard, Fx.reduced])
            // One item already holds a barcode: rows that want it are refused when their batch is flushed.
            try db.upsert(items: [Fx.item("OWNER", 100, barcodes: ["6901234567892"], name: "Owner")])
            let before = try db.itemCount()
            var csv = CatalogImportIntegrityTests.header
            for i in 0..<Int.random(in: 1...40, using: &rng) {
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: csv += "U\(i),6901234567892,Usurper \(i),1.00,STD,yes,no\n"   // refused at flush
                case 1: csv += "B\(i),,Bad price \(i),twelve,STD,yes,no\n"            // refused as read
                default: csv += "G\(i),,Good \(i),\(i + 1).00,STD,yes,no\n"
                }
            }
            let batchSize = Int.random(in: 1...9, using: &rng), every = Int.random(in: 1...5, using: &rng)
            var seen: [String] = []
            let summary = try CatalogImporter(database: db, currency: .cny, batchSize: batchSize, progressEvery: every)
                .importCSV(bytes: Array(csv.utf8)) { p in
                    let held = ((try? db.itemCount()) ?? -1) - before
                    if p.imported != held { seen.append("at row \(p.rowsRead) it said \(p.imported) imported, the journal held \(held)") }
                }
            #expect(seen.isEmpty, "seed \(seed) round \(round) (batch \(batchSize), every \(every)): \(seen.joined(separator: "; "))")
            #expect(try db.itemCount() - before == summary.imported, "seed \(seed) round \(round)")
            if !seen.isEmpty { return }
        }
    }
}
