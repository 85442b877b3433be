import Foundation
import Logging
import PostgresNIO
import Testing
import TillCentral

/// A fresh database on the private test cluster (`Scripts/central-db`, started by
/// `Scripts/test`, which exports `TILL_TEST_POSTGRES_URL`). Without the URL a test is skipped
/// when run by hand, and FAILS when `$CI` is set: the central tests never pass by not running.
struct TestDatabase {
    let settings: CentralSettings
    let name: String

    static var clusterURL: String? { ProcessInfo.processInfo.environment["TILL_TEST_POSTGRES_URL"] }

    /// nil (with a recorded failure under CI) when there is no test cluster.
    static func make(_ label: String = "t") async throws -> TestDatabase? {
        guard let url = clusterURL else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("TILL_TEST_POSTGRES_URL is not set: run the tests through Scripts/test (it starts Scripts/central-db)")
            }
            return nil
        }
        let base = CentralSettings(address: try CentralAddress(parsing: url), queryTimeoutSeconds: 60)
        let name = "\(label)_\(UInt64.random(in: 0...UInt64.max) % 1_000_000_000_000)"
        let admin = CentralConnection(settings: base)
        _ = try await admin.run { db, logger in try await db.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger) }
        await admin.drop()
        var settings = base
        settings.address.database = name
        return TestDatabase(settings: settings, name: name)
    }

    /// Runs SQL on this database (a fresh connection each time) and returns the rows' first columns as text.
    func texts(_ sql: String) async throws -> [String] {
        let connection = CentralConnection(settings: settings)
        defer { Task { await connection.drop() } }
        return try await connection.run { db, logger in
            var out: [String] = []
            for try await row in try await db.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                out.append((try? row.decode(String.self)) ?? "NULL")
            }
            return out
        }
    }

    /// Drops the database (best effort: a test's leftovers die with the cluster anyway).
    func drop() async {
        guard let url = Self.clusterURL, let address = try? CentralAddress(parsing: url) else { return }
        let admin = CentralConnection(settings: CentralSettings(address: address))
        _ = try? await admin.run { db, logger in
            try await db.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
        await admin.drop()
    }
}
