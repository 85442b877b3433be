import Logging
import PostgresNIO

/// Brings a central database's schema up to date (`CentralSchema.steps`), once per connection
/// and safely when several tills start at once (an advisory lock serialises them).
public enum CentralDatabase {
    /// Any number fixed for the schema lock; only Till's own connections take it.
    static let schemaLock: Int64 = 0x7111_CE47

    public static func prepare(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.withTransaction(logger: logger) { db in
            try await db.query("SELECT pg_advisory_xact_lock(\(schemaLock))", logger: logger)
            try await db.query("CREATE TABLE IF NOT EXISTS central_schema (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                               logger: logger)
            var applied: Set<String> = []
            for try await name in try await db.query("SELECT name FROM central_schema", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for step in CentralSchema.steps where !applied.contains(step.name) {
                if CentralSchema.formerNames[step.name, default: []].contains(where: applied.contains) {
                    // Applied under its former name: only its current name is new.
                    try await db.query("INSERT INTO central_schema (name) VALUES (\(step.name))", logger: logger)
                    continue
                }
                for statement in SQLStatements.split(step.sql) {
                    try await db.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await db.query("INSERT INTO central_schema (name) VALUES (\(step.name))", logger: logger)
            }
        }
    }
}
