import Logging
import PostgresNIO
import TillCore
import TillPorts

/// People, PINs and the lockout: the same slow, peppered hash (`PinHasher`) and the same
/// lockout rule (TillCore's `PinAttempts`) as SQLite's journal.
extension PostgresRegisterStore {
    public func addUser(_ user: User, pin: String, by: String?) throws {
        let hash = try pins.hash(pin) // slow: before the transaction
        try transaction { db, logger in
            for try await _ in try await db.query("SELECT 1 FROM app_user WHERE code = \(user.code)", logger: logger) {
                throw PostgresStoreFailure.userExists(code: user.code)
            }
            try await db.query("""
                INSERT INTO app_user (code, name, role, pin_hash) VALUES (\(user.code), \(user.name), \(user.role.rawValue), \(hash))
                """, logger: logger)
        }
    }

    public func user(code: String) throws -> User? {
        try stored(code)?.user
    }

    public func users() throws -> [User] {
        try transaction { db, logger in
            var users: [User] = []
            for try await (code, name, role) in try await db.query("SELECT code, name, role FROM app_user ORDER BY code", logger: logger)
                .decode((String, String, String).self) {
                if let role = Role(rawValue: role) { users.append(User(code: code, name: name, role: role)) }
            }
            return users
        }
    }

    /// A locked code is refused without checking the PIN; a wrong PIN counts (an unknown code
    /// exactly like a known one: same refusal, same work); success clears the counters.
    public func authenticate(code: String, pin: String, now: Timestamp, policy: PinLockoutPolicy) throws -> Result<User, Refusal> {
        let found = try stored(code)
        let attempts = try transaction { db, logger in try await Self.attempts(code, db, logger) }
        if let refusal = attempts.lockRefusal(now: now, utcOffsetSeconds: policy.utcOffsetSeconds) { return .failure(refusal) }
        var user: User?
        if let found, pins.verify(pin, encoded: found.pinHash) {
            user = found.user
        } else if found == nil {
            pins.burn(pin)
        }
        let signedIn = user
        return try transaction { db, logger in
            if let signedIn {
                try await db.query("DELETE FROM pin_attempt WHERE code = \(code)", logger: logger)
                return .success(signedIn)
            }
            // Re-read under the row's lock: another sign-in may have counted since.
            try await db.query("INSERT INTO pin_attempt (code, failures) VALUES (\(code), 0) ON CONFLICT (code) DO NOTHING", logger: logger)
            try await db.query("SELECT 1 FROM pin_attempt WHERE code = \(code) FOR UPDATE", logger: logger)
            let (next, refusal) = try await Self.attempts(code, db, logger).afterFailure(now: now, policy: policy)
            try await db.query("""
                UPDATE pin_attempt SET failures = \(Int64(next.consecutiveFailures)), locked_until = \(next.lockedUntil?.seconds)
                WHERE code = \(code)
                """, logger: logger)
            return .failure(refusal)
        }
    }

    public func unlock(code: String, by: String?) throws {
        try transaction { db, logger in
            try await db.query("DELETE FROM pin_attempt WHERE code = \(code)", logger: logger)
        }
    }

    private func stored(_ code: String) throws -> (user: User, pinHash: String)? {
        try transaction { db, logger in
            for try await (name, role, hash) in try await db.query("SELECT name, role, pin_hash FROM app_user WHERE code = \(code)", logger: logger)
                .decode((String, String, String).self) {
                guard let role = Role(rawValue: role) else { throw PostgresStoreFailure.unreadable(what: "the role of \(code)") }
                return (User(code: code, name: name, role: role), hash)
            }
            return nil
        }
    }

    private static func attempts(_ code: String, _ db: PostgresConnection, _ logger: Logger) async throws -> PinAttempts {
        for try await (failures, locked) in try await db.query("SELECT failures, locked_until FROM pin_attempt WHERE code = \(code)",
                                                               logger: logger).decode((Int64, Int64?).self) {
            return PinAttempts(consecutiveFailures: Int(clamping: failures), lockedUntil: locked.map { Timestamp(seconds: $0) })
        }
        return .cleared
    }
}
