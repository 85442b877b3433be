import Foundation
import TillCore

/// Somewhere outside the journal file that remembers how far the chain went, so that cutting the
/// journal's end off (or wiping it) is seen and its numbers are never issued twice. Today the
/// anchor file beside the key file; a central database will be another implementation.
public protocol JournalAnchorStore: Sendable {
    /// The furthest anchor recorded, if any.
    func load() throws -> JournalAnchor?
    /// Remembers `anchor` if it is further than the one recorded.
    func record(_ anchor: JournalAnchor) throws
}

/// The anchor file: one line `COUNT:HASH`, replaced atomically, 0600 in a 0700 folder.
public struct JournalAnchorFile: JournalAnchorStore {
    public let path: String

    public init(path: String) { self.path = path }

    public func load() throws -> JournalAnchor? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError.anchorFileUnreadable(path: path, cause: "permission denied")
        }
        guard let anchor = JournalAnchor(parsing: String(decoding: data, as: UTF8.self)) else {
            throw JournalError.anchorFileUnreadable(path: path, cause: "it does not hold COUNT:HASH")
        }
        return anchor
    }

    public func record(_ anchor: JournalAnchor) throws {
        if let known = try? load(), known.count >= anchor.count { return }
        try PrivateFiles.createFolder((path as NSString).deletingLastPathComponent)
        // No fsync: after a power cut the file may be one entry behind, which only weakens the check.
        try PrivateFiles.write(anchor.description + "\n", to: path, sync: false)
    }
}
