import GRDB
import TillCore


extension JournalDatabase {
    /// Keeps a scored attempt as a chained entry of the (training) journal: a score changed with
    /// sqlite3 is caught by `verify`.
    public func record(_ attempt: DrillAttempt) throws {
        // Dated when it is recorded (after the drill), not when the drill started: entries stay in order.
        try record([.drillScored(attempt)], by: nil)
    }

    /// A trainee's attempts in the order made (all trainees when nil).
    public func drillAttempts(trainee: String?) throws -> [DrillAttempt] {
        try read { db in
            let rows = try trainee.map {
                try Row.fetchAll(db, sql: "SELECT * FROM drillAttempt WHERE trainee = ? ORDER BY startedAt, id", arguments: [$0])
            } ?? Row.fetchAll(db, sql: "SELECT * FROM drillAttempt ORDER BY trainee, startedAt, id")
            return rows.map { row in
                let refusals: String = row["refusals"], breakdown: String = row["breakdown"]
                return DrillAttempt(trainee: row["trainee"], drill: row["drill"], startedAt: Timestamp(seconds: row["startedAt"]),
                                    seconds: row["seconds"], keystrokes: row["keystrokes"], wrongAttempts: row["wrongAttempts"],
                                    refusals: refusals.isEmpty ? [] : refusals.split(separator: ",").map(String.init),
                                    score: row["score"], breakdown: breakdown.split(separator: "\n").map(String.init))
            }
        }
    }
}
