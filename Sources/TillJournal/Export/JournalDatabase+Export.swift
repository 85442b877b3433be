import Foundation
import GRDB
import TillCore

extension JournalDatabase {
    /// The export's columns, documented for accountants (README "Journal export"):
    /// - `record`: `entry` (one per journal entry), `line` (a sale or refund line), `tender` (a payment or payout)
    /// - `seq`, `kind`, `reference`, `till`, `shift`, `user`, `approver`: the entry's
    /// - `at`: UTC time, ISO 8601 (`2026-11-23T14:05:00Z`); `training`: `yes`/`no`
    /// - `currency`, `total`: the entry's total (sale paid, refund paid out, void given back, Z net, opening float)
    /// - `lineNo`, `sku`, `name`, `quantity`, `unitPrice`, `discount`, `amount` (gross, tax included), `tax`, `voided`
    /// - `originalReceipt`, `originalLineNo`: what a refund line or a void refers to
    /// - `tender`, `tenderReference`: tender kind and card approval / voucher number (`amount` holds the tender amount)
    /// - `hash`: the entry's chain hash, so a printed export can be checked against the journal later
    /// - `reason`: a refund's or post-void's reason code; `approvals`: what its approver approved
    ///   (`ApprovalReason.kind`s, `|`-separated); `customerReference`: a blind return's customer;
    ///   `rounding`: the cash rounding of a sale's amount due or a refund's payout (signed, "-0.02")
    /// - a last row `record` = `anchor` with the entry count in `seq` and the head hash in `hash`:
    ///   `till journal verify --anchor SEQ:HASH` checks the journal against it
    /// Changes (kinds `user`, `unlock`, `taxClasses`, `catalog`, `printState`, `drillScore`,
    /// `configuration`) are entry rows naming who (`user`) changed what (`reference`, `name`).
    /// Amounts are decimal text in major units ("12.34"), never floating point.
    public static let csvColumns = [
        "record", "seq", "kind", "reference", "till", "shift", "user", "approver", "at", "training", "currency", "total",
        "lineNo", "sku", "name", "quantity", "unitPrice", "discount", "amount", "tax", "voided", "originalReceipt",
        "originalLineNo", "tender", "tenderReference", "hash", "reason", "approvals", "customerReference", "rounding",
    ]

