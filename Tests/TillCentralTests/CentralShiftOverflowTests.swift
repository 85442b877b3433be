import Foundation
import PostgresNIO
import Testing
@testable import TillCentral
import TillCore
import TillJournal

/// A central shift report's figures are rows any till (or anyone with the database) can write:
/// hostile values written straight into `central_shift_total` must never wrap into a plausible
/// Z report. Each seed replicates a generated shop day, overwrites or adds rows with values near
/// the 64-bit edges, and compares the report with an exact (128-bit) computation of the same
/// sums: a report comes back only when every figure is exact, and otherwise the refusal is
/// `ShiftFigureOverflow` naming the doctored till and shift.
@Suite struct CentralShiftOverflowTests {
    static let edges: [Int64] = [.max, .min, .max - 1, .min + 1, .max / 2 + 1, .min / 2, 1, -1]

    @Test func hostileCentralFiguresAreRefusedNotWrapped() async throws {
        guard let database = try await TestDatabase.make("overflow") else { return }
        defer { Task { await database.drop() } }
        var refused = 0, exact = 0
        for seed in Seeded.seeds(count: 8, base: 0x0F_10E0) {
            var rng = Seeded(seed: seed)
            let shop = String(format: "%02d", Int(seed % 80) + 10)
            var settings = database.settings
            settings.shop = shop
            let connection = CentralConnection(settings: settings)
            for till in ["11", "12"] {
                let journal = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { CentralReportTests.t0 })
                try journal.upsert(taxClasses: [CentralReportTests.tax], by: nil)
                try CentralReportTests.shopDay(journal, till: till, &rng)
                try await Outbox(source: journal, connection: connection, till: till, clock: { CentralReportTests.t0 }).pushPending()
            }
            let hostileTill = ["11", "12"][rng.int(0...1)]
            for _ in 0..<rng.int(1...3) {
                let figure = [("document", ["sale", "refund", "postVoid"].randomElement(using: &rng) ?? "sale", "88\(rng.int(10...99))"),
                              ("tender", ["sale", "refund", "postVoid"].randomElement(using: &rng) ?? "sale",
                               TenderKind.allCases.randomElement(using: &rng)?.rawValue ?? "cash"),
                              ("tax", "sale", "")][rng.int(0...2)]
                let count = rng.int(0...3) == 0 ? Self.edges.randomElement(using: &rng) ?? 1 : Int64(rng.int(1...9))
                let amount = Self.edges.randomElement(using: &rng) ?? 1
                try await connection.run { db, logger in
                    _ = try await db.query("""
                        INSERT INTO central_shift_total (shop, till, shift, figure, kind, key, count, amount_minor)
                        VALUES (\(shop), \(hostileTill), 1, \(figure.0), \(figure.1), \(figure.2), \(count), \(amount))
                        ON CONFLICT (shop, till, shift, figure, kind, key) DO UPDATE SET count = EXCLUDED.count, amount_minor = EXCLUDED.amount_minor
                        """, logger: logger)
                }
            }
            let rows = try await Self.figures(connection, shop: shop, till: hostileTill)
            // The other till's report is untouched by its neighbour's damage.
            #expect(try await CentralReports.shiftTotals(connection, shop: shop, till: hostileTill == "11" ? "12" : "11", shift: 1).count == 1,
                    "seed \(seed): the other till reads")
            do {
                let reports = try await CentralReports.shiftTotals(connection, shop: shop, till: hostileTill, shift: 1)
                let report = try #require(reports.first, "seed \(seed)")
                #expect(Exact(rows, float: report.totals.shift.openingFloat.minor).fits,
                        "seed \(seed) (TILL_PROPERTY_SEED=\(seed)): a report came back from figures that do not fit: \(rows)")
                #expect(Exact(rows, float: report.totals.shift.openingFloat.minor).net == Int128(report.totals.net.minor), "seed \(seed)")
                exact += 1
            } catch let problem as ShiftFigureOverflow {
                #expect(problem.code == "shift_figure_overflow", "seed \(seed)")
                guard case .shift(let till, let shift, _) = problem else { Issue.record("seed \(seed): \(problem)"); continue }
                #expect(till == hostileTill && shift == 1, "seed \(seed): names till \(till) shift \(shift)")
                #expect(problem.message(.en).contains("till \(hostileTill)") && problem.message(.zh).contains("收银台 \(hostileTill)"))
                refused += 1
            }
            await connection.drop()
        }
        // Most edges overflow something: over the seeds some reports must be refused (a fixed TILL_PROPERTY_SEED runs one).
        if ProcessInfo.processInfo.environment["TILL_PROPERTY_SEED"] == nil { #expect(refused > 0, "refused \(refused), exact \(exact)") }
    }

    /// The hostile till's stored rows, as the report reads them.
    static func figures(_ connection: CentralConnection, shop: String, till: String) async throws -> [ShiftFigure] {
        try await connection.run { db, logger in
            var out: [ShiftFigure] = []
            let rows = try await db.query("""
                SELECT figure, kind, key, count, amount_minor FROM central_shift_total WHERE shop = \(shop) AND till = \(till) AND shift = 1
                """, logger: logger)
            for try await (figure, kind, key, count, amount) in rows.decode((String, String, String, Int64, Int64).self) {
                out.append(ShiftFigure(figure: figure, kind: kind, key: key, count: count, amountMinor: amount))
            }
            return out
        }
    }
}

