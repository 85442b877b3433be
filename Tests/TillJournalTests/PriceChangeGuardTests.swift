import Foundation
import GRDB
import Testing
import TillCore
@testable import TillJournal

/// Issue 12: the journal's write transaction re-checks price overrides and line discounts as the
/// core makes them. Generated sales whose changed lines nobody entitled made or approved are
/// written straight to the store: every one is refused and leaves no row; the same sales with a
/// supervisor's approval (or within a clerk's own threshold, once the settings grant it) are kept.
@Suite struct PriceChangeGuardTests {
    typealias Seeded = StateProjectionPropertyTests.Seeded

    struct Case: CustomStringConvertible {
        var clerk: String
        var approver: String?
        var overrideMinor: Int64?
        var discountMinor: Int64
        var priceMinor: Int64
        var each: Int64
        /// Recorded settings: the clerk role also holds both permissions, alone up to this.
        var clerkLimitMinor: Int64?
        var description: String {
            "clerk \(clerk) approver \(approver ?? "-") price \(priceMinor)×\(each) override \(overrideMinor.map(String.init) ?? "-") "
                + "discount \(discountMinor) clerk limit \(clerkLimitMinor.map(String.init) ?? "-")"
        }
    }

    static let users = [Fx.clerk, Fx.clerk2, Fx.supervisor, User(code: "4001", name: "Tech", role: .technician)]

    func journal(_ testCase: Case) throws -> JournalDatabase {
        let db = try JournalDatabase.inMemory(pinHashRounds: 1, clock: { Fx.t0 })
        for user in Self.users { try db.addUser(user, pin: String(repeating: "5", count: 6), by: nil) }
        try db.upsert(taxClasses: [Fx.standard])
        if let limit = testCase.clerkLimitMinor {
            var config = RegisterConfig()
            config.policy.permissions.table[.clerk, default: []].formUnion([.overridePrice, .discountLine])
            config.policy.priceChange = PriceChangePolicy(overrideApprovalAboveMinor: limit, discountApprovalAboveMinor: limit)
            try db.recordMoneySettings(MoneySettings(config))
        }
        try db.append(Fx.shift())
        return db
    }

    func sale(_ testCase: Case) -> JournalRecord {
        var line = Fx.line(1, sku: "KETTLE", each: testCase.each, priceMinor: testCase.priceMinor)
        if let price = testCase.overrideMinor {
            line.originalUnitPrice = line.unitPrice
            line.unitPrice = Fx.money(price)
        }
        line.discount = Fx.money(testCase.discountMinor)
        line.approvedBy = testCase.approver
        let clerk = Self.users.first { $0.code == testCase.clerk } ?? User(code: testCase.clerk, name: "Nobody", role: .admin)
        return .sale(Fx.saleRecord(1, lines: [line], clerk: clerk), Fx.slip(.sale, Fx.number(.sale, 1)))
    }

    /// A change nobody entitled made: by a clerk, a technician or an unknown code (claiming to be
    /// an admin), approved by nobody, another clerk or an unknown code; over the clerk's own limit
    /// when the settings give clerks the permissions.
    static func hostile(_ rng: inout Seeded) -> Case {
        let limit: Int64? = Bool.random(using: &rng) ? Int64.random(in: 0...5_000, using: &rng) : nil
        let floor = (limit ?? 0) + 1
        let move = Int64.random(in: floor...(floor + 40_000), using: &rng)
        // The line is worth more than any discount drawn, so only the permission can be wrong.
        let price = Int64.random(in: (floor + 40_000)...(floor + 90_000), using: &rng), each = Int64.random(in: 1...3, using: &rng)
        let overrides = Bool.random(using: &rng)
        // An override moving the line by more than the limit (up), or a discount above it.
        let override: Int64? = overrides ? price + (move + each - 1) / each : nil
        let discount: Int64 = overrides ? 0 : move
        return Case(clerk: ["1001", "1002", "4001", "7777"].randomElement(using: &rng) ?? "1001",
                    approver: [nil, "1002", "8888", "4001"].randomElement(using: &rng) ?? nil,
                    overrideMinor: override, discountMinor: discount, priceMinor: price, each: each, clerkLimitMinor: limit)
    }

    func rows(_ db: JournalDatabase) throws -> [Int] {
        try db.read { db in
            try ["journalEntry", "document", "saleLine", "tender", "slip"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
        }
    }

    @Test func unauthorisedOverridesAndDiscountsWrittenStraightToTheStoreAreRefusedAndLeaveNoRow() throws {
        let base = Self.seedBase()
        for n in 0..<UInt64(120) {
            var rng = Seeded(state: base &+ n)
            let testCase = Self.hostile(&rng)
            let db = try journal(testCase)
            let before = try rows(db)
            var refused = false
            do { try db.append(sale(testCase)) } catch let error as JournalError {
                if case .refused(.priceChangeNotAuthorised(let receipt, let line, _, _, _)) = error, receipt == "S01-000001", line == 1 { refused = true }
                #expect(!error.message(.zh).isEmpty && !error.remedy(.en).isEmpty)
            }
            #expect(refused, "seed \(base &+ n) (TILL_PROPERTY_SEED=\(base &+ n)): \(testCase) was not refused")
            #expect(try rows(db) == before, "seed \(base &+ n): \(testCase) left rows")
            // The same sale approved by a supervisor is the core's own and is kept.
            var approved = testCase
            approved.approver = "2001"
            approved.clerk = "1001"
            let good = try journal(approved)
            #expect(throws: Never.self, "seed \(base &+ n): \(approved) was refused") { try good.append(sale(approved)) }
        }
    }

    @Test func aClerkWithinTheRecordedThresholdNeedsNobodyAndTheDefaultsRuleWithoutSettings() throws {
        // The settings give clerks both permissions up to 10.00: a 9.00 discount is theirs alone, 10.01 is not.
        var within = Case(clerk: "1001", approver: nil, overrideMinor: nil, discountMinor: 900, priceMinor: 5_000, each: 1, clerkLimitMinor: 1_000)
        #expect(throws: Never.self) { try journal(within).append(sale(within)) }
        within.discountMinor = 1_001
        #expect(throws: JournalError.self) { try journal(within).append(sale(within)) }
        // No settings recorded: the documented defaults (a clerk holds neither permission).
        let unsettled = Case(clerk: "1001", approver: nil, overrideMinor: 4_900, discountMinor: 0, priceMinor: 5_000, each: 1, clerkLimitMinor: nil)
        #expect(throws: JournalError.self) { try journal(unsettled).append(sale(unsettled)) }
        // A supervisor changing their own line needs nobody.
        let own = Case(clerk: "2001", approver: nil, overrideMinor: 100, discountMinor: 50, priceMinor: 5_000, each: 2, clerkLimitMinor: nil)
        #expect(throws: Never.self) { try journal(own).append(sale(own)) }
    }

    static func seedBase() -> UInt64 { StateProjectionPropertyTests.seed() }
}
