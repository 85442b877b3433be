import Foundation
import Testing
import TillCore
@testable import TillJournal

/// Issue 12, "Data in": a catalog import never loses or silently changes data. A broken row costs
/// its own line only, a barcode is never taken from another item unasked, invalid UTF-8 is named
/// as such; and over generated files every row read is imported exactly or reported by line.
@Suite struct CatalogImportIntegrityTests {
    static let header = "sku,barcodes,name,price,tax_class,returnable,weighed\n"

    func freshJournal() throws -> JournalDatabase {
        let db = try JournalDatabase.inMemory()
        try db.upsert(taxClasses: [Fx.standard, Fx.reduced])
        return db
    }

    func run(_ db: JournalDatabase, _ bytes: [UInt8], reassign: Bool = false) throws -> CatalogImportSummary {
        try CatalogImporter(database: db, currency: .cny, batchSize: 7, reassignBarcodes: reassign).importCSV(bytes: bytes)
    }

    @Test func anUnclosedQuoteOnLine3CostsLine3AndNotTheThousandRowsAfterIt() throws {
        let db = try freshJournal()
        var csv = Self.header + "G0,,First,1.00,STD,yes,no\n" + "BROKEN,,\"Unclosed name,2.00,STD,yes,no\n"
        for i in 1...1_000 { csv += "G\(i),,Item \(i),\(i).00,STD,yes,no\n" }
        let summary = try run(db, Array(csv.utf8))
        #expect(summary.imported == 1_001)
        #expect(summary.rejected == [CatalogRowRejection(line: 3, problem: .unreadable(.unclosedQuote(openedOnLine: 3)))])
        #expect(summary.rowsRead == summary.imported + summary.rejected.count)
        #expect(try db.item(code: "G1000")?.price == Fx.money(100_000))
        #expect(try db.item(code: "BROKEN") == nil)
        #expect(summary.text(.en) == "Imported 1001 items, rejected 1 row (of 1002 rows read).")
        #expect(summary.rejected[0].text(.en).hasPrefix("line 3: a quoted field opened on line 3 is never closed"))
        #expect(summary.rejected[0].text(.zh).hasPrefix("第 3 行：第 3 行开始的带引号字段没有结束引号"))
    }

    @Test func aQuoteThatClosesOnALaterLineGivesThoseLinesBack() throws {
        let db = try freshJournal()
        // The quote opened on line 2 "closes" at line 4's quoted name: lines 3 and 4 are rows of their own.
        let csv = Self.header + "A1,,\"Broken,1.00,STD,yes,no\n" + "A2,,Plain,2.00,STD,yes,no\n"
            + "A3,,\"Quoted, name\",3.00,STD,yes,no\n"
        let summary = try run(db, Array(csv.utf8))
        #expect(summary.rejected.map(\.line) == [2])
        #expect(try db.item(code: "A2")?.name == "Plain")
        #expect(try db.item(code: "A3")?.name == "Quoted, name")
    }

    @Test func aRowThatTakesAnotherItemsBarcodeIsRefusedByLineUnlessReassigning() throws {
        let db = try freshJournal()
        try db.upsert(items: [Fx.item("TEA-JAS", 2500, barcodes: ["6901234567892"], name: "Jasmine tea")])
        let csv = Self.header + "NEW-1,6901234567892,Usurper,1.00,STD,yes,no\n" + "NEW-2,,Innocent,1.00,STD,yes,no\n"
        let refused = try run(db, Array(csv.utf8))
        #expect(refused.rejected == [CatalogRowRejection(line: 2, problem: .barcodeTaken(code: "6901234567892", ownerSKU: "TEA-JAS"))])
        #expect(refused.imported == 1)
        #expect(try db.item(code: "6901234567892")?.sku == "TEA-JAS")
        #expect(refused.rejected[0].text(.en).contains("--reassign-barcodes"))

        // The journal refuses it too, whoever calls it.
        #expect(throws: JournalError.barcodeTaken(code: "6901234567892", owner: "TEA-JAS", sku: "NEW-1")) {
            try db.upsert(items: [Fx.item("NEW-1", 100, barcodes: ["6901234567892"])])
        }

