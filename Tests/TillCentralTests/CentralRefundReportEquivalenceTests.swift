import Foundation
import PostgresNIO
import Testing
@testable import TillCentral
import TillCore
import TillJournal

/// The shop's refund report summed in the database (refunds grouped in SQL, sales from the
/// 15-minute buckets kept on arrival) is exactly the report the core computes from every stored
/// entry, read one by one and decoded here: generated shop days on three tills, replicated, at
/// random UTC offsets (quarter hours, and one that is not, which reads the entries), periods and
/// thresholds. And the buckets are what the sales add up to: an edited or removed bucket is named.
@Suite struct CentralRefundReportEquivalenceTests {
    static let offsets: [Int64] = [0, 8 * 3600, -5 * 3600, 5 * 3600 + 1800, 5 * 3600 + 2700, 14 * 3600, -12 * 3600, -9 * 3600 - 1800, 3600 + 420]

    @Test func theSummedReportEqualsTheReportComputedFromEveryEntry() async throws {
        guard let database = try await TestDatabase.make("refund_sums") else { return }
        defer { Task { await database.drop() } }
        for seed in Seeded.seeds(count: 4, base: 0x5E_B0C7) {
            var rng = Seeded(seed: seed)
            let connection = CentralConnection(settings: database.settings)
            let shop = String(format: "%03d", Int(seed % 900) + 100)
            for till in ["11", "12", "13"] {
                let journal = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { CentralReportTests.t0 })
                try journal.upsert(taxClasses: [CentralReportTests.tax], by: nil)
                try CentralReportTests.shopDay(journal, till: till, &rng)
                var settings = database.settings
                settings.shop = shop
                let sender = CentralConnection(settings: settings)
                try await Outbox(source: journal, connection: sender, till: till, clock: { CentralReportTests.t0 }).pushPending()
                await sender.drop()
            }
            let entries = try await Self.entries(connection, shop: shop)
            for round in 0..<6 {
                let offset = Self.offsets[rng.int(0...(Self.offsets.count - 1))]
                let first = CentralReportTests.t0.civilDate(utcOffsetSeconds: offset)
                let from = rng.int(0...2) == 0 ? nil : CivilDate(daysSinceEpoch: first.daysSinceEpoch + Int64(rng.int(-1...1)))
                let to = rng.int(0...2) == 0 ? nil : CivilDate(daysSinceEpoch: (from ?? first).daysSinceEpoch + Int64(rng.int(0...1)))
                let start = from.map { $0.daysSinceEpoch * 86_400 - offset } ?? .min
                let until = to.map { ($0.daysSinceEpoch + 1) * 86_400 - offset } ?? .max
                let limit = Int64(rng.int(500...30_000))
                let thresholds = RefundThresholds(noReceiptSharePercent: Int64(rng.int(50...300)), noReceiptMinimum: Int64(rng.int(1...3)),
                                                  soonAfterSaleMinutes: Int64(rng.int(0...60)), soonAfterSaleMinimum: Int64(rng.int(1...3)),
                                                  underLimitPercent: Int64(rng.int(0...60)), underLimitMinimum: Int64(rng.int(1...3)))
                let expected = Self.report(entries, shop: shop, offset: offset, from: from, to: to, start: start, until: until,
                                           limit: limit, thresholds: thresholds)
                let got = try await CentralReports.refundReport(connection, shop: shop, utcOffsetSeconds: offset, from: from, to: to,
                                                                start: start, until: until, perRefundLimitMinor: limit, thresholds: thresholds)
                let context = "seed \(seed) (TILL_PROPERTY_SEED=\(seed)) round \(round): offset \(offset), \(from?.text ?? "…")–\(to?.text ?? "…"), limit \(limit), \(thresholds)"
                for grouping in RefundGrouping.allCases {
                    #expect(got.rows(grouping) == expected.rows(grouping), "\(context) \(grouping)")
                }
                #expect(got.flags == expected.flags, "\(context) flags")
                #expect(got == expected, "\(context)")
            }
            #expect(try await CentralReports.salesBucketDifferences(connection).isEmpty, "seed \(seed)")
            await connection.drop()
        }
    }

    /// A bucket edited, or removed, is named by the recomputation (and only that one).
    @Test func anEditedOrMissingSalesBucketIsNamed() async throws {
        guard let database = try await TestDatabase.make("sales_buckets") else { return }
        defer { Task { await database.drop() } }
        var rng = Seeded(seed: Seeded.seeds(count: 1, base: 0xB0C7).first ?? 0)
        let journal = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { CentralReportTests.t0 })
        try journal.upsert(taxClasses: [CentralReportTests.tax], by: nil)
        try CentralReportTests.shopDay(journal, till: "21", &rng)
        var settings = database.settings
        settings.shop = "77"
        let connection = CentralConnection(settings: settings)
        try await Outbox(source: journal, connection: connection, till: "21", clock: { CentralReportTests.t0 }).pushPending()
        #expect(try await CentralReports.salesBucketDifferences(connection).isEmpty)
        let buckets = try await database.texts("SELECT count(*)::text FROM central_sales_bucket")
        guard let count = buckets.first.flatMap(Int.init), count > 0 else { await connection.drop(); return }

        let edited = try await database.texts("""
            UPDATE central_sales_bucket SET amount_minor = amount_minor + 1
            WHERE (shop, bucket, till, clerk) = (SELECT shop, bucket, till, clerk FROM central_sales_bucket ORDER BY bucket LIMIT 1)
            RETURNING bucket || ' ' || clerk
            """)
        let key = (edited.first ?? "0 ?").split(separator: " ").map(String.init)
        var differences = try await CentralReports.salesBucketDifferences(connection)
        #expect(differences.count == 1 && differences[0].contains("clerk \(key.last ?? "?") from \(key.first ?? "?"):"), "\(differences)")
        _ = try await database.texts("""
            UPDATE central_sales_bucket SET amount_minor = amount_minor - 1 WHERE bucket = \(key.first ?? "0") AND clerk = '\(key.last ?? "")'
            RETURNING 1
            """)
        #expect(try await CentralReports.salesBucketDifferences(connection).isEmpty)

        _ = try await database.texts("""
            DELETE FROM central_sales_bucket
            WHERE (shop, bucket, till, clerk) = (SELECT shop, bucket, till, clerk FROM central_sales_bucket ORDER BY bucket DESC LIMIT 1)
            RETURNING 1
            """)
        differences = try await CentralReports.salesBucketDifferences(connection)
        #expect(differences.count == 1 && differences[0].contains("kept 0 for 0"), "\(differences)")
        await connection.drop()
    }

    // MARK: - The straightforward computation: every entry read and decoded here

    struct Entry {
        var till: String, seq: Int64, kind: String, reference: String?, docTill: String?, userCode: String?, at: Int64
        var total: Int64?, originalReceipt: String?, training: Bool, record: JournalRecord?
    }

    static func entries(_ connection: CentralConnection, shop: String) async throws -> [Entry] {
        try await connection.run { db, logger in
            let rows = try await db.query("""
                SELECT till, seq, kind, reference, doc_till, user_code, at, total_minor, original_receipt, training, payload
                FROM central_entry WHERE shop = \(shop) ORDER BY till, seq
                """, logger: logger)
            var out: [Entry] = []
            for try await (till, seq, kind, reference, docTill, user, at, total, original, training, payload)
                in rows.decode((String, Int64, String, String?, String?, String?, Int64, Int64?, String?, Bool, String).self) {
                out.append(Entry(till: till, seq: seq, kind: kind, reference: reference, docTill: docTill, userCode: user, at: at,
                                 total: total, originalReceipt: original, training: training,
                                 record: try? JSONDecoder().decode(JournalRecord.self, from: Data(payload.utf8))))
            }
            return out
        }
    }

    static func clamped(_ seconds: Int64) -> Timestamp { Timestamp(seconds: min(max(seconds, 0), CentralReports.latest)) }

    static func report(_ entries: [Entry], shop: String, offset: Int64, from: CivilDate?, to: CivilDate?, start: Int64, until: Int64,
                       limit: Int64, thresholds: RefundThresholds) -> RefundReport {
        let sales = entries.filter { $0.kind == "sale" }
        var facts: [RefundFact] = []
        for e in entries where ["refund", "postVoid"].contains(e.kind) && !e.training && e.at >= start && e.at < until {
            let (clerk, approver): (User?, User?)
            switch e.record {
            case .refund(let r, _)?: (clerk, approver) = (r.clerk, r.approver)
            case .postVoid(let v, _)?: (clerk, approver) = (v.clerk, v.approver)
            default: (clerk, approver) = (nil, nil)
            }
            let code = e.userCode ?? ""
            let originals = sales.filter { $0.reference != nil && $0.reference == e.originalReceipt }
            for original in originals.isEmpty ? [nil] : originals.map(Optional.some) {
                facts.append(RefundFact(
                    kind: e.kind == "postVoid" ? .postVoid : (e.originalReceipt == nil ? .withoutReceipt : .withReceipt),
                    number: e.reference ?? "", shop: shop, till: e.docTill ?? "", clerk: code, clerkName: clerk?.name ?? code,
                    approver: approver?.code, approverName: approver?.name ?? approver?.code, at: clamped(e.at), amountMinor: e.total ?? 0,
                    saleClerk: original?.userCode, soldAt: original.map { clamped($0.at) }))
            }
        }
        struct Key: Hashable { var till: String, clerk: String, day: Int64 }
        var groups: [Key: (count: Int64, total: Int64)] = [:]
        var latest: [String: Entry] = [:]
        for e in sales where !e.training && e.at >= start && e.at < until {
            let key = Key(till: e.docTill ?? "", clerk: e.userCode ?? "", day: clamped(e.at).civilDate(utcOffsetSeconds: offset).daysSinceEpoch)
            let before = groups[key]
            groups[key] = ((before?.count ?? 0) + 1, (before?.total ?? 0) + (e.total ?? 0))
            // Entries come in (till, seq) order: the last one seen is the clerk's latest sale.
            latest[key.clerk] = e
        }
        let salesFacts = groups.map { key, group -> SalesFact in
            var name = key.clerk
            if case .sale(let sale, _)? = latest[key.clerk]?.record { name = sale.clerk.name }
            return SalesFact(shop: shop, till: key.till, clerk: key.clerk, clerkName: name, day: CivilDate(daysSinceEpoch: key.day),
                             count: group.count, amountMinor: group.total)
        }
        return RefundReport(refunds: facts, sales: salesFacts, utcOffsetSeconds: offset, from: from, to: to,
                            perRefundLimitMinor: limit, thresholds: thresholds)
    }
}
