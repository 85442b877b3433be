import Foundation
import GRDB
import Testing
import TillCore
@testable import TillJournal

/// Scale checks, off by default (minutes in a debug build). Run with
/// `TILL_JOURNAL_BENCH=1 swift test --scratch-path .build-journal --filter ScaleBenchmarks`
/// (add `-c release` for realistic numbers). Each prints its timings.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TILL_JOURNAL_BENCH"] == "1", "set TILL_JOURNAL_BENCH=1"))
struct ScaleBenchmarks {
    static let rows = Int(ProcessInfo.processInfo.environment["TILL_JOURNAL_BENCH_ROWS"] ?? "") ?? 1_000_000

    @Test func millionRowCatalogImportAndLookUps() throws {
        let path = Fx.tempPath()
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000)
        try db.upsert(taxClasses: [Fx.standard, Fx.reduced])

        var csv = "sku,barcodes,name,price,tax_class,returnable,weighed\n"
        csv.reserveCapacity(Self.rows * 70)
        for n in 0..<Self.rows {
            let ean = GTIN.appendingCheckDigit("690" + String(100_000_000 + n))
            let cents = n % 100 < 10 ? "0" + String(n % 100) : String(n % 100)
            let tax = n % 3 == 0 ? "RED" : "STD"
            csv += "SKU\(n),\(ean),\"Item \(n), 商品\",\(n % 1000).\(cents),\(tax),yes,no\n"
        }
        let file = Fx.tempPath("catalog.csv")
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try csv.write(toFile: file, atomically: false, encoding: .utf8)

        let clock = ContinuousClock()
        var ticks = 0
        var summary: CatalogImportSummary?
        let importTime = try clock.measure {
            summary = try CatalogImporter(database: db, currency: .cny).importFile(atPath: file) { _ in ticks += 1 }
        }
        #expect(summary?.imported == Self.rows)
        #expect(summary?.rejected.isEmpty == true)
        #expect(ticks == Self.rows / 100_000)
        #expect(try db.itemCount() == Self.rows)