    /// Writes the whole journal as CSV (RFC 4180, CRLF) to `output`; returns the number of data rows.
    @discardableResult
    public func exportCSV(to output: inout some TextOutputStream) throws -> Int {
        output.write(CSVWriter.row(Self.csvColumns))
        var rows = 0
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT seq, kind, payload, hash FROM journalEntry ORDER BY seq")
            while let row = try cursor.next() {
                let fieldRows = if EntryKind(rawValue: row["kind"] ?? "")?.isChange == true {
                    [try Self.csvRow(seq: row["seq"], change: Self.change(row), hash: row["hash"] ?? "")]
                } else {
                    Self.csvRows(seq: row["seq"], record: try Self.record(row), hash: row["hash"] ?? "")
                }
                for fields in fieldRows {
                    output.write(CSVWriter.row(Self.csvColumns.map { fields[$0] ?? "" }))
                    rows += 1
                }
            }
            if let head = try Self.head(db) {
                let fields = ["record": "anchor", "seq": String(head.count), "hash": head.hash]
                output.write(CSVWriter.row(Self.csvColumns.map { fields[$0] ?? "" }))
                rows += 1
            }
        }
        return rows
    }

    /// Writes the CSV export to a file (created or replaced); returns the number of data rows.
    @discardableResult
    public func exportCSV(toFile path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw JournalError.fileNotWritable(path: path, cause: "the file cannot be created")
        }
        defer { try? handle.close() }
        var output = FileOutput(handle: handle)
        let rows = try exportCSV(to: &output)
        try output.flush()
        if let error = output.error { throw JournalError.fileNotWritable(path: path, cause: error) }
        return rows
    }

    private static func csvRows(seq: Int64, record: JournalRecord, hash: String) -> [[String: String]] {
        let columns = EntryColumns(record)
        var entry: [String: String] = [
            "record": "entry", "seq": String(seq), "kind": columns.kind, "reference": columns.reference ?? "",
            "till": columns.till ?? "", "shift": columns.shift.map(String.init) ?? "", "user": columns.userCode ?? "",
            "approver": columns.approverCode ?? "", "at": isoUTC(columns.at), "training": columns.training ? "yes" : "no",
            "hash": hash,
        ]
        var lines: [[String: String]] = []
        func child(_ record: String, _ fields: [String: String], currency: Currency) -> [String: String] {
            var row = fields
            for key in ["seq", "kind", "reference", "till", "shift", "user", "at", "training"] { row[key] = entry[key] }
            row["record"] = record
            row["currency"] = currency.code
            return row
        }
        func tenders(_ list: [Tender]) {
            for t in list {
                lines.append(child("tender", ["tender": t.kind.rawValue, "amount": t.amount.plain,
                                              "tenderReference": t.reference ?? ""], currency: t.amount.currency))
            }
        }
        var total: Money?
        switch record {
        case .sale(let s, _):
            total = s.total
            entry["rounding"] = s.rounding.plain
            for l in s.lines {
                lines.append(child("line", [
                    "lineNo": String(l.lineNo), "sku": l.sku, "name": l.name, "quantity": l.quantity.description,
                    "unitPrice": l.unitPrice.plain, "discount": l.discount.plain, "amount": l.tax.gross.plain,
                    "tax": l.tax.tax.plain, "voided": l.voided ? "yes" : "no",
                ], currency: l.unitPrice.currency))
            }
            tenders(s.tenders)
        case .refund(let r, _):
            total = r.total
            entry["originalReceipt"] = r.originalReceipt ?? ""
            entry["reason"] = r.reason.code
            entry["approvals"] = r.approvals.joined(separator: "|")
            entry["customerReference"] = r.customerReference ?? ""
            entry["rounding"] = r.rounding.plain
            for (index, l) in r.lines.enumerated() {
                lines.append(child("line", [
                    "lineNo": String(index + 1), "sku": l.sku, "name": l.name, "quantity": l.quantity.description,
                    "unitPrice": l.unitPrice.plain, "amount": l.amount.plain, "tax": l.tax.plain,
                    "originalReceipt": r.originalReceipt ?? "", "originalLineNo": l.originalLineNo == 0 ? "" : String(l.originalLineNo),
                ], currency: l.amount.currency))
            }
            tenders(r.tenders)
        case .postVoid(let v, _):
            total = v.total
            entry["originalReceipt"] = v.originalReceipt
            entry["reason"] = v.reason.code
            // A post-void is always approved as one (the approver is its only approval).
            entry["approvals"] = v.approver == nil ? "" : ApprovalReason.postVoid.kind
            tenders(v.tenders)
        case .shiftOpened(let s): total = s.openingFloat
        case .zReport(let z, _):
            total = z.totals.net
            // A Z closed by someone without the permission: its approver approved exactly that.
            entry["approvals"] = z.approver == nil ? "" : ApprovalReason.lackingPermission(.zReport).kind
        case .event(let e):
            entry["name"] = e.kind.rawValue + (e.detail.map { ": " + $0 } ?? "")
            total = e.amount  // a cancelled or parked sale's total, a removed tender's amount
        }
        if let total {
            entry["currency"] = total.currency.code
            entry["total"] = total.plain
        }
        return [entry] + lines
    }

    private static func csvRow(seq: Int64, change entry: ChangeEntry, hash: String) -> [String: String] {
        let columns = EntryColumns(entry)
        let what: String = switch entry.change {
        case .userSaved(let user, _): "\(user.name) as \(user.role.rawValue)"
        case .userUnlocked: "unlocked"
        case .userRemoved(let user, let revision): "\(user.name) removed (central revision \(revision))"
        case .itemsWithdrawn(let items, let revision, _):
            "\(items.count) item\(items.count == 1 ? "" : "s") withdrawn (central revision \(revision))"
        case .taxClassesSaved(let classes): classes.map { "\($0.id) \($0.rateBasisPoints) bp" }.joined(separator: "; ")
        case .itemsSaved(let items): "\(items.count) item\(items.count == 1 ? "" : "s")"
        case .printStateSet(_, let state): Self.csvPrintState(state)
        case .drillScored(let attempt): "\(attempt.trainee): \(attempt.score)"
        case .configurationSet: "money settings"
        case .keyEscrowed: "key escrow copy taken"
        }
        return ["record": "entry", "seq": String(seq), "kind": columns.kind, "reference": columns.reference ?? "",
                "user": columns.userCode ?? "", "at": isoUTC(columns.at), "training": "no", "name": what, "hash": hash]
    }

    /// `failed: paperOut (paper out — load paper / 缺纸 — 请装纸)`: the state, the cause's code for
    /// a program, and its words for a reader in both languages.
    private static func csvPrintState(_ state: PrintState) -> String {
        switch state {
        case .failed(let cause, _), .unknown(let cause, _):
            "\(state.label): \(cause.code) (\(cause.text.en) / \(cause.text.zh))"
        default: state.label
        }
    }

    private static func isoUTC(_ seconds: Int64) -> String {
        let day = Timestamp(seconds: seconds).civilDate(utcOffsetSeconds: 0)
        let secondOfDay = seconds - day.daysSinceEpoch * 86_400
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return day.text + "T" + two(secondOfDay / 3600) + ":" + two(secondOfDay % 3600 / 60) + ":" + two(secondOfDay % 60) + "Z"
    }
}

/// Buffers text and writes it to a file in large chunks.
private struct FileOutput: TextOutputStream {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var error: String?

    init(handle: FileHandle) { self.handle = handle }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 20 { try? flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty, error == nil else { return }
        do { try handle.write(contentsOf: buffer) } catch { self.error = "\(error)" }
        buffer.removeAll(keepingCapacity: true)
    }
}
