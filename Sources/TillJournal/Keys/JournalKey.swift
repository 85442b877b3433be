import Crypto
import Foundation

/// The till's secret: the key of the journal's HMAC chain and the pepper of its PIN hashes. It
/// lives in a file of its own (0600, in a 0700 folder), never in the journal, so that someone with
/// a copy of the journal can neither re-sign an edited chain nor try PINs offline.
///
/// File format (text, so it can be printed for escrow and typed back):
///
///     till-journal-key 1
///     chain  <64 hex digits>
///     pepper <64 hex digits>
public struct JournalKey: Sendable, Equatable {
    let chain: [UInt8]
    let pepper: [UInt8]

    init(chain: [UInt8], pepper: [UInt8]) {
        self.chain = chain
        self.pepper = pepper
    }

    /// A fresh random key (the system's cryptographic generator).
    public static func generate() -> JournalKey {
        var generator = SystemRandomNumberGenerator()
        func random() -> [UInt8] { (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) } }
        return JournalKey(chain: random(), pepper: random())
    }

    /// Names the key without revealing it: stored in the journal so a wrong key file is told apart
    /// from tampering.
    public var id: String {
        String(Hex.string(HMAC<SHA256>.authenticationCode(for: Array("till-journal-key-id".utf8),
                                                          using: SymmetricKey(data: chain))).prefix(16))
    }

    /// The file's text; also what `till journal key escrow` prints.
    public var fileText: String {
        """
        # Till journal key. Keep it secret and keep a copy in the shop's safe (till journal key escrow):
        # without it this till's journal can be neither verified nor continued. Restore with mode 0600.
        till-journal-key 1
        chain  \(Hex.string(chain))
        pepper \(Hex.string(pepper))

        """
    }

    /// Reads the key at `path`; nil if there is no file. A file readable by others is tightened to
    /// 0600 when it is ours, refused otherwise.
    public static func load(path: String) throws -> JournalKey? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw JournalError.keyFileUnreadable(path: path, cause: String(cString: strerror(errno)))
        }
        if info.st_mode & 0o077 != 0 {
            guard info.st_uid == geteuid(), chmod(path, PrivateFiles.fileMode) == 0 else {
                throw JournalError.keyFileUnreadable(path: path, cause: "other users may read it")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError.keyFileUnreadable(path: path, cause: "permission denied")
        }
        guard let key = parse(String(decoding: data, as: UTF8.self)) else {
            throw JournalError.keyFileUnreadable(path: path, cause: "it is not a till journal key file")
        }
        return key
    }

    /// Parses the file's text (comments and blank lines ignored).
    static func parse(_ text: String) -> JournalKey? {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2 else { continue }
            fields[String(words[0])] = String(words[1])
        }
        guard fields["till-journal-key"] == "1", let chain = fields["chain"].flatMap(Hex.bytes), chain.count == 32,
              let pepper = fields["pepper"].flatMap(Hex.bytes), pepper.count == 32 else { return nil }
        return JournalKey(chain: chain, pepper: pepper)
    }

    /// Writes a new key file (0600; its folder created 0700). Never overwrites an existing file.
    public func create(path: String) throws {
        try PrivateFiles.createFolder((path as NSString).deletingLastPathComponent)
        if let cause = PrivateFiles.createNew(fileText, at: path) { throw JournalError.keyFileUnreadable(path: path, cause: cause) }
    }
}

/// Lower-case hexadecimal text of bytes, and back.
enum Hex {
    static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }

    static func string(_ code: HMAC<SHA256>.MAC) -> String { code.withUnsafeBytes { string($0) } }

    static func bytes(_ text: String) -> [UInt8]? {
        let values = text.utf8.map { c -> UInt8? in
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        guard values.count % 2 == 0, !values.contains(nil) else { return nil }
        let digits = values.compactMap { $0 }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }
}
