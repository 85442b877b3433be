import Foundation
import Testing
import TillCore
@testable import TillJournal

/// A code names one item: no code is one item's barcode and another item's SKU. Generated
/// catalog writes draw SKUs and barcodes from one small pool of codes, so clashes are common; a
/// model catalog says what each write leaves, and the journal must refuse a write exactly when
/// the model would then hold a clash (`ItemCodeClash`, nothing written), and otherwise hold the
/// model's catalog, every code finding the one item it names.
@Suite struct ItemCodeRuleTests {
    static let pool = ["6901234567892", "TEA-1", "TEA-2", "MUG", "4006381333931", "S9"]

    @Test func noWriteLeavesACodeThatIsOneItemsBarcodeAndAnothersSKU() throws {
        let seed = StateProjectionPropertyTests.seed()
        var rng = StateProjectionPropertyTests.Seeded(state: seed)
        let why = "seed \(seed) (re-run: TILL_PROPERTY_SEED=\(seed))"
        var refused = 0, written = 0
        for _ in 0..<6 {
            let db = try JournalDatabase.inMemory()
            try db.upsert(taxClasses: [Fx.standard])
            var model: [String: [String]] = [:]
            for _ in 0..<25 {
                let batch = (0..<Int.random(in: 1...3, using: &rng)).map { _ -> CatalogItem in
                    let sku = Self.pool.randomElement(using: &rng) ?? "S9"
                    let barcodes = Array(Set((0..<Int.random(in: 0...2, using: &rng)).compactMap { _ in Self.pool.randomElement(using: &rng) }))
                    return CatalogItem(sku: sku, barcodes: barcodes.sorted(), name: "Item " + sku, price: Money(minor: 100, currency: .cny),
                                       taxClassID: Fx.standard.id)
                }
                var next = model
                for item in batch {
                    for other in next.keys where other != item.sku { next[other]?.removeAll { item.barcodes.contains($0) } }
                    next[item.sku] = item.barcodes
                }
                let clashes = next.contains { sku, codes in codes.contains { $0 != sku && next[$0] != nil } }
                do {
                    try db.upsert(items: batch, by: nil, reassignBarcodes: true)
                    #expect(!clashes, "\(why): \(batch) was written, leaving a clash in \(next)")
                    model = next
                    written += 1
                } catch let clash as ItemCodeClash {
                    #expect(clashes, "\(why): \(batch) refused (\(clash.message(.en))) though \(next) has no clash")
                    // The refusal names a real clash of the write: a barcode of one item, the SKU of another.
                    #expect(next[clash.barcodeOf]?.contains(clash.itemCode) == true && clash.skuOf == clash.itemCode
                            && clash.barcodeOf != clash.skuOf && next[clash.skuOf] != nil, "\(why): \(clash) in \(next)")
                    refused += 1
                }
                // Every code finds the one item the model says it names.
                for code in Self.pool {
                    let owner = model.first { $0.value.contains(code) }?.key ?? (model[code] != nil ? code : nil)
                    let found = try db.item(code: code)
                    #expect(found?.sku == owner, "\(why): \(code) finds \(found?.sku ?? "nothing"), expected \(owner ?? "nothing") in \(model)")
                    if let found { #expect(found.barcodes.sorted() == model[found.sku]?.sorted(), "\(why): \(found) vs \(model)") }
                }
            }
        }
        #expect(refused > 0 && written > 0, "\(why): refused \(refused), written \(written)")
    }

    /// The import refuses the row that would make the clash, by its line, and imports the rest.
    @Test func anImportRowWhoseBarcodeIsAnotherItemsSKUIsRefusedByLine() throws {
        let db = try JournalDatabase.inMemory()
        try db.upsert(taxClasses: [Fx.standard, Fx.reduced])
        let csv = "sku,barcodes,name,price,tax_class,returnable,weighed\n"
            + "6901234567892,,Tea by its code,1.00,STD,yes,no\n"
            + "TEA,6901234567892,Tea,2.00,STD,yes,no\n"
            + "MUG,4006381333931,Mug,3.00,STD,yes,no\n"
        let summary = try CatalogImporter(database: db, currency: .cny, batchSize: 7, reassignBarcodes: false).importCSV(bytes: Array(csv.utf8))
        let clash = ItemCodeClash(itemCode: "6901234567892", barcodeOf: "TEA", skuOf: "6901234567892")
        #expect(summary.rejected == [CatalogRowRejection(line: 3, problem: .codeAmbiguous(clash))])
        #expect(summary.imported == 2)
        #expect(try db.item(code: "6901234567892")?.sku == "6901234567892")
        #expect(try db.item(code: "TEA") == nil)
        // A later file cannot bring the clash in from the other side either.
        let other = "sku,barcodes,name,price,tax_class,returnable,weighed\n4006381333931,,By the mug's barcode,1.00,STD,yes,no\n"
        let second = try CatalogImporter(database: db, currency: .cny, batchSize: 7, reassignBarcodes: true).importCSV(bytes: Array(other.utf8))
        #expect(second.rejected.map(\.problem.code) == ["catalog_row_code_ambiguous"])
        #expect(try db.item(code: "4006381333931")?.sku == "MUG")
    }
}
