import Foundation
import GRDB
import TillCore

/// Imports a catalog CSV (UTF-8, header `sku,barcodes,name,price,tax_class,returnable,weighed` in any
/// order; barcodes separated by `|`; prices as exact decimals; yes/no/true/false/1/0, empty meaning
/// returnable yes and weighed no). Bad rows are reported by line with the reason and good rows are
/// kept; nothing is lost or changed unreported: a broken quote costs its own line only, invalid
/// UTF-8 is named with its byte offset, and a barcode another item holds is not taken unasked. Items are written in batches, one transaction each, so a million rows take seconds, not
/// hours; an existing SKU is updated.
public struct CatalogImporter: Sendable {
    public static let columns = ["sku", "barcodes", "name", "price", "tax_class", "returnable", "weighed"]

    public let database: JournalDatabase
    public let currency: Currency
    public let batchSize: Int
    /// The progress callback is called after every this many rows.
    public let progressEvery: Int
    /// Let a row take a barcode from another item already in the catalog (each move is reported);
    /// otherwise such a row is refused, naming the item that holds the barcode.
    public let reassignBarcodes: Bool

    public init(database: JournalDatabase, currency: Currency, batchSize: Int = 10_000, progressEvery: Int = 100_000,
                reassignBarcodes: Bool = false) {
        self.database = database
        self.currency = currency
        self.batchSize = max(1, batchSize)
        self.progressEvery = max(1, progressEvery)
        self.reassignBarcodes = reassignBarcodes
    }

