import Foundation
import Testing
import TillCore
import TillPorts
@testable import TillJournal

/// Items and users a central revision dropped: withdrawn / removed as chained entries; edited
/// back with sqlite3, `verify` names the row and sign-in (read from the chain) gains nothing; a
/// published PIN hash is kept wrapped with the till's pepper, useless without both keys.
@Suite struct CentralWithdrawalTests {
    static func signed(_ users: [PublishedUser], revision: Int64, key: ChainUserKey) throws -> PublishedUserSet {
        let json = String(decoding: try JSONEncoder().encode(users), as: UTF8.self)
        return PublishedUserSet(revision: revision, shop: "01", usersJSON: json, keyID: key.id,
                                signature: key.sign(PublishedUserSet.signingText(revision: revision, shop: "01", usersJSON: json)), by: "9001")
    }

    @Test func droppedItemsAndUsersStayDroppedWhateverTheTablesSay() throws {
        let path = Fx.tempPath()
        let key = ChainUserKey.generate()
        let lockout = PinLockoutPolicy()
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000, chainUserKey: key, clock: { Fx.t0 })
        try db.upsert(taxClasses: [Fx.standard])
        try db.upsert(items: [Fx.item("TEA", 2500), Fx.item("MUG", 1000, barcodes: ["4006381333931"])])
        let published = [PublishedUser(code: "2001", name: "Wang", role: .supervisor, pinHash: try key.pinHash("222222", rounds: 1_000)),
                         PublishedUser(code: "1001", name: "Lin", role: .clerk, pinHash: try key.pinHash("1111", rounds: 1_000))]
        #expect(try db.applyPublishedUsers(try Self.signed(published, revision: 1, key: key)) == 2)
        #expect(try db.applyPublishedUsers(try Self.signed(published, revision: 1, key: key)) == 0, "unchanged: nothing written")
        #expect(try db.authenticate(code: "1001", pin: "1111", now: Fx.t0, policy: lockout) == .success(User(code: "1001", name: "Lin", role: .clerk)))

        // The till keeps neither the PIN nor the central hash: only the hash wrapped with its pepper.
        let kept = try Fx.sqlite3(path, "SELECT pinHash FROM user WHERE code = '1001'").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(kept.hasPrefix("pbkdf2-sha256-chain-wrapped$1000$"))
        #expect(kept.split(separator: "$").last != published[1].pinHash.split(separator: "$").last)

        #expect(try db.withdrawItems(keeping: ["TEA"], revision: 2, by: "9001") == 1)
        #expect(try db.applyPublishedUsers(try Self.signed([published[0]], revision: 2, key: key)) == 1)
        #expect(try db.itemForSale(code: "4006381333931") == nil)
        #expect(try db.withdrawal(code: "4006381333931") == ItemWithdrawal(sku: "MUG", name: "Item MUG", revision: 2, by: "9001"))
        #expect(try db.withdrawal(code: "TEA") == nil)
        #expect(try db.authenticate(code: "1001", pin: "1111", now: Fx.t0, policy: lockout) == .failure(.wrongPIN(attemptsLeft: 4)))
        #expect(try db.verify().isIntact)

        // Someone with the file brings both back by hand: verify names both rows; sign-in follows the chain.
        _ = try Fx.sqlite3(path, """
            UPDATE catalogItem SET withdrawnRevision = NULL, withdrawnBy = NULL WHERE sku = 'MUG';
            UPDATE user SET removedRevision = NULL, pinHash = (SELECT pinHash FROM user WHERE code = '2001') WHERE code = '1001';
            """)
        let reopened = try JournalDatabase(path: path, pinHashRounds: 1_000, chainUserKey: key, clock: { Fx.t0 })
        let found = try reopened.verify().problems.map { $0.text(.en) }.joined(separator: "\n")
        #expect(found.contains("catalogItem \"MUG\": withdrawnRevision"), "\(found)")
        #expect(found.contains("user \"1001\": removedRevision"), "\(found)")
        #expect(try reopened.authenticate(code: "1001", pin: "222222", now: Fx.t0, policy: lockout) == .failure(.wrongPIN(attemptsLeft: 3)))
        #expect(try reopened.authenticate(code: "1001", pin: "1111", now: Fx.t0, policy: lockout) == .failure(.wrongPIN(attemptsLeft: 2)))

        // Without the chain user key even the right PIN of a published user does not verify.
        let keyless = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Fx.t0 })
        #expect(try keyless.authenticate(code: "2001", pin: "222222", now: Fx.t0, policy: lockout) != .success(User(code: "2001", name: "Wang", role: .supervisor)))
    }
}
