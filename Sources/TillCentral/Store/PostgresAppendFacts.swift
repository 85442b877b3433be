import Logging
import PostgresNIO
import TillCore
import TillPorts

/// The facts `AppendRules` asks about one record, read in the append's transaction after the
/// store's lock row is held (so no other append can change them before this one commits). Read
/// up front because the rules are synchronous and the reads are not; a fact the record did not
/// lead us to read is a programming error, told as unreadable rather than guessed.
struct PostgresAppendFacts: AppendFacts {
    var existing: [String: Bool] = [:]
    var sales: [String: SaleLookup?] = [:]
    var voids: [String: String?] = [:]
    var refundedLines: [String: Quantity] = [:]
    var openShifts: [String: Int64?] = [:]
    var zReports: [String: Bool] = [:]
    var last: (seq: Int64, hash: String, at: Int64)?

    static func read(for record: JournalRecord, _ db: PostgresConnection, _ logger: Logger) async throws -> PostgresAppendFacts {
        var facts = PostgresAppendFacts()
        for try await (seq, hash, at) in try await db.query("SELECT seq, hash, at FROM entry ORDER BY seq DESC LIMIT 1", logger: logger)
            .decode((Int64, String, Int64).self) {
            facts.last = (seq, hash, at)
        }
        if let reference = AppendRules.documentReference(record) {
            facts.existing[reference] = try await exists("SELECT 1 FROM document WHERE reference = \(reference)", db, logger)
        }
        switch record {
        case .refund(let refund, _):
            guard let receipt = refund.originalReceipt else { break }
            facts.sales[receipt] = try await PostgresRegisterStore.saleLookup(receipt, db, logger)
            for line in refund.lines {
                var sum: Int64 = 0
                for try await total in try await db.query("""
                    SELECT COALESCE(SUM(thousandths), 0)::bigint FROM refund_line
                    WHERE original_receipt = \(receipt) AND original_line_no = \(line.originalLineNo)
                    """, logger: logger).decode(Int64.self) { sum = total }
                facts.refundedLines["\(receipt)#\(line.originalLineNo)"] = Quantity(thousandths: sum)
            }
        case .postVoid(let void, _):
            let receipt = void.originalReceipt
            facts.sales[receipt] = try await PostgresRegisterStore.saleLookup(receipt, db, logger)
            var number: String?
            for try await found in try await db.query("SELECT number FROM post_void WHERE original_receipt = \(receipt)", logger: logger)
                .decode(String.self) { number = found }
            facts.voids[receipt] = number
        case .shiftOpened(let shift):
            var open: Int64?
            for try await number in try await db.query("""
                SELECT s.number FROM shift s WHERE s.till = \(shift.till)
                  AND NOT EXISTS (SELECT 1 FROM z_report z WHERE z.till = s.till AND z.shift = s.number)
                """, logger: logger).decode(Int64.self) { open = number }
            facts.openShifts[shift.till] = open
        case .zReport(let z, _):
            let shift = z.totals.shift
            facts.zReports["\(shift.till)#\(shift.number)"] =
                try await exists("SELECT 1 FROM z_report WHERE till = \(shift.till) AND shift = \(shift.number)", db, logger)
        case .sale, .event: break
        }
        return facts
    }

    private static func exists(_ query: PostgresQuery, _ db: PostgresConnection, _ logger: Logger) async throws -> Bool {
        for try await _ in try await db.query(query, logger: logger) { return true }
        return false
    }

    private func known<T>(_ value: T??, _ what: String) throws -> T? {
        guard let value else { throw PostgresStoreFailure.unreadable(what: "a fact not read (\(what))") }
        return value
    }

    func documentExists(_ reference: String) throws -> Bool {
        guard let found = existing[reference] else { throw PostgresStoreFailure.unreadable(what: "a fact not read (\(reference))") }
        return found
    }
    func sale(_ receipt: String) throws -> SaleLookup? { try known(sales[receipt], receipt) }
    func voidNumber(of receipt: String) throws -> String? { try known(voids[receipt], receipt) }
    func refunded(receipt: String, lineNo: Int) throws -> Quantity {
        guard let quantity = refundedLines["\(receipt)#\(lineNo)"] else {
            throw PostgresStoreFailure.unreadable(what: "a fact not read (\(receipt) line \(lineNo))")
        }
        return quantity
    }
    func openShift(till: String) throws -> Int64? { try known(openShifts[till], till) }
    func zReportExists(till: String, shift: Int64) throws -> Bool {
        guard let found = zReports["\(till)#\(shift)"] else { throw PostgresStoreFailure.unreadable(what: "a fact not read (Z \(till) \(shift))") }
        return found
    }
}
