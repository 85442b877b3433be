import GRDB
import TillCore

/// Money rules the journal enforces again inside the append transaction, so that a bug or a race
/// in the layers above can never refund twice, refund more than a sale's ledger has left (per
/// line, per tender, in total, the last refund exactly the remainder), void twice or otherwise
/// than the sale was paid, or reuse a document number. Those rules are `AppendRules` (TillPorts),
/// shared with every engine; the ones here (credit notes, permissions and approvals, parked
/// sales, drawer opens) are still SQLite's own.
enum AppendGuards {
    static func check(_ record: JournalRecord, _ db: Database) throws {
        let facts = SQLiteAppendFacts(db: db)
        try AppendRules.journal { try AppendRules.checkDocumentNumber(record, facts) }
        try checkCreditNotes(record, db)
        try AppendRules.journal { try AppendRules.checkKind(record, facts) }
        switch record {
        case .refund, .postVoid, .shiftOpened: break
        case .zReport(let z, _):
            var named = [z.by.code: z.by.role]
            if let approver = z.approver { named[approver.code] = approver.role }
            try checkReportAuthority(.z, signer: z.by.code, approver: z.approver?.code, shift: z.totals.shift.number, namedRoles: named, db)
        case .sale(let sale, _):
            try checkPriceChanges(sale, db)
        case .event(let event):
            try checkParkEvent(event, db)
            try checkDrawerEvent(event, db)
            try checkReconciliationEvent(event, db)
            // A training X names no roles; its signer is checked when the journal knows them.
            if event.kind == .xReportPrinted, try !event.training || event.user.flatMap({ try role(of: $0, db) }) != nil {
                try checkReportAuthority(.x, signer: event.user, approver: event.approver,
                                         shift: event.reference.flatMap(ShiftReportReference.shift), db)
            }
        }
    }
}
