import TillCore

/// What a till's journal knows of its unverified (offline) refunds: the shift's total, against
/// `[central] offline_shift_limit`, and the ones the central journal has not reconciled yet
/// (no `refundReconciled` entry). A separate protocol beside `JournalStore` so an engine without
/// offline refunds need not answer it; SQLite's `JournalDatabase` does.
public protocol UnverifiedRefundLedger: AnyObject, Sendable {
    /// The money paid out by unverified refunds at `till` in `shift` (training excluded).
    func unverifiedRefunded(shift: Int64, till: String) throws -> Money
    /// `till`'s unverified refunds without a reconciliation entry, oldest first.
    func unreconciledRefunds(till: String) throws -> [RefundRecord]
}
