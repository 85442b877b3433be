import GRDB
import TillCore
import TillPorts

/// The facts `AppendRules` decides on, read inside the append's immediate transaction (so a
/// second till's append waits for this one and then sees it).
struct SQLiteAppendFacts: AppendFacts {
    let db: Database

    func documentExists(_ reference: String) throws -> Bool {
        try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM document WHERE reference = ?", arguments: [reference]) != nil
    }

    func sale(_ receipt: String) throws -> SaleLookup? { try JournalDatabase.saleLookup(db, receipt: receipt) }

    func voidNumber(of receipt: String) throws -> String? {
        try String.fetchOne(db, cachedSQL: "SELECT number FROM postVoid WHERE originalReceipt = ?", arguments: [receipt])
    }

    func refunded(receipt: String, lineNo: Int) throws -> Quantity {
        Quantity(thousandths: try Int64.fetchOne(db, cachedSQL: """
            SELECT COALESCE(SUM(quantityThousandths), 0) FROM refundLine WHERE originalReceipt = ? AND originalLineNo = ?
            """, arguments: [receipt, lineNo]) ?? 0)
    }

    func openShift(till: String) throws -> Int64? {
        try Int64.fetchOne(db, cachedSQL: """
            SELECT s.number FROM shift s
            WHERE s.till = ? AND NOT EXISTS (SELECT 1 FROM zReport z WHERE z.till = s.till AND z.shift = s.number)
            """, arguments: [till])
    }

    func zReportExists(till: String, shift: Int64) throws -> Bool {
        try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM zReport WHERE till = ? AND shift = ?", arguments: [till, shift]) != nil
    }

    func creditNote(_ number: String) throws -> CreditNote? { try JournalDatabase.creditNote(db, number: number) }

    func highestCreditNote(till: String) throws -> Int64 { try JournalDatabase.highestCreditNote(db, till: till) }

    /// The settings `recordMoneySettings` last kept; nil when none were or they do not decode as
    /// `MoneySettings` (another version's, or a test's partial table).
    func moneySettings() throws -> MoneySettings? {
        guard let text = try String.fetchOne(db, cachedSQL: "SELECT settings FROM moneyConfiguration WHERE id = 1") else { return nil }
        return try? CanonicalJSON.decode(MoneySettings.self, from: text)
    }

    func role(of code: String) throws -> Role? {
        try String.fetchOne(db, cachedSQL: "SELECT role FROM user WHERE code = ?", arguments: [code]).flatMap(Role.init(rawValue:))
    }

    func latestEvent(user: String, approver: String) throws -> AuditEvent? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT seq, payload FROM journalEntry WHERE kind = ? AND userCode = ? AND approverCode = ? ORDER BY seq DESC LIMIT 1
            """, arguments: [EntryKind.event.rawValue, user, approver]),
            case .event(let event) = try JournalDatabase.record(row) else { return nil }
        return event
    }

    func events(referring reference: String) throws -> [AuditEvent] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT seq, payload FROM journalEntry WHERE kind = 'event' AND reference = ? ORDER BY seq"),
                         arguments: [reference]).compactMap { row in
            guard case .event(let event) = try JournalDatabase.record(row) else { return nil }
            return event
        }
    }

    func refund(_ number: String) throws -> RefundRecord? {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT e.seq, e.payload FROM refund r JOIN journalEntry e ON e.seq = r.entrySeq WHERE r.number = ?
            """, arguments: [number]), case .refund(let refund, _) = try JournalDatabase.record(row) else { return nil }
        return refund
    }
}

