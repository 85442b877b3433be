import GRDB
import TillCore
import TillPorts

/// The rules the journal enforces again inside the append transaction, so that a bug or a race in
/// the layers above can never refund twice or beyond a sale's ledger, void twice, reuse a
/// document number, overdraw a credit note, change a price, print a report or open the drawer
/// without the permission, or recall a parked sale twice. Every one of them is `AppendRules`
/// (TillPorts), shared with every engine; here they only read SQLite's facts and speak as
/// `JournalError`.
enum AppendGuards {
    static func check(_ record: JournalRecord, _ db: Database) throws {
        let facts = SQLiteAppendFacts(db: db)
        try AppendRules.journal { try AppendRules.checkDocumentNumber(record, facts) }
        try AppendRules.journal { try AppendRules.checkKind(record, facts) }
    }
}
