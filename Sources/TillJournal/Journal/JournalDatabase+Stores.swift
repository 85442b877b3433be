// The SQLite journal is today's engine behind every store protocol; callers that import
// TillJournal see the ports' types (StoredSlip, SaleLookup, DrillAttempt) as before.
@_exported import TillPorts
import GRDB
import TillCore

extension JournalDatabase: JournalStore, SlipStore, CatalogStore, UserDirectory, DrillResultStore {
    /// This till's slips not printed yet, in journal order: the till is named by the entry that
    /// stored the slip, so a journal shared by several tills hands each only its own.
    public func unprintedSlips(till: String) throws -> [StoredSlip] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.* FROM slip s JOIN journalEntry e ON e.seq = s.entrySeq
                WHERE e.till = ? AND s.printState NOT IN ('printed', '\(PrintState.notRequestedLabel)')
                ORDER BY s.entrySeq
                """, arguments: [till]).map(Self.storedSlip)
        }
    }
}

extension JournalError: StoreFailure {
    /// The journal's own text for a full disk says nothing was recorded: true for a record, not
    /// for what follows one.
    public var causeAfterCommit: LocalizedText {
        if case .diskFull(let path) = self {
            return LocalizedText(en: "the disk holding the journal \(path) is full.", zh: "日志 \(path) 所在的磁盘已满。")
        }
        return message
    }
}
