import TillCore

/// What an engine reads, inside its write transaction, for `AppendRules` to decide on a record.
/// Each engine answers from its own tables; the answers must be taken under the same lock that
/// the write then holds (SQLite's immediate transaction, PostgreSQL's store lock), so two
/// appends cannot both decide on the same facts.
public protocol AppendFacts {
    /// Whether a document (sale, refund, void, Z report, shift) numbered `reference` is stored.
    func documentExists(_ reference: String) throws -> Bool
    /// The journal's own sale `receipt` with its refunds in order and whether it was voided; nil if not stored here.
    func sale(_ receipt: String) throws -> SaleLookup?
    /// The number of the post-void of `receipt`, if there is one.
    func voidNumber(of receipt: String) throws -> String?
    /// What this journal's refunds of `receipt` (its own sale or another till's) returned of line `lineNo`.
    func refunded(receipt: String, lineNo: Int) throws -> Quantity
    /// The number of `till`'s shift that is open (no Z report), if any.
    func openShift(till: String) throws -> Int64?
    /// Whether a Z report of `till`'s shift `shift` is stored.
    func zReportExists(till: String, shift: Int64) throws -> Bool
    /// The credit note `number` as its stored tenders have it (issued by refunds and voids, spent
    /// by sales); nil if it was never issued here.
    func creditNote(_ number: String) throws -> CreditNote?
    /// The highest credit-note sequence `till`'s refunds issued (0 for none).
    func highestCreditNote(till: String) throws -> Int64
    /// The money settings last recorded in the chain; nil when none were (or they do not decode):
    /// the rules then apply the documented defaults.
    func moneySettings() throws -> MoneySettings?
    /// A user's role as the store's own user table holds it; nil for a code it does not know.
    func role(of code: String) throws -> Role?
    /// The latest event entry signed by `user` with `approver` as its approver, if any.
    func latestEvent(user: String, approver: String) throws -> AuditEvent?
    /// The event entries naming `reference`, in journal order.
    func events(referring reference: String) throws -> [AuditEvent]
    /// The refund numbered `number` this journal holds, if any.
    func refund(_ number: String) throws -> RefundRecord?
}
