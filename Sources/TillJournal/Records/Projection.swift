import GRDB
import TillCore

/// A table whose rows are derived from the signed payloads (for fast queries). Verification derives
/// them again and compares, so an edited projection row is caught even though it is not hashed.
struct ProjectionTable: Sendable {
    let name: String
    /// The derived columns, `entrySeq` first. (A table may have other, unsigned columns: slip's print state.)
    let columns: [String]
    /// Orders one entry's rows; nil when an entry has at most one row.
    let orderColumn: String?
    /// Columns holding JSON, compared by decoded value rather than by text.
    let jsonColumn: String?

    init(_ name: String, _ columns: [String], orderColumn: String? = nil, jsonColumn: String? = nil) {
        self.name = name
        self.columns = ["entrySeq"] + columns
        self.orderColumn = orderColumn
        self.jsonColumn = jsonColumn
    }

    var insertSQL: String {
        "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    var selectAllSQL: String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(name) ORDER BY entrySeq" + (orderColumn.map { ", " + $0 } ?? "")
    }
}

/// One derived row: values aligned with its table's `columns`.
struct ProjectionRow {
    let table: ProjectionTable
    let values: [DatabaseValue]

    var entrySeq: Int64 { Int64.fromDatabaseValue(values[0]) ?? 0 }
    var order: Int64 {
        guard let column = table.orderColumn, let index = table.columns.firstIndex(of: column) else { return 0 }
        return Int64.fromDatabaseValue(values[index]) ?? 0
    }
}

enum Projection {
    static let document = ProjectionTable("document", ["reference", "kind", "till", "sequence"])
    static let saleLine = ProjectionTable("saleLine", [
        "receipt", "lineNo", "till", "shift", "at", "training", "sku", "barcode", "name", "quantityThousandths",
        "unitPriceMinor", "originalUnitPriceMinor", "discountMinor", "amountMinor", "taxMinor", "currency",
        "taxClassID", "weighed", "returnable", "voided", "approvedBy",
    ], orderColumn: "lineNo")
    static let tender = ProjectionTable("tender", [
        "position", "reference", "documentKind", "till", "shift", "userCode", "training", "tenderKind", "amountMinor",
        "receivedMinor", "tenderReference", "currency",
    ], orderColumn: "position")
    static let refund = ProjectionTable("refund", [
        "number", "originalReceipt", "till", "shift", "userCode", "training", "totalMinor", "currency",
    ])
    static let refundLine = ProjectionTable("refundLine", [
        "position", "refund", "originalReceipt", "originalLineNo", "sku", "name", "quantityThousandths",
        "unitPriceMinor", "amountMinor", "taxMinor", "currency", "weighed",
    ], orderColumn: "position")
    static let postVoid = ProjectionTable("postVoid", [
        "number", "originalReceipt", "till", "shift", "training", "totalMinor", "currency",
    ])
    static let shift = ProjectionTable("shift", [
        "till", "number", "openedAt", "openedBy", "openingFloatMinor", "currency",
    ])
    static let zReport = ProjectionTable("zReport", [
        "number", "till", "shift", "at", "byCode", "netMinor", "currency",
    ])
    static let slip = ProjectionTable("slip", ["reference", "kind", "document"], jsonColumn: "document")

    static let all = [document, saleLine, tender, refund, refundLine, postVoid, shift, zReport, slip]

    /// Every projection row the record gives, for the entry numbered `seq`.
    static func rows(for record: JournalRecord, seq: Int64) throws -> [ProjectionRow] {
        var rows: [ProjectionRow] = []
        func add(_ table: ProjectionTable, _ values: [(any DatabaseValueConvertible)?]) {
            rows.append(ProjectionRow(table: table, values: [seq.databaseValue] + values.map { $0?.databaseValue ?? .null }))
        }
        let columns = EntryColumns(record)
        if let kind = EntryKind(rawValue: columns.kind)?.documentKind, let reference = columns.reference {
            let number = DocumentNumber(parsing: reference)
            add(document, [reference, kind.rawValue, columns.till ?? "", number?.kind == kind ? number?.sequence : nil])
        }
        func addTenders(_ tenders: [Tender], reference: String, kind: EntryKind, till: String, shift: Int64,
                        user: String, training: Bool) {
            for (index, t) in tenders.enumerated() {
                add(tender, [Int64(index + 1), reference, kind.rawValue, till, shift, user, training, t.kind.rawValue,
                             t.amount.minor, t.received?.minor, t.reference, t.amount.currency.code])
            }
        }
        switch record {
        case .sale(let s, _):
            for line in s.lines {
                let tax = line.tax
                add(saleLine, [s.receipt, Int64(line.lineNo), s.till, s.shift, s.at.seconds, s.training, line.sku,
                               line.barcode, line.name, line.quantity.thousandths, line.unitPrice.minor,
                               line.originalUnitPrice?.minor, line.discount.minor, tax.gross.minor, tax.tax.minor,
                               line.unitPrice.currency.code, line.taxClass.id, line.weighed, line.returnable,
                               line.voided, line.approvedBy])
            }
            addTenders(s.tenders, reference: s.receipt, kind: .sale, till: s.till, shift: s.shift, user: s.clerk.code,
                       training: s.training)
        case .refund(let r, _):
            add(refund, [r.number, r.originalReceipt, r.till, r.shift, r.clerk.code, r.training, r.total.minor,
                         r.total.currency.code])
            for (index, line) in r.lines.enumerated() {
                add(refundLine, [Int64(index + 1), r.number, r.originalReceipt, Int64(line.originalLineNo), line.sku,
                                 line.name, line.quantity.thousandths, line.unitPrice.minor, line.amount.minor,
                                 line.tax.minor, line.amount.currency.code, line.weighed])
            }
            addTenders(r.tenders, reference: r.number, kind: .refund, till: r.till, shift: r.shift, user: r.clerk.code,
                       training: r.training)
        case .postVoid(let v, _):
            add(postVoid, [v.number, v.originalReceipt, v.till, v.shift, v.training, v.total.minor, v.total.currency.code])
            addTenders(v.tenders, reference: v.number, kind: .postVoid, till: v.till, shift: v.shift, user: v.clerk.code,
                       training: v.training)
        case .shiftOpened(let s):
            add(shift, [s.till, s.number, s.openedAt.seconds, s.openedBy.code, s.openingFloat.minor,
                        s.openingFloat.currency.code])
        case .zReport(let z, _):
            add(zReport, [z.number, z.totals.shift.till, z.totals.shift.number, z.at.seconds, z.by.code,
                          z.totals.net.minor, z.totals.net.currency.code])
        case .event:
            break
        }
        if let document = record.slip, let reference = columns.reference {
            add(slip, [reference, document.kind.rawValue, try CanonicalJSON.encode(document)])
        }
        return rows
    }
}
