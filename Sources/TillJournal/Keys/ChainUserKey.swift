import Crypto
import Foundation

/// The chain's user key: one secret shared by the back office and every till of the chain
/// (`[central] users_key_file`), never stored in the central database nor in any journal.
///
/// Threat model for users published centrally (README "A central journal"):
/// - Whoever can READ the central database sees each user's PIN only as PBKDF2 over
///   HMAC(this key, PIN), salted: without the key file not one PIN can be tried offline, so a
///   4-digit PIN is as safe there as in a till's journal without the till's key file.
/// - Whoever can WRITE it (every till signs in as the same role) cannot add or promote a user:
///   each revision's user list is signed with this key over its revision and shop, and a till
///   applies only a list whose signature verifies and whose key it holds (`id`).
/// - A till does not keep the central hash as it came: it wraps it with its own pepper
///   (HMAC(pepper, hash)), so its journal, even together with this key, gives nothing to try
///   PINs against without the till's own key file too. Signing in needs both keys.
///
/// File format, like the journal key:
///
///     till-chain-user-key 1
///     key <64 hex digits>
public struct ChainUserKey: Sendable, Equatable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    public static func generate() -> ChainUserKey {
        var generator = SystemRandomNumberGenerator()
        return ChainUserKey(bytes: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Names the key without revealing it: carried with every published list, so a till with
    /// another chain's key (or none) says so instead of refusing every PIN.
    public var id: String {
        String(Hex.string(HMAC<SHA256>.authenticationCode(for: Array("till-chain-user-key-id".utf8),
                                                          using: SymmetricKey(data: bytes))).prefix(16))
    }

    /// HMAC-SHA256 of `text`, lower-case hex.
    public func sign(_ text: String) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: bytes)))
    }

    /// True if `signature` is this key's over `text` (compared in constant time).
    public func verifies(_ signature: String, over text: String) -> Bool {
        guard let given = Hex.bytes(signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Array(text.utf8), using: SymmetricKey(data: bytes))
    }

    /// The central hash of `pin`: salted, slow, keyed (`pbkdf2-sha256-chain$ROUNDS$SALT$HASH`).
    public func pinHash(_ pin: String, rounds: Int) throws -> String {
        try PinHasher(rounds: rounds, pepper: bytes).hash(pin, scheme: PinHasher.chainScheme)
    }

    public var fileText: String {
        """
        # Till chain user key: the back office and every till of the chain hold the same file
        # ([central] users_key_file, mode 0600). Without it users published centrally cannot sign in.
        till-chain-user-key 1
        key \(Hex.string(bytes))

        """
    }

    /// Reads the key at `path`; nil if there is no file. A file others may read is refused.
    public static func load(path: String) throws -> ChainUserKey? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw PublicationProblem.userKeyUnreadable(path: path, cause: String(cString: strerror(errno)))
        }
        guard info.st_mode & 0o077 == 0 else { throw PublicationProblem.userKeyUnreadable(path: path, cause: "other users may read it") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PublicationProblem.userKeyUnreadable(path: path, cause: "permission denied")
        }
        var fields: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.count == 2 { fields[String(words[0])] = String(words[1]) }
        }
        guard fields["till-chain-user-key"] == "1", let bytes = fields["key"].flatMap(Hex.bytes), bytes.count == 32 else {
            throw PublicationProblem.userKeyUnreadable(path: path, cause: "it is not a till chain user key file")
        }
        return ChainUserKey(bytes: bytes)
    }

    /// Writes a new key file (0600, its folder 0700). Never overwrites an existing file.
    public func create(path: String) throws {
        try PrivateFiles.createFolder((path as NSString).deletingLastPathComponent)
        if let cause = PrivateFiles.createNew(fileText, at: path) { throw PublicationProblem.userKeyUnreadable(path: path, cause: cause) }
    }
}
