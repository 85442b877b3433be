import Foundation
import Testing
import TillCore
@testable import TillJournal

/// Catalog storage and the CSV importer.
@Suite struct CatalogTests {
    let db: JournalDatabase
    init() throws {
        db = try JournalDatabase.inMemory()
        try db.upsert(taxClasses: [Fx.standard, Fx.reduced])
    }

    func importer(batchSize: Int = 2, progressEvery: Int = 2) -> CatalogImporter {
        CatalogImporter(database: db, currency: .cny, batchSize: batchSize, progressEvery: progressEvery)
    }

    func importText(_ text: String, bom: Bool = false) throws -> CatalogImportSummary {
        try importer().importCSV(bytes: (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    }

    @Test func itemsLookUpByBarcodeOrSKU() throws {
        let milk = Fx.item("MILK1", 1250, barcodes: ["6901234567892", "12345670"], name: "Milk 1L")
        try db.upsert(items: [milk, Fx.item("BREAD", 800)])
        #expect(try db.item(code: "6901234567892") == milk)
        #expect(try db.item(code: "12345670") == milk)
        #expect(try db.item(code: "MILK1") == milk)
        #expect(try db.item(code: "NOPE") == nil)
        #expect(try db.itemCount() == 2)
        #expect(try db.taxClass(id: "RED") == Fx.reduced)
        #expect(try db.taxClass(id: "X") == nil)

        // Upsert replaces the item and its barcodes.
        var changed = milk
        changed.price = Fx.money(1300)
        changed.barcodes = ["6901234567892"]
        try db.upsert(items: [changed])
        #expect(try db.item(code: "12345670") == nil)
        #expect(try db.item(code: "MILK1") == changed)
        #expect(try db.itemCount() == 2)

        var unknownTax = Fx.item("X1", 100)
        unknownTax.taxClassID = "NONE"
        #expect(throws: JournalError.unknownTaxClass(sku: "X1", taxClass: "NONE")) { try db.upsert(items: [unknownTax]) }
    }

    @Test func goodRowsAreKeptAndBadRowsReportedByLine() throws {
        var progress: [CatalogImportProgress] = []
        let csv = """
            sku,barcodes,name,price,tax_class,returnable,weighed
            A1,6901234567892,Milk,12.50,STD,yes,no
            ,,No SKU,1.00,STD,yes,no
            A2,,Cheese,twelve,STD,yes,no
            A3,,Soap,1.00,LUX,yes,no
            A4,6901234567893,Bad barcode,1.00,STD,yes,no
            A1,,Milk again,1.00,STD,yes,no
            A5,,Too,many,columns,1.00,STD,yes,no
            A6,,Apples,3.99,RED,true,1
            A7,6901234567892,Same barcode,1.00,STD,yes,no
            A8,,Maybe,1.00,STD,maybe,no
            A9,,Rice,-1.00,STD,yes,no
            A10,,Nuts,1.999,STD,yes,no
            """
        let summary = try importer().importCSV(bytes: Array(csv.utf8)) { progress.append($0) }
        #expect(summary.rowsRead == 12)
        #expect(summary.imported == 2)
        #expect(summary.rejected == [
            CatalogRowRejection(line: 3, problem: .emptySKU),
            CatalogRowRejection(line: 4, problem: .priceNotANumber(text: "twelve")),
            CatalogRowRejection(line: 5, problem: .unknownTaxClass(id: "LUX")),
            CatalogRowRejection(line: 6, problem: .barcodeCheckDigitWrong(code: "6901234567893", expected: 2, found: 3)),
            CatalogRowRejection(line: 7, problem: .duplicateSKU(sku: "A1", firstLine: 2)),
            CatalogRowRejection(line: 8, problem: .wrongColumnCount(found: 9, expected: 7)),
            CatalogRowRejection(line: 10, problem: .duplicateBarcode(code: "6901234567892", firstLine: 2)),
            CatalogRowRejection(line: 11, problem: .notAYesNo(column: "returnable", text: "maybe")),
            CatalogRowRejection(line: 12, problem: .negativePrice(text: "-1.00")),
            CatalogRowRejection(line: 13, problem: .priceNotANumber(text: "1.999")),
        ])
        #expect(try db.item(code: "6901234567892")?.price == Fx.money(1250))
        #expect(try db.item(code: "A6") == CatalogItem(sku: "A6", barcodes: [], name: "Apples", price: Fx.money(399),
                                                       taxClassID: "RED", returnable: true, weighed: true))
        #expect(try db.itemCount() == 2)
        #expect(progress.map(\.rowsRead) == [2, 4, 6, 8, 10, 12])
        #expect(summary.rejected[0].text(.en) == "line 3: the SKU is empty")
        #expect(summary.rejected[0].text(.zh) == "第 3 行：货号为空")
    }

    @Test func quotedFieldsWithCommasQuotesNewlinesAndChineseAndABOM() throws {
        let csv = "sku,barcodes,name,price,tax_class,returnable,weighed\r\n"
            + "B1,\"6901234567892|12345670\",\"Tea, green \"\"Longjing\"\"\",88.00,STD,no,no\r\n"
            + "B2,,\"Two\nlines\",1,STD,1,0\r\n"
            + "B3,,龙井茶 250克,128.5,RED,是,no\r\n"
            + "B4,,花生油,45,RED,,\r\n"
        let summary = try importText(csv, bom: true)
        #expect(summary.imported == 2)
        // Issue 12: a quote that runs over a line break is refused and the line it ran over is read
        // again as a row, so a lost closing quote can never swallow rows into one item's name.
        #expect(summary.rejected.map(\.line) == [3, 4, 5])
        #expect(summary.rejected.first?.problem == .quotedAcrossLines(lastLine: 4))
        #expect(summary.rejected.last?.problem == .notAYesNo(column: "returnable", text: "是"))
        #expect(try db.item(code: "12345670") == CatalogItem(sku: "B1", barcodes: ["6901234567892", "12345670"],
                                                             name: "Tea, green \"Longjing\"", price: Fx.money(8800),
                                                             taxClassID: "STD", returnable: false, weighed: false))
        #expect(try db.item(code: "B2") == nil)
        #expect(try db.item(code: "B4") == CatalogItem(sku: "B4", barcodes: [], name: "花生油", price: Fx.money(4500),
                                                       taxClassID: "RED", returnable: true, weighed: false))
    }

    @Test func brokenQuotingIsReportedAndTheRestKept() throws {
        let csv = "sku,barcodes,name,price,tax_class,returnable,weighed\n"
            + "C1,,\"Oops\"x,1.00,STD,yes,no\n"
            + "C2,,Fine,2.00,STD,yes,no\n"
            + "C3,,Bad\"quote,1.00,STD,yes,no\n"
        let summary = try importText(csv)
        #expect(summary.imported == 1)
        #expect(summary.rejected.map(\.line) == [2, 4])
        #expect(try db.item(code: "C2")?.price == Fx.money(200))
    }

    @Test func headerMustNameTheColumns() throws {
        #expect(throws: JournalError.catalogHeaderWrong(found: ["sku", "name", "price"], expected: CatalogImporter.columns)) {
            try importText("sku,name,price\nA,B,1.00\n")
        }
        // Any order is fine.
        let summary = try importText("name,sku,price,barcodes,tax_class,weighed,returnable\nSalt,D1,2.50,,STD,no,yes\n")
        #expect(summary.imported == 1)
        #expect(try db.item(code: "D1")?.name == "Salt")
    }

    @Test func importsAFileAndNamesAMissingOne() throws {
        let path = Fx.tempPath("catalog.csv")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "sku,barcodes,name,price,tax_class,returnable,weighed\nE1,,Eggs,9.90,STD,yes,no\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try importer().importFile(atPath: path).imported == 1)
        #expect(throws: JournalError.fileNotReadable(path: path + ".missing", cause: "no such file")) {
            try importer().importFile(atPath: path + ".missing")
        }
    }
}
