import Crypto
import _CryptoExtras
import Foundation

/// Salted, peppered slow hashes of PINs: PBKDF2-HMAC-SHA256 over HMAC(pepper, PIN), a 16-byte
/// random salt, stored as "pbkdf2-sha256-pepper$ROUNDS$SALT_B64$HASH_B64" so the rounds can be
/// raised later without breaking existing users (each hash carries its own). The pepper is in the
/// key file, not the journal: with the journal alone, a 4-digit PIN cannot be tried offline.
///
/// A user published centrally arrives with the chain's hash ("pbkdf2-sha256-chain$…", the same
/// construction keyed with the chain user key, `ChainUserKey`); the till keeps it wrapped with
/// its own pepper ("pbkdf2-sha256-chain-wrapped$ROUNDS$SALT$HMAC(pepper, HASH)"), so checking a
/// PIN needs both keys and the journal alone still gives nothing to try PINs against.
///
/// In TillPorts so every store engine (SQLite's journal, the PostgreSQL store) hashes alike.
package struct PinHasher: Sendable {
    package let rounds: Int
    package let pepper: [UInt8]
    /// The chain user key, when this till has one: needed to check a centrally published PIN.
    package var chainKey: [UInt8]?

    package init(rounds: Int, pepper: [UInt8], chainKey: [UInt8]? = nil) {
        self.rounds = rounds
        self.pepper = pepper
        self.chainKey = chainKey
    }

    package static let scheme = "pbkdf2-sha256-pepper"
    package static let chainScheme = "pbkdf2-sha256-chain"
    package static let wrappedScheme = "pbkdf2-sha256-chain-wrapped"
    package static let roundsRange = 1...10_000_000

    package func hash(_ pin: String, scheme: String = Self.scheme) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try derive(pin, salt: salt, rounds: rounds, pepper: pepper)
        return [scheme, String(rounds), Data(salt).base64EncodedString(), Data(derived).base64EncodedString()]
            .joined(separator: "$")
    }

    /// The till's copy of a chain hash: its rounds and salt as they were, its hash wrapped with
    /// this till's pepper. Nil if `chainHash` is not a well-formed chain hash.
    package func wrap(chainHash: String) -> String? {
        guard let (rounds, salt, hash) = Self.parse(chainHash, scheme: Self.chainScheme), hash.count == 32 else { return nil }
        return [Self.wrappedScheme, String(rounds), Data(salt).base64EncodedString(), Data(wrapped(hash)).base64EncodedString()]
            .joined(separator: "$")
    }

    /// True if `pin` matches `encoded` (the till's own scheme, or a wrapped chain hash when this
    /// till holds the chain user key). Compares in constant time.
    package func verify(_ pin: String, encoded: String) -> Bool {
        if let (rounds, salt, expected) = Self.parse(encoded, scheme: Self.scheme) {
            guard let derived = try? derive(pin, salt: salt, rounds: rounds, pepper: pepper) else { return false }
            return Self.constantTimeEqual(derived, expected)
        }
        if let (rounds, salt, expected) = Self.parse(encoded, scheme: Self.wrappedScheme), let chainKey {
            guard let derived = try? derive(pin, salt: salt, rounds: rounds, pepper: chainKey) else { return false }
            return Self.constantTimeEqual(wrapped(derived), expected)
        }
        burn(pin) // an unreadable hash costs the same time as a real check
        return false
    }

    /// Work as long as a real check, for a code that has no user (so timing reveals nothing).
    package func burn(_ pin: String) {
        _ = try? derive(pin, salt: Array(repeating: 0, count: 16), rounds: rounds, pepper: pepper)
    }

    private func wrapped(_ hash: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: hash, using: SymmetricKey(data: pepper)))
    }

    private static func parse(_ encoded: String, scheme: String) -> (rounds: Int, salt: [UInt8], hash: [UInt8])? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == scheme, let rounds = Int(parts[1]), roundsRange.contains(rounds),
              let salt = Data(base64Encoded: String(parts[2])), let hash = Data(base64Encoded: String(parts[3])) else { return nil }
        return (rounds, Array(salt), Array(hash))
    }

    private func derive(_ pin: String, salt: [UInt8], rounds: Int, pepper: [UInt8]) throws -> [UInt8] {
        let peppered = HMAC<SHA256>.authenticationCode(for: Array(pin.utf8), using: SymmetricKey(data: pepper))
        // `unsafeUncheckedRounds`: the checked variant refuses fewer than 210,000 rounds, which the
        // default uses; tests choose fewer to stay fast.
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(peppered), salt: salt, using: .sha256,
                                                    outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
