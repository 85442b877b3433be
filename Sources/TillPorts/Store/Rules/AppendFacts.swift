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
}
