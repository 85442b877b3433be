import GRDB
import Testing
import TillCore
@testable import TillJournal

/// PINs: salted slow hashes, and the wrong-PIN lockout counted in the database.
@Suite struct UserTests {
    let db: JournalDatabase
    let policy = PinLockoutPolicy(maxAttempts: 5, lockSeconds: 300)
    init() throws {
        db = try JournalDatabase.inMemory(pinHashRounds: 1_000)
        try db.addUser(Fx.clerk, pin: "1234")
        try db.addUser(Fx.clerk2, pin: "1234")
    }

    func storedHash(_ code: String) throws -> String {
        try db.writer.read { try String.fetchOne($0, sql: "SELECT pinHash FROM user WHERE code = ?", arguments: [code])! }
    }

    @Test func storedHashIsSaltedAndNotThePIN() throws {
        let a = try storedHash("1001"), b = try storedHash("1002")
        #expect(!a.contains("1234"))
        #expect(a.hasPrefix("pbkdf2-sha256-pepper$1000$"))
        #expect(a.split(separator: "$").count == 4)
        #expect(a != b) // same PIN, different salt
        #expect(try db.users() == [Fx.clerk, Fx.clerk2])
    }

    @Test func rightPINSignsInAndWrongPINCountsDown() throws {
        #expect(try db.authenticate(code: "1001", pin: "1234", now: Fx.t0, policy: policy) == .success(Fx.clerk))
        for left in (1...4).reversed() {
            #expect(try db.authenticate(code: "1001", pin: "0000", now: Fx.t0, policy: policy) == .failure(.wrongPIN(attemptsLeft: left)))
        }
        #expect(try db.pinAttempts(code: "1001").consecutiveFailures == 4)
        // Success clears the counters.
        #expect(try db.authenticate(code: "1001", pin: "1234", now: Fx.t0, policy: policy) == .success(Fx.clerk))
        #expect(try db.pinAttempts(code: "1001") == .cleared)
        #expect(try db.authenticate(code: "1001", pin: "9999", now: Fx.t0, policy: policy) == .failure(.wrongPIN(attemptsLeft: 4)))
    }

    @Test func fifthWrongPINLocksForTheConfiguredTimeThenTheLockExpires() throws {
        for _ in 1...4 { _ = try db.authenticate(code: "1001", pin: "0000", now: Fx.t0, policy: policy) }
        let until = Fx.t0.adding(seconds: 300)
        #expect(try db.authenticate(code: "1001", pin: "0000", now: Fx.t0, policy: policy) == .failure(.lockedOut(until: until, secondsLeft: 300)))
        // Locked: even the right PIN is refused, without counting.
        let later = Fx.t0.adding(seconds: 100)
        #expect(try db.authenticate(code: "1001", pin: "1234", now: later, policy: policy) == .failure(.lockedOut(until: until, secondsLeft: 200)))
        #expect(try db.pinAttempts(code: "1001") == PinAttempts(consecutiveFailures: 5, lockedUntil: until))
        // The other user is not affected.
        #expect(try db.authenticate(code: "1002", pin: "1234", now: later, policy: policy) == .success(Fx.clerk2))
        // After the lock time the right PIN works again.
        #expect(try db.authenticate(code: "1001", pin: "1234", now: until, policy: policy) == .success(Fx.clerk))
        #expect(try db.pinAttempts(code: "1001") == .cleared)
    }

    @Test func unlockClearsTheLock() throws {
        for _ in 1...5 { _ = try db.authenticate(code: "1001", pin: "0000", now: Fx.t0, policy: policy) }
        try db.unlock(code: "1001")
        #expect(try db.authenticate(code: "1001", pin: "1234", now: Fx.t0, policy: policy) == .success(Fx.clerk))
    }

    @Test func unknownCodeLooksLikeAWrongPIN() throws {
        #expect(try db.authenticate(code: "7777", pin: "1234", now: Fx.t0, policy: policy) == .failure(.wrongPIN(attemptsLeft: 4)))
        for _ in 1...3 { _ = try db.authenticate(code: "7777", pin: "1234", now: Fx.t0, policy: policy) }
        #expect(try db.authenticate(code: "7777", pin: "1234", now: Fx.t0, policy: policy)
                == .failure(.lockedOut(until: Fx.t0.adding(seconds: 300), secondsLeft: 300)))
    }

    @Test func pinMustBeFourToEightDigitsAndCodesUnique() throws {
        for bad in ["123", "123456789", "12a4", "", "１２３４"] {
            #expect(throws: JournalError.pinFormat(role: "clerk", minimum: 4)) { try db.addUser(User(code: "3001", name: "X", role: .clerk), pin: bad) }
        }
        try db.addUser(User(code: "3001", name: "X", role: .clerk), pin: "12345678")
        #expect(throws: JournalError.userExists(code: "1001")) { try db.addUser(Fx.clerk, pin: "5555") }
    }

    @Test func hashCarriesItsRoundsSoTheyCanChange() throws {
        let strong = PinHasher(rounds: 2_000, pepper: Array(repeating: 7, count: 32))
        let encoded = try strong.hash("4321")
        #expect(encoded.hasPrefix("pbkdf2-sha256-pepper$2000$"))
        #expect(strong.verify("4321", encoded: encoded))
        #expect(!strong.verify("4322", encoded: encoded))
        #expect(!strong.verify("4321", encoded: "plain$4321"))
        // Without the pepper (a copy of the journal alone) the hash cannot be checked.
        #expect(!PinHasher(rounds: 2_000, pepper: Array(repeating: 8, count: 32)).verify("4321", encoded: encoded))
    }
}