        let probes = 10_000
        let lookupTime = try clock.measure {
            for i in 0..<probes {
                let n = (i * 7919) % Self.rows
                let code = i % 2 == 0 ? GTIN.appendingCheckDigit("690" + String(100_000_000 + n)) : "SKU\(n)"
                guard try db.item(code: code)?.sku == "SKU\(n)" else { Issue.record("missed \(code)"); return }
            }
        }
        let perLookup = lookupTime / probes
        print("BENCH import \(Self.rows) rows: \(importTime); look-up by barcode/SKU: \(perLookup) each (target < 1 ms)")
    }

    /// Shift totals over a journal of a million entries. The rows are written straight into the
    /// tables in SQL (a million chained appends would take far longer than the query being measured);
    /// totals read only the entry columns and projections, which is what this fills.
    @Test func shiftTotalsOverAMillionEntries() throws {
        // The journal's own entries (the supervisor added below) at the fixtures' time: with the
        // system clock they were dated today, and the fixtures' Z (at t0 + 1 h) came "before the
        // last entry", refused as it must be (`entryBeforeLast`).
        let db = try JournalDatabase.inMemory(clock: { Fx.t0 })
        try db.append(Fx.shift(1))
        let empty = try #require(try db.shiftTotals(shift: 1, till: "01"))
        try db.addUser(Fx.supervisor, pin: "246810") // the Z's signer: the journal checks who may close a shift
        try db.append(Fx.z(1, totals: empty)) // closed, so shift 500 can open; totals still work on a closed shift
        // Opened after the Z that closed shift 1 (an hour after t0): the journal refuses an entry
        // dated before the one it follows, as it must (this generator used to open it at t0).
        try db.append(Fx.shift(500, at: Fx.t0.adding(seconds: 7200)))
        let clock = ContinuousClock()
        let fill = try clock.measure {
            try db.writer.write { d in
                // 1,000,000 sales: half in shift 1 (worst case: one enormous shift), the rest spread over shifts 2..1000.
                try d.execute(sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO journalEntry (seq, kind, reference, till, shift, userCode, userName, at, totalMinor, currency,
                                              training, payload, prevHash, hash)
                    SELECT i + 10, 'sale', 'S01-' || i, '01', CASE WHEN i % 2 = 0 THEN 1 ELSE 2 + i % 999 END,
                           CASE WHEN i % 3 = 0 THEN '1002' ELSE '1001' END, 'Clerk', 0, 1000, 'CNY', i % 50 = 0, '{}', '', ''
                    FROM n;
                    INSERT INTO tender (entrySeq, position, reference, documentKind, till, shift, userCode, training,
                                        tenderKind, amountMinor, currency)
                    SELECT seq, 1, reference, 'sale', till, shift, userCode, training, CASE WHEN seq % 4 = 0 THEN 'card' ELSE 'cash' END,
                           totalMinor, 'CNY' FROM journalEntry WHERE kind = 'sale';
                    INSERT INTO saleLine (receipt, lineNo, entrySeq, till, shift, at, training, sku, name, quantityThousandths,
                                          unitPriceMinor, discountMinor, amountMinor, taxMinor, currency, taxClassID, weighed,
                                          returnable, voided)
                    SELECT reference, 1, seq, till, shift, at, training, 'A', 'A', 1000, 1000, 0, 1000, 115, 'CNY', 'STD', 0, 1, 0
                    FROM journalEntry WHERE kind = 'sale';
                    ANALYZE;
                    """, arguments: [Self.rows])
            }
        }
        var totals: ShiftTotals?
        let big = try clock.measure { totals = try db.shiftTotals(shift: 1, till: "01") }
        var small: ShiftTotals?
        let typical = try clock.measure { small = try db.shiftTotals(shift: 500, till: "01") }
        // The named peer: plain COUNT/SUM over the same rows, without the running totals.
        let peer = try clock.measure {
            _ = try db.writer.read { d in
                try Row.fetchAll(d, sql: """
                    SELECT kind, COUNT(*), SUM(totalMinor) FROM journalEntry
                    WHERE till = '01' AND shift = 1 AND training = 0 AND kind IN ('sale', 'refund', 'postVoid') GROUP BY kind
                    """)
            }
        }
        let bigCount: Int64 = totals?.sales.count ?? 0, smallCount: Int64 = small?.sales.count ?? 0
        print("BENCH fill \(Self.rows) entries: \(fill); totals of a \(bigCount)-sale shift: \(big) (peer COUNT/SUM by kind: \(peer)); "
              + "of a \(smallCount)-sale shift: \(typical) (targets < 50 ms)")
        var expectedSales: Int64 = 0
        for i in 1...Self.rows where i % 2 == 0 && i % 50 != 0 { expectedSales += 1 }
        #expect(totals?.sales.count == expectedSales)
        #expect(totals?.sales.amount == Fx.money(expectedSales * 1000))
        #expect(totals?.salesTax == Fx.money(expectedSales * 115))
        // Figures, not assertions (a shared machine): the targets are < 1 s and < 50 ms.
    }

    /// Real chained appends: in memory (the cost of encoding, hashing and projecting), to a file with
    /// synchronous = FULL (adds the fsync per sale), and `verify()` over what was written.
    @Test func appendAndVerifyRates() throws {
        let count = min(Self.rows, 20_000)
        let db = try JournalDatabase.inMemory()
        try db.append(Fx.shift(1))
        let clock = ContinuousClock()
        let lines = [Fx.line(1, sku: "A", each: 2, priceMinor: 350), Fx.line(2, sku: "B", each: 1, priceMinor: 990)]
        let memory = try clock.measure {
            for n in 1...count { try db.append(Fx.sale(Int64(n), lines: lines)) }
        }
        var result: JournalVerification?
        let verify = try clock.measure { result = try db.verify() }
        #expect(result == .intact(entries: count + 1))

        let file = try JournalDatabase(path: Fx.tempPath(), pinHashRounds: 1_000)
        try file.append(Fx.shift(1))
        let fileCount = 500
        let disk = try clock.measure {
            for n in 1...fileCount { try file.append(Fx.sale(Int64(n), lines: lines)) }
        }
        print("BENCH append in memory: \(memory / count) each; to file (FULL sync): \(disk / fileCount) each; verify \(count) entries: \(verify)")
    }
}