extension JournalError {
    /// The journal's case of the same name (and so the same code) as the shared rules' refusal.
    init(_ refusal: AppendRefusal) {
        switch refusal {
        case .documentNumberReused(let reference): self = .documentNumberReused(reference: reference)
        case .saleTendersDoNotAddUp(let receipt, let total, let paid): self = .saleTendersDoNotAddUp(receipt: receipt, total: total, paid: paid)
        case .originalSaleNotFound(let document, let receipt): self = .originalSaleNotFound(document: document, receipt: receipt)
        case .refundLineNotOnSale(let refund, let receipt, let lineNo): self = .refundLineNotOnSale(refund: refund, receipt: receipt, lineNo: lineNo)
        case .refundExceedsSold(let refund, let receipt, let lineNo, let sold, let already, let asked):
            self = .refundExceedsSold(refund: refund, receipt: receipt, lineNo: lineNo, sold: sold, alreadyRefunded: already, asked: asked)
        case .refundOfVoidedSale(let refund, let receipt): self = .refundOfVoidedSale(refund: refund, receipt: receipt)
        case .saleAlreadyVoided(let receipt, let voidNumber): self = .saleAlreadyVoided(receipt: receipt, voidNumber: voidNumber)
        case .voidOfRefundedSale(let void, let receipt): self = .voidOfRefundedSale(void: void, receipt: receipt)
        case .refundBreaksLedger(let refund, let receipt, let violation): self = .refundBreaksLedger(refund: refund, receipt: receipt, violation: violation)
        case .voidDiffersFromSale(let void, let receipt, let paid, let voided):
            self = .voidDiffersFromSale(void: void, receipt: receipt, paid: paid, voided: voided)
        case .shiftAlreadyOpen(let till, let shift): self = .shiftAlreadyOpen(till: till, shift: shift)
        case .shiftAlreadyClosed(let till, let shift): self = .shiftAlreadyClosed(till: till, shift: shift)
        case .amountsUncountable(let reference, let why): self = .amountsUncountable(seq: nil, reference: reference, why: why)
        case .creditNoteRefused(let document, let problem): self = .creditNoteRefused(document: document, problem: problem)
        case .priceChangeNotAuthorised(let receipt, let line, let permission, let amount, let approver):
            self = .priceChangeNotAuthorised(receipt: receipt, line: line, permission: permission, amount: amount, approver: approver)
        case .reportNotAuthorised(let report, let signer, let why): self = .reportNotAuthorised(report: report, signer: signer, why: why)
        case .parkedSaleNotWaiting(let reference): self = .parkedSaleNotWaiting(reference: reference)
        case .parkNumberReused(let reference): self = .parkNumberReused(reference: reference)
        case .drawerOpenNotOwed(let refund, let because): self = .drawerOpenNotOwed(refund: refund, because: because)
        case .drawerOpenNotAuthorised(let user, let approver): self = .drawerOpenNotAuthorised(user: user, approver: approver)
        case .reconciliationRefused(let refund, let already): self = .reconciliationRefused(refund: refund, alreadyReconciled: already)
        }
    }
}

extension JournalError {
    /// The shared rules' refusal of the same name, for the cases they refuse with: their words are
    /// the journal's words (nil for every other case).
    var sharedRule: AppendRefusal? {
        switch self {
        case .documentNumberReused(let reference): .documentNumberReused(reference: reference)
        case .saleTendersDoNotAddUp(let receipt, let total, let paid): .saleTendersDoNotAddUp(receipt: receipt, total: total, paid: paid)
        case .originalSaleNotFound(let document, let receipt): .originalSaleNotFound(document: document, receipt: receipt)
        case .refundLineNotOnSale(let refund, let receipt, let lineNo): .refundLineNotOnSale(refund: refund, receipt: receipt, lineNo: lineNo)
        case .refundExceedsSold(let refund, let receipt, let lineNo, let sold, let already, let asked):
            .refundExceedsSold(refund: refund, receipt: receipt, lineNo: lineNo, sold: sold, alreadyRefunded: already, asked: asked)
        case .refundOfVoidedSale(let refund, let receipt): .refundOfVoidedSale(refund: refund, receipt: receipt)
        case .saleAlreadyVoided(let receipt, let voidNumber): .saleAlreadyVoided(receipt: receipt, voidNumber: voidNumber)
        case .voidOfRefundedSale(let void, let receipt): .voidOfRefundedSale(void: void, receipt: receipt)
        case .refundBreaksLedger(let refund, let receipt, let violation): .refundBreaksLedger(refund: refund, receipt: receipt, violation: violation)
        case .voidDiffersFromSale(let void, let receipt, let paid, let voided): .voidDiffersFromSale(void: void, receipt: receipt, paid: paid, voided: voided)
        case .shiftAlreadyOpen(let till, let shift): .shiftAlreadyOpen(till: till, shift: shift)
        case .shiftAlreadyClosed(let till, let shift): .shiftAlreadyClosed(till: till, shift: shift)
        case .creditNoteRefused(let document, let problem): .creditNoteRefused(document: document, problem: problem)
        case .priceChangeNotAuthorised(let receipt, let line, let permission, let amount, let approver):
            .priceChangeNotAuthorised(receipt: receipt, line: line, permission: permission, amount: amount, approver: approver)
        case .reportNotAuthorised(let report, let signer, let why): .reportNotAuthorised(report: report, signer: signer, why: why)
        case .parkedSaleNotWaiting(let reference): .parkedSaleNotWaiting(reference: reference)
        case .parkNumberReused(let reference): .parkNumberReused(reference: reference)
        case .drawerOpenNotOwed(let refund, let because): .drawerOpenNotOwed(refund: refund, because: because)
        case .drawerOpenNotAuthorised(let user, let approver): .drawerOpenNotAuthorised(user: user, approver: approver)
        case .reconciliationRefused(let refund, let already): .reconciliationRefused(refund: refund, alreadyReconciled: already)
        default: nil
        }
    }
}

extension AppendRules {
    /// Runs a shared rule and refuses with the journal's own error.
    static func journal(_ rule: () throws -> Void) throws {
        do { try rule() } catch let refusal as AppendRefusal { throw JournalError(refusal) }
    }
}
