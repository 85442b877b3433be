import Crypto
import _CryptoExtras
import Foundation

/// Salted, peppered slow hashes of PINs: PBKDF2-HMAC-SHA256 over HMAC(pepper, PIN), a 16-byte
/// random salt, stored as "pbkdf2-sha256-pepper$ROUNDS$SALT_B64$HASH_B64" so the rounds can be
/// raised later without breaking existing users (each hash carries its own). The pepper is in the
/// key file, not the journal: with the journal alone, a 4-digit PIN cannot be tried offline.
/// In TillPorts so every store engine (SQLite's journal, the PostgreSQL store) hashes alike.
package struct PinHasher: Sendable {
    package let rounds: Int
    package let pepper: [UInt8]

    package init(rounds: Int, pepper: [UInt8]) {
        self.rounds = rounds
        self.pepper = pepper
    }

    package static let scheme = "pbkdf2-sha256-pepper"

    package func hash(_ pin: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try derive(pin, salt: salt, rounds: rounds)
        return [Self.scheme, String(rounds), Data(salt).base64EncodedString(), Data(derived).base64EncodedString()]
            .joined(separator: "$")
    }

    /// True if `pin` matches `encoded`. Compares in constant time.
    package func verify(_ pin: String, encoded: String) -> Bool {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme, let rounds = Int(parts[1]), (1...10_000_000).contains(rounds),
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])),
              let derived = try? derive(pin, salt: Array(salt), rounds: rounds) else { return false }
        return Self.constantTimeEqual(derived, Array(expected))
    }

    /// Work as long as a real check, for a code that has no user (so timing reveals nothing).
    package func burn(_ pin: String) {
        _ = try? derive(pin, salt: Array(repeating: 0, count: 16), rounds: rounds)
    }

    private func derive(_ pin: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
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
