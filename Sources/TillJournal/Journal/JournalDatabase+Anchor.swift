import Foundation
import GRDB
import TillCore

extension JournalDatabase {
    /// Refuses to go on if the journal is behind what its anchor store remembers (entries cut off
    /// the end, or the whole journal wiped) or if the remembered entry now has another hash (the
    /// chain was rewritten): trading on would issue refund and receipt numbers a second time.
    /// Every append checks this; the CLI calls it at start for a clear message before anything.
    public func ensureNotBehindAnchor() throws {
        guard let anchorStore, let anchor = try anchorStore.load() else { return }
        let (highest, hash) = try read { db in
            (try Self.highestSeq(db),
             try String.fetchOne(db, cachedSQL: "SELECT hash FROM journalEntry WHERE seq = ?", arguments: [anchor.count]))
        }
        if highest < anchor.count {
            throw JournalError.behindAnchor(path: path ?? ":memory:", entries: highest, anchor: anchor)
        }
        if let hash, hash != anchor.hash {
            throw JournalError.anchorMismatch(path: path ?? ":memory:", anchor: anchor)
        }
    }
}

extension Timestamp {
    /// The system clock: the journal's default `clock` for the changes it dates itself. The core
    /// never reads a clock; the journal is I/O.
    public static var systemNow: Timestamp { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
}
