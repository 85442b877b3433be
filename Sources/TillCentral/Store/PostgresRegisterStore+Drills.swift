import Logging
import PostgresNIO
import TillCore
import TillPorts

/// Scored training drills.
extension PostgresRegisterStore {
    public func record(_ attempt: DrillAttempt) throws {
        let body = try Self.encode(attempt)
        try transaction { db, logger in
            try await db.query("""
                INSERT INTO drill_attempt (trainee, started_at, body) VALUES (\(attempt.trainee), \(attempt.startedAt.seconds), \(body))
                """, logger: logger)
        }
    }

    public func drillAttempts(trainee: String?) throws -> [DrillAttempt] {
        try transaction { db, logger in
            let query: PostgresQuery = if let trainee {
                "SELECT body FROM drill_attempt WHERE trainee = \(trainee) ORDER BY started_at, id"
            } else {
                "SELECT body FROM drill_attempt ORDER BY trainee, started_at, id"
            }
            let rows = try await db.query(query, logger: logger)
            var attempts: [DrillAttempt] = []
            for try await body in rows.decode(String.self) { attempts.append(try Self.decode(DrillAttempt.self, body, what: "a drill attempt")) }
            return attempts
        }
    }
}