    public func importFile(atPath path: String, by: String? = nil, progress: (CatalogImportProgress) -> Void = { _ in }) throws -> CatalogImportSummary {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw JournalError.fileNotReadable(path: path, cause: exists ? "permission denied" : "no such file")
        }
        return try importCSV(bytes: Array(data), by: by, progress: progress)
    }

    /// `by`: the authorised user's code, named in each batch's chained entry.
    ///
    /// Every record read is either imported or reported by its line (`rowsRead` = imported +
    /// rejected). A record that ran over several lines (a quote opened and never closed where it
    /// should be) and was refused gives its later lines back: they are read again as rows.
    public func importCSV(bytes: [UInt8], by: String? = nil, progress: (CatalogImportProgress) -> Void = { _ in }) throws -> CatalogImportSummary {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else { throw JournalError.catalogHeaderWrong(found: [], expected: Self.columns) }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        guard header.problem == nil, Set(names) == Set(Self.columns), names.count == Self.columns.count else {
            throw JournalError.catalogHeaderWrong(found: header.fields, expected: Self.columns)
        }
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let taxClasses = Set(try database.taxClasses().map(\.id))

        var summary = CatalogImportSummary(rowsRead: 0, imported: 0, rejected: [])
        var skuLines: [String: Int] = [:], barcodeLines: [String: Int] = [:]
        var batch: [(item: CatalogItem, line: Int)] = []
        batch.reserveCapacity(batchSize)

        /// Rows whose barcodes another catalog item holds are refused here (or their moves
        /// noted), then the rest are written as one entry.
        func flush() throws {
            guard !batch.isEmpty else { return }
            let owners = try database.barcodeOwners(batch.flatMap(\.item.barcodes))
            let skusHeld = try database.existingSKUs(batch.flatMap(\.item.barcodes))
            let skuOwners = try database.barcodeOwners(batch.map(\.item.sku))
            var codes = ItemCodeRule()
            var kept: [CatalogItem] = []
            kept.reserveCapacity(batch.count)
            for (item, line) in batch {
                let taken = item.barcodes.compactMap { code in owners[code].flatMap { $0 == item.sku ? nil : (code, $0) } }
                if let (code, owner) = taken.first, !reassignBarcodes {
                    summary.rejected.append(CatalogRowRejection(line: line, problem: .barcodeTaken(code: code, ownerSKU: owner)))
                    // The row is not imported: a later row may use its SKU and barcodes.
                    if skuLines[item.sku] == line { skuLines[item.sku] = nil }
                    for code in item.barcodes where barcodeLines[code] == line { barcodeLines[code] = nil }
                    continue
                }
                // Checked again by the write; refused here row by row, so the rest still imports.
                if let clash = try codes.admit(item, skuExists: { skusHeld.contains($0) }, barcodeHolder: { skuOwners[$0] }) {
                    summary.rejected.append(CatalogRowRejection(line: line, problem: .codeAmbiguous(clash)))
                    if skuLines[item.sku] == line { skuLines[item.sku] = nil }
                    for code in item.barcodes where barcodeLines[code] == line { barcodeLines[code] = nil }
                    continue
                }
                for (code, owner) in taken { summary.reassigned.append(CatalogBarcodeMove(line: line, code: code, from: owner, to: item.sku)) }
                kept.append(item)
            }
            try database.upsert(items: kept, by: by, reassignBarcodes: reassignBarcodes)
            summary.imported += kept.count
            batch.removeAll(keepingCapacity: true)
        }

        while let record = reader.next() {
            summary.rowsRead += 1
            switch parse(record, position: position, taxClasses: taxClasses, skuLines: skuLines, barcodeLines: barcodeLines) {
            case .success(let item):
                skuLines[item.sku] = record.line
                for code in item.barcodes { barcodeLines[code] = record.line }
                batch.append((item, record.line))
                if batch.count >= batchSize { try flush() }
            case .failure(let problem):
                summary.rejected.append(CatalogRowRejection(line: record.line, problem: problem))
                if record.spansLines { reader.resume(after: record) }
            }
            if summary.rowsRead % progressEvery == 0 {
                // Only committed rows count as imported: the batch still being gathered is not in
                // the journal yet, and its flush may yet refuse some of it (a barcode taken).
                progress(CatalogImportProgress(rowsRead: summary.rowsRead, imported: summary.imported,
                                               rejected: summary.rejected.count))
            }
        }
        try flush()
        summary.rejected.sort { $0.line < $1.line }
        return summary
    }

    private func parse(_ record: CSVReader.Record, position: [String: Int], taxClasses: Set<String>,
                       skuLines: [String: Int], barcodeLines: [String: Int]) -> Result<CatalogItem, CatalogRowProblem> {
        if let problem = record.problem { return .failure(.unreadable(problem)) }
        guard record.fields.count == Self.columns.count else {
            return .failure(.wrongColumnCount(found: record.fields.count, expected: Self.columns.count))
        }
        // A quote that runs over line breaks has usually lost its partner, and what it swallowed is
        // rows: refuse it so its lines are read again (a name with a line break is no name for a slip).
        if record.spansLines { return .failure(.quotedAcrossLines(lastLine: record.lastLine)) }
        // Any control character is a rejected row, checked before anything is stored.
        func field(_ name: String) -> String {
            position[name].map { record.fields[$0].trimmingSpaces } ?? ""
        }
        for name in Self.columns {
            if let bad = InputText.firstForbidden(in: field(name)) {
                return .failure(.controlCharacter(column: name, character: InputText.name(bad)))
            }
        }

        let sku = field("sku")
        guard !sku.isEmpty else { return .failure(.emptySKU) }
        if let first = skuLines[sku] { return .failure(.duplicateSKU(sku: sku, firstLine: first)) }
        let name = field("name")
        guard !name.isEmpty else { return .failure(.emptyName) }
        let priceText = field("price")
        guard let price = Money(parsing: priceText, currency: currency) else { return .failure(.priceNotANumber(text: priceText)) }
        guard !price.isNegative else { return .failure(.negativePrice(text: priceText)) }
        guard ValueLimits.contains(amount: price) else {
            return .failure(.priceOutOfRange(text: priceText, maximum: ValueLimits.maximumAmountText(currency)))
        }
        let taxClass = field("tax_class")
        guard taxClasses.contains(taxClass) else { return .failure(.unknownTaxClass(id: taxClass)) }

        var barcodes: [String] = []
        for code in field("barcodes").split(separator: "|").map({ String($0).trimmingSpaces }) where !code.isEmpty {
            if case .wrongCheckDigit(let expected, let found) = GTIN.verify(code) {
                return .failure(.barcodeCheckDigitWrong(code: code, expected: expected, found: found))
            }
            if let first = barcodeLines[code] { return .failure(.duplicateBarcode(code: code, firstLine: first)) }
            if !barcodes.contains(code) { barcodes.append(code) }
        }
        guard let returnable = yesNo(field("returnable"), default: true) else {
            return .failure(.notAYesNo(column: "returnable", text: field("returnable")))
        }
        guard let weighed = yesNo(field("weighed"), default: false) else {
            return .failure(.notAYesNo(column: "weighed", text: field("weighed")))
        }
        return .success(CatalogItem(sku: sku, barcodes: barcodes, name: name, price: price, taxClassID: taxClass,
                                    returnable: returnable, weighed: weighed))
    }

    private func yesNo(_ text: String, default value: Bool) -> Bool? {
        switch text.lowercased() {
        case "": return value
        case "yes", "true", "1", "y": return true
        case "no", "false", "0", "n": return false
        default: return nil
        }
    }
}