        let moved = try run(db, Array(csv.utf8), reassign: true)
        #expect(moved.rejected.isEmpty)
        #expect(moved.reassigned == [CatalogBarcodeMove(line: 2, code: "6901234567892", from: "TEA-JAS", to: "NEW-1")])
        #expect(try db.item(code: "6901234567892")?.sku == "NEW-1")
        #expect(try db.item(code: "TEA-JAS")?.barcodes == [])
    }

    @Test func invalidUTF8IsReportedAsSuchWithItsLineAndByteOffset() throws {
        let db = try freshJournal()
        let before = Array((Self.header + "U1,,Good,1.00,STD,yes,no\nU2,,Bad").utf8)
        let bytes = before + [0xB2, 0xE8] + Array(",1.00,STD,yes,no\nU3,,Fine,1.00,STD,yes,no\n".utf8)
        let summary = try run(db, bytes)
        #expect(summary.rejected == [CatalogRowRejection(line: 3, problem: .unreadable(.invalidUTF8(byteOffset: before.count)))])
        #expect(summary.rejected[0].text(.en) == "line 3: the text is not valid UTF-8 at byte \(before.count) of the file (save the file as UTF-8)")
        #expect(summary.imported == 2)
    }

    // MARK: - Generated files

    struct Row {
        var sku: String, barcode: String, name: String, priceMinor: Int64, tax: String, returnable: Bool, weighed: Bool

        var csv: String {
            let quoted = name.contains(",") || name.contains("\"")
            let nameField = quoted ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
            return [sku, barcode, nameField, DecimalText.format(priceMinor, scale: 2), tax, returnable ? "yes" : "no",
                    weighed ? "yes" : "no"].joined(separator: ",")
        }
    }

    static func gtin(_ body: String) -> String {
        // EAN-13 check digit over 12 digits.
        let digits = body.compactMap(\.wholeNumberValue)
        let sum = digits.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
        return body + String((10 - sum % 10) % 10)
    }

    /// Damage one line the way files get damaged: a quote lost or added, bytes that are not UTF-8,
    /// a comma too many, the line cut short.
    static func damage(_ line: [UInt8], _ rng: inout StateProjectionPropertyTests.Seeded) -> [UInt8] {
        var bytes = line
        let at = Int.random(in: 0...bytes.count, using: &rng)
        switch Int.random(in: 0...5, using: &rng) {
        case 0: bytes.insert(UInt8(ascii: "\""), at: at)
        case 1: if let q = bytes.firstIndex(of: UInt8(ascii: "\"")) { bytes.remove(at: q) } else { bytes.insert(UInt8(ascii: "\""), at: at) }
        case 2: bytes.insert(contentsOf: [[0xFF], [0xC3], [0xE4, 0xB8], [0x80]][Int.random(in: 0...3, using: &rng)], at: at)
        case 3: bytes.insert(UInt8(ascii: ","), at: at)
        case 4: bytes = Array(bytes.prefix(at))
        default: bytes.insert(contentsOf: Array("\r\"x\"".utf8), at: at)
        }
        return bytes
    }

    /// Over generated catalogs with damaged lines: the import never throws or crashes, every row
    /// read is imported or reported (`rowsRead` = imported + rejected, lines within the file, each
    /// reported once), and every undamaged row is in the catalog exactly as written or reported
    /// by its own line. The seed is printed on failure; TILL_PROPERTY_SEED replays one.
    @Test func generatedFilesLoseNothingAndChangeNothingUnreported() throws {
        let seed = StateProjectionPropertyTests.seed()
        var rng = StateProjectionPropertyTests.Seeded(state: seed)
        let names = ["Tea", "Green tea, 100g", "The \"best\" mug", "龙井茶", "Rice, 5 kg \"new\"", "Soap"]
        for round in 0..<40 {
            let db = try freshJournal()
            var lines: [[UInt8]] = [Array(Self.header.dropLast().utf8)]
            var goodRows: [Int: Row] = [:] // index in `lines` -> the row written there, undamaged
            for i in 0..<Int.random(in: 1...60, using: &rng) {
                let row = Row(sku: "R\(round)-\(i)", barcode: Bool.random(using: &rng) ? Self.gtin(String(690_000_000_000 + round * 1_000 + i)) : "",
                              name: names[Int.random(in: 0..<names.count, using: &rng)], priceMinor: Int64.random(in: 0...99_999, using: &rng),
                              tax: Bool.random(using: &rng) ? "STD" : "RED", returnable: Bool.random(using: &rng), weighed: Bool.random(using: &rng))
                var bytes = Array(row.csv.utf8)
                if Int.random(in: 0..<5, using: &rng) == 0 { bytes = Self.damage(bytes, &rng) } else { goodRows[lines.count] = row }
                lines.append(bytes)
            }
            let file = Array(lines.joined(separator: [0x0A]))
            // The physical line each row starts on, counting line breaks as editors do (LF, CRLF, a
            // lone CR): a damaged line may hold a lone CR.
            var good: [Int: Row] = [:]
            var physical = 1
            for (index, bytes) in lines.enumerated() {
                if let row = goodRows[index] { good[physical] = row }
                physical += 1 + zip(bytes, bytes.dropFirst().map(Optional.some) + [nil]).filter { $0.0 == 13 && $0.1 != 10 }.count
                if bytes.last == 13 { physical -= 1 } // a CR just before the joining LF is CRLF: one break
            }
            let summary: CatalogImportSummary
            do { summary = try run(db, file) } catch {
                Issue.record("seed \(seed) round \(round): the import threw \(error)")
                continue
            }
            let reported = summary.rejected.map(\.line)
            #expect(summary.rowsRead == summary.imported + summary.rejected.count, "seed \(seed) round \(round)")
            #expect(Set(reported).count == reported.count, "seed \(seed) round \(round): a line reported twice")
            #expect(reported.allSatisfy { (2..<physical).contains($0) }, "seed \(seed) round \(round): \(reported)")
            for (line, row) in good.sorted(by: { $0.key < $1.key }) where !reported.contains(line) {
                let item = try db.item(code: row.sku)
                let expected = CatalogItem(sku: row.sku, barcodes: row.barcode.isEmpty ? [] : [row.barcode], name: row.name,
                                           price: Fx.money(row.priceMinor), taxClassID: row.tax, returnable: row.returnable, weighed: row.weighed)
                #expect(item == expected, "seed \(seed) round \(round): line \(line) \(row.csv) lost or changed unreported: \(String(describing: item))")
            }
        }
    }
}
