import GRDB
import TillCore

extension JournalDatabase {
    /// Adds a user with a PIN of the role's minimum length (`pinPolicy`) to 8 digits, stored only
    /// as a salted, peppered slow hash. A chained entry says who added whom (`by`: the
    /// authorised user's code; nil when the till sets itself up with demo data).
    public func addUser(_ user: User, pin: String, by: String? = nil) throws {
        if let problem = pinPolicy.problem(pin, role: user.role) { throw problem }
        try InputGuards.checkText(user.code)
        try InputGuards.checkText(user.name)
        let hash = try pinHasher.hash(pin) // slow: outside the write lock
        try record([.userSaved(user, pinHash: hash)], by: by) { db in
            if try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM user WHERE code = ?", arguments: [user.code]) != nil {
                throw JournalError.userExists(code: user.code)
            }
        }
    }

    /// Whether the chain has ever added a user (the user table alone could be emptied with sqlite3;
    /// the chain cannot be shortened unseen).
    public func hasChainedUsers() throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM journalEntry WHERE kind = ? LIMIT 1", arguments: [EntryKind.user.rawValue]) ?? false
        }
    }

    /// The user with `code`, if any (and not dropped by a central revision).
    public func user(code: String) throws -> User? {
        try read { db in
            try Row.fetchOne(db, cachedSQL: "SELECT code, name, role FROM user WHERE code = ? AND removedRevision IS NULL", arguments: [code]).flatMap { row in
                Role(rawValue: row["role"]).map { User(code: row["code"], name: row["name"], role: $0) }
            }
        }
    }

    public func users() throws -> [User] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, name, role FROM user WHERE removedRevision IS NULL ORDER BY code").compactMap { row in
                Role(rawValue: row["role"]).map { User(code: row["code"], name: row["name"], role: $0) }
            }
        }
    }

    /// Checks a PIN under the lockout rules of TillCore's `PinAttempts`. A locked code is refused
    /// without checking the PIN; a wrong PIN counts; success clears the counters. An unknown code is
    /// treated exactly like a known one with a wrong PIN (same refusal, same counting, same work), so
    /// sign-in reveals nothing about which codes exist.
    ///
    /// The user's role and PIN hash are taken from the user's latest chained entry, its keyed hash
    /// checked, not from the `user` table: a clerk promoted or a PIN hash swapped with sqlite3 gains
    /// nothing at the till (and `verify` reports the table).
    public func authenticate(code: String, pin: String, now: Timestamp, policy: PinLockoutPolicy) throws -> Result<User, Refusal> {
        let key = key
        let (stored, attempts) = try read { db in
            (try Self.chainedUser(db, code: code, key: key), try Self.attempts(db, code: code))
        }
        if let refusal = attempts.lockRefusal(now: now, utcOffsetSeconds: policy.utcOffsetSeconds) { return .failure(refusal) }

        var user: User?
        if let stored, pinHasher.verify(pin, encoded: stored.pinHash) {
            user = stored.user
        } else if stored == nil {
            pinHasher.burn(pin)
        }

        return try write { db in
            if let user {
                try db.execute(sql: "DELETE FROM pinAttempt WHERE code = ?", arguments: [code])
                return .success(user)
            }
            // Re-read: another sign-in may have counted since the read above.
            let (next, refusal) = try Self.attempts(db, code: code).afterFailure(now: now, policy: policy)
            try db.execute(sql: """
                INSERT INTO pinAttempt (code, consecutiveFailures, lockedUntil) VALUES (?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET consecutiveFailures = excluded.consecutiveFailures,
                    lockedUntil = excluded.lockedUntil
                """, arguments: [code, next.consecutiveFailures, next.lockedUntil?.seconds])
            return .failure(refusal)
        }
    }

    /// Clears a code's wrong-PIN counters and lock (a supervisor's or admin's action), as a
    /// chained entry naming who did it.
    public func unlock(code: String, by: String? = nil) throws {
        try record([.userUnlocked(code: code)], by: by)
    }

    /// A code's sign-in counters as stored.
    public func pinAttempts(code: String) throws -> PinAttempts {
        try read { db in try Self.attempts(db, code: code) }
    }

    private static func attempts(_ db: Database, code: String) throws -> PinAttempts {
        guard let row = try Row.fetchOne(db, cachedSQL: "SELECT * FROM pinAttempt WHERE code = ?", arguments: [code]) else {
            return .cleared
        }
        return PinAttempts(consecutiveFailures: row["consecutiveFailures"],
                           lockedUntil: (row["lockedUntil"] as Int64?).map { Timestamp(seconds: $0) })
    }
}
