/// A sale put aside (parked) to serve the next customer, kept in the journal as a chained
/// audit entry until it is recalled. It is not a sale: no document number, no tender, never in
/// an X or Z report. Recalling it restores its lines exactly as they were parked.
public struct ParkedSale: Hashable, Sendable, Codable {
    /// "P01-000003": the till and a number of its own, never a receipt number.
    public var reference: String
    public var till: String
    public var parkedAt: Timestamp
    /// Who parked it.
    public var clerk: String
    public var draft: SaleDraft

    public init(reference: String, till: String, parkedAt: Timestamp, clerk: String, draft: SaleDraft) {
        self.reference = reference
        self.till = till
        self.parkedAt = parkedAt
        self.clerk = clerk
        self.draft = draft
    }

    /// The reference for park number `sequence` of `till`.
    public static func reference(till: String, sequence: Int64) -> String {
        let digits = String(sequence)
        return "P\(till)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The number of a reference made by `reference(till:sequence:)`, nil for anything else.
    public static func sequence(of reference: String, till: String) -> Int64? {
        let prefix = "P\(till)-"
        guard reference.hasPrefix(prefix) else { return nil }
        return Int64(reference.dropFirst(prefix.count))
    }

    public var lineCount: Int { draft.lines.filter { !$0.voided }.count }
    public var total: Money { draft.totals.gross }
}
