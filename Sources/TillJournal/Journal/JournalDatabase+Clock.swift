import GRDB
import TillCore

/// Time in the journal: the last entry's time (a till whose clock is earlier does not start), and
/// the test-journal mark that lets `till exec --clock-override` set the clock on a journal that is
/// not the shop's (training journals may always).
extension JournalDatabase {
    /// When the last entry was made, or nil for an empty journal.
    public func lastEntryTime() throws -> Timestamp? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT at FROM journalEntry ORDER BY seq DESC LIMIT 1").map { Timestamp(seconds: $0) }
        }
    }

    /// True when the journal's first entry marks it as a test journal. The mark is in the signed
    /// chain, so it cannot be added to a shop's journal afterwards without `journal verify` seeing it.
    public func isTestJournal() throws -> Bool {
        try read { db in
            guard let payload = try String.fetchOne(db, sql: "SELECT payload FROM journalEntry ORDER BY seq LIMIT 1"),
                  case .event(let event) = try? CanonicalJSON.decode(JournalRecord.self, from: payload) else { return false }
            return event.kind == .testJournalCreated
        }
    }

    /// Marks a journal with no entries yet as a test journal (its first entry says so); refused
    /// on a journal that already holds entries.
    public func markAsTestJournal(at now: Timestamp) throws {
        if try isTestJournal() { return }
        guard try lastEntryTime() == nil else { throw JournalError.notEmptyForTestMark(path: path ?? ":memory:") }
        try append(.event(AuditEvent(kind: .testJournalCreated, at: now, detail: "test journal: its clock may be set")))
    }
}
