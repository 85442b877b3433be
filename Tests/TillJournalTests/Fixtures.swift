import Foundation
import Synchronization
import TillCore
@testable import TillJournal

/// The clock a test journal dates its own changes by, moved on by the test as a till's clock
/// would move (entries are never dated before the one they follow).
final class FixtureClock: Sendable {
    private let time: Mutex<Timestamp>
    init(_ start: Timestamp = Fx.t0) { time = Mutex(start) }
    func set(_ to: Timestamp) { time.withLock { $0 = to } }
    var now: Timestamp { time.withLock { $0 } }
}

/// Small builders for journal records, with plain TillCore initialisers.
enum Fx {
    static let cny = Currency.cny
    static let till = "01"
    static let clerk = User(code: "1001", name: "Li Na", role: .clerk)
    static let clerk2 = User(code: "1002", name: "Wang Wei", role: .clerk)
    static let supervisor = User(code: "2001", name: "Zhang Min", role: .supervisor)
    static let standard = TaxClass(id: "STD", name: "Standard 13%", rateBasisPoints: 1300, inclusive: true)
    static let reduced = TaxClass(id: "RED", name: "Reduced 9%", rateBasisPoints: 900, inclusive: true)
    static let t0 = Timestamp(seconds: 1_790_000_000)
    /// A time after every fixture record (they are dated within minutes of t0).
    static let afterFixtures = t0.adding(seconds: 86_400)

    static func money(_ minor: Int64) -> Money { Money(minor: minor, currency: cny) }

    static func item(_ sku: String, _ priceMinor: Int64, barcodes: [String] = [], name: String? = nil) -> CatalogItem {
        CatalogItem(sku: sku, barcodes: barcodes, name: name ?? "Item \(sku)", price: money(priceMinor), taxClassID: standard.id)
    }

    static func line(_ lineNo: Int, sku: String, each: Int64, priceMinor: Int64, voided: Bool = false) -> SaleLine {
        var line = SaleLine(lineNo: lineNo, item: item(sku, priceMinor), quantity: .each(each), taxClass: standard, barcode: nil)
        line.voided = voided
        return line
    }

    static func number(_ kind: DocumentKind, _ seq: Int64) -> String {
        DocumentNumber(kind: kind, till: till, sequence: seq).description
    }

    static func slip(_ kind: SlipKind, _ reference: String, training: Bool = false) -> SlipDocument {
        SlipDocument(kind: kind, reference: reference, blocks: [.text("slip \(reference)", .plain), .rule("-")], training: training)
    }

    static func shift(_ number: Int64 = 1, floatMinor: Int64 = 20_000, by: User = clerk, at: Timestamp = t0) -> JournalRecord {
        .shiftOpened(ShiftRecord(number: number, till: till, openedAt: at, openedBy: by, openingFloat: money(floatMinor)))
    }

    /// A sale paid exactly with one tender (or the given tenders).
    static func saleRecord(_ seq: Int64, shift: Int64 = 1, lines: [SaleLine], tender: TenderKind = .cash,
                           tenders: [Tender]? = nil, clerk: User = clerk, at: Timestamp = t0, training: Bool = false) -> SaleRecord {
        let totals = SaleTotals(lines: lines, currency: cny)
        let receipt = number(.sale, seq)
        return SaleRecord(receipt: receipt, receiptCode: ReceiptCode.make(till: till, sequence: seq, date: at.civilDate(utcOffsetSeconds: 0)),
                          till: till, shift: shift, at: at, clerk: clerk, lines: lines,
                          tenders: tenders ?? [Tender(kind: tender, amount: totals.gross)], totals: totals,
                          rounding: .zero(cny), change: .zero(cny), training: training)
    }

    static func sale(_ seq: Int64, shift: Int64 = 1, lines: [SaleLine], tender: TenderKind = .cash, clerk: User = clerk,
                     at: Timestamp = t0, training: Bool = false) -> JournalRecord {
        let record = saleRecord(seq, shift: shift, lines: lines, tender: tender, clerk: clerk, at: at, training: training)
        return .sale(record, slip(.sale, record.receipt, training: training))
    }

    /// A refund of (original line number, each) pairs from `sale`, paid back in `tender`.
    static func refundRecord(_ seq: Int64, of sale: SaleRecord, lines picks: [(Int, Int64)], tender: TenderKind = .cash,
                             clerk: User = clerk, shift: Int64 = 1, training: Bool = false) -> RefundRecord {
        let lines = picks.map { lineNo, each -> RefundLine in
            let original = sale.lines.first { $0.lineNo == lineNo }!
            let amount = original.unitPrice.scaled(by: each * 1000, over: 1000)
            return RefundLine(originalLineNo: lineNo, sku: original.sku, name: original.name, quantity: .each(each),
                              unitPrice: original.unitPrice, amount: amount,
                              tax: LineTax.compute(amount: amount, taxClass: original.taxClass).tax, weighed: false)
        }
        let total = lines.map(\.amount).sum(cny)
        return RefundRecord(number: number(.refund, seq), till: till, shift: shift, at: sale.at.adding(seconds: 600), clerk: clerk,
                            approver: nil, approvals: [], originalReceipt: sale.receipt, originalSoldAt: sale.at, lines: lines,
                            tenders: [Tender(kind: tender, amount: total)], reason: ReasonCode.refundDefaults[0],
                            customerReference: nil, rounding: .zero(cny), training: training)
    }

    static func refund(_ record: RefundRecord) -> JournalRecord { .refund(record, slip(.refund, record.number)) }

    static func void(_ seq: Int64, of sale: SaleRecord, clerk: User = supervisor) -> JournalRecord {
        let record = VoidRecord(number: number(.postVoid, seq), till: till, shift: sale.shift, at: sale.at.adding(seconds: 600),
                                clerk: clerk, approver: supervisor, originalReceipt: sale.receipt,
                                reason: ReasonCode.voidDefaults[0], tenders: sale.tenders, total: sale.total,
                                tax: sale.totals.tax, training: sale.training)
        return .postVoid(record, slip(.postVoid, record.number))
    }

    static func z(_ seq: Int64, totals: ShiftTotals) -> JournalRecord {
        let record = ZReportRecord(number: number(.zReport, seq), at: t0.adding(seconds: 3600), by: supervisor, totals: totals)
        return .zReport(record, slip(.zReport, record.number))
    }

    /// A fresh file path in a fresh temporary folder.
    static func tempPath(_ name: String = "journal.sqlite") -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("till-journal-tests-\(UUID().uuidString)")
        return folder.appendingPathComponent(name).path
    }

    /// Runs the real sqlite3 tool on a database file: how a tamperer would edit it.
    @discardableResult
    static func sqlite3(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SQLite3Failed(message: error) }
        return output
    }

    struct SQLite3Failed: Error { let message: String }
}
