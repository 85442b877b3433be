import Foundation
import PostgresNIO
import Testing
@testable import TillCentral

/// The central schema's steps have one order a person can read from their names, and a
/// database that applied a step under a name it had before is not given it again.
@Suite struct CentralSchemaStepTests {
    /// "v4-refund-reservations" → 4.
    static func number(_ name: String) -> Int? {
        guard name.hasPrefix("v"), let dash = name.firstIndex(of: "-") else { return nil }
        return Int(name[name.index(after: name.startIndex)..<dash])
    }

    @Test func eachStepIsNumberedOneAfterTheStepBeforeIt() {
        let names = CentralSchema.steps.map(\.name)
        #expect(names.map(Self.number) == Array(1...names.count).map(Optional.some), "\(names)")
        // A former name is no other step's name, now or before.
        let former = CentralSchema.formerNames.values.flatMap { $0 }
        #expect(Set(former).isDisjoint(with: names), "\(former)")
        #expect(Set(former).count == former.count)
        #expect(Set(CentralSchema.formerNames.keys).isSubset(of: names))
    }

    /// A database from before the rename (its `central_schema` names the step the old way) is
    /// brought up to date without running the step again (its CREATE TABLEs would fail), and
    /// then knows the step by both names; a second start changes nothing.
    @Test func aDatabaseThatAppliedAStepUnderItsFormerNameIsNotGivenItAgain() async throws {
        guard let database = try await TestDatabase.make("schema_names") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        try await connection.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        for (name, former) in CentralSchema.formerNames {
            // As an older till left it: the step applied, recorded under its first name.
            _ = try await database.texts("UPDATE central_schema SET name = '\(former[0])' WHERE name = '\(name)' RETURNING name")
        }
        let before = try await database.texts("SELECT count(*)::text FROM central_schema")
        let reopened = CentralConnection(settings: database.settings)
        try await reopened.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        try await reopened.run { db, logger in try await CentralDatabase.prepare(db, logger: logger) }
        await reopened.drop()
        await connection.drop()
        let names = try await database.texts("SELECT name FROM central_schema ORDER BY name")
        let expected = CentralSchema.steps.map(\.name) + CentralSchema.formerNames.values.map { $0[0] }
        #expect(names == expected.sorted(), "\(names)")
        #expect(Int(before.first ?? "") == CentralSchema.steps.count)
        // The step's tables are there once (it was not run again, which would have failed).
        let tables = try await database.texts("SELECT count(*)::text FROM pg_tables WHERE tablename = 'central_refund_reservation'")
        #expect(tables == ["1"])
    }
}
