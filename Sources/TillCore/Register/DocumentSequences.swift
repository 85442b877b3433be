/// The next number of each document kind on this till. Loaded from the journal at start; the
/// journal's unique keys reject a number used twice.
public struct DocumentSequences: Hashable, Sendable, Codable {
    public var nextSale: Int64
    public var nextRefund: Int64
    public var nextVoid: Int64
    public var nextZ: Int64
    public var nextShift: Int64
    /// The next credit note number's sequence (`CreditNoteNumber`).
    public var nextCreditNote: Int64 = 1

    public init(nextSale: Int64 = 1, nextRefund: Int64 = 1, nextVoid: Int64 = 1, nextZ: Int64 = 1, nextShift: Int64 = 1) {
        self.nextSale = nextSale
        self.nextRefund = nextRefund
        self.nextVoid = nextVoid
        self.nextZ = nextZ
        self.nextShift = nextShift
    }
}
