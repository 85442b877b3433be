/// A slip as stored: the document to print and where it stands with the printer. The slip
/// store answers with it; the core decides from it what a reprint prints (`reprintIsCopy`).
public struct StoredSlip: Hashable, Sendable, Codable {
    public var reference: String
    public var entrySeq: Int64
    public var document: SlipDocument
    public var printState: PrintState
    /// How many times printing was attempted (each non-pending state recorded counts one).
    public var attempts: Int

    public init(reference: String, entrySeq: Int64, document: SlipDocument, printState: PrintState, attempts: Int) {
        self.reference = reference
        self.entrySeq = entrySeq
        self.document = document
        self.printState = printState
        self.attempts = attempts
    }
}