/// The report's sums in 128 bits, in the report's order: `fits` when every partial sum and every
/// figure the slip shows (or negates) is a 64-bit amount other than Int64.min.
private struct Exact {
    var fits = true
    var net: Int128 = 0

    init(_ rows: [ShiftFigure], float: Int64) {
        var byKind: [String: (Int128, Int128)] = [:]
        var taken: [String: Int128] = [:], refunded: [String: Int128] = [:], voided: [String: Int128] = [:]
        var tax: Int128 = 0
        func check(_ value: Int128) { if value <= Int128(Int64.min) || value > Int128(Int64.max) { fits = false } }
        for row in rows.sorted(by: { ($0.figure, $0.kind, $0.key) < ($1.figure, $1.kind, $1.key) }) {
            switch row.figure {
            case "document" where ["sale", "refund", "postVoid"].contains(row.kind):
                check(Int128(row.count)); check(Int128(row.amountMinor))
                let sum = byKind[row.kind] ?? (0, 0)
                byKind[row.kind] = (sum.0 + Int128(row.count), sum.1 + Int128(row.amountMinor))
                check(sum.0 + Int128(row.count)); check(sum.1 + Int128(row.amountMinor))
            case "tender" where TenderKind(rawValue: row.key) != nil:
                let add = Int128(row.amountMinor)
                switch row.kind {
                case "sale": taken[row.key, default: 0] += add; check(taken[row.key] ?? 0)
                case "postVoid": voided[row.key, default: 0] += add; check(voided[row.key] ?? 0)
                default: refunded[row.key, default: 0] += add; check(refunded[row.key] ?? 0)
                }
            case "tax":
                tax += Int128(row.amountMinor); check(tax)
            default: continue
            }
        }
        var cash: Int128 = 0
        for tender in Set(taken.keys).union(refunded.keys).union(voided.keys) {
            let back = (refunded[tender] ?? 0) + (voided[tender] ?? 0)
            check(back); check(taken[tender] ?? 0); check(voided[tender] ?? 0); check((taken[tender] ?? 0) - back)
            if tender == TenderKind.cash.rawValue { cash = (taken[tender] ?? 0) - back }
        }
        check(tax)
        check((byKind["sale"]?.1 ?? 0) - (byKind["refund"]?.1 ?? 0))
        net = (byKind["sale"]?.1 ?? 0) - (byKind["refund"]?.1 ?? 0) - (byKind["postVoid"]?.1 ?? 0)
        check(net)
        check(Int128(float) + cash)
    }
}
