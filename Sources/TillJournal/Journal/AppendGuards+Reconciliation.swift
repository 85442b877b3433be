import GRDB
import TillCore

extension AppendGuards {
    /// A reconciliation entry is kept once per refund, and only for an unverified refund of this
    /// journal: a till retrying after a crash, or `till central sync` beside the running till,
    /// cannot record a second verdict (the first one stands).
    static func checkReconciliationEvent(_ event: AuditEvent, _ db: Database) throws {
        guard event.kind == .refundReconciled else { return }
        let refund = event.reference ?? ""
        guard let till = try String.fetchOne(db, cachedSQL: "SELECT till FROM refund WHERE number = ?", arguments: [refund]),
              try JournalDatabase.unverifiedRefunds(db, till: till, shift: nil).contains(where: { $0.number == refund }) else {
            throw JournalError.reconciliationRefused(refund: refund, alreadyReconciled: false)
        }
        if try JournalDatabase.reconciledReferences(db).contains(refund) {
            throw JournalError.reconciliationRefused(refund: refund, alreadyReconciled: true)
        }
    }
}
