/// The outcome of `JournalDatabase.verify()`.
public enum JournalVerification: Hashable, Sendable {
    /// Every entry is where it was written, unchanged, and every projection row agrees with it.
    case intact(entries: Int)
    /// The FIRST problem found, in journal order: the entry's sequence number, its document number
    /// when known, what kind of tampering it looks like, and a sentence saying what was seen.
    case broken(seq: Int64, reference: String?, problem: JournalProblem, detail: String)

    public var isIntact: Bool { if case .intact = self { return true } else { return false } }
}

public enum JournalProblem: String, Hashable, Sendable, CaseIterable {
    /// An entry's content no longer matches its hash.
    case edited
    /// An entry that was never appended by the till: its link duplicates another's, or nothing
    /// else in the journal knows it.
    case inserted
    /// An entry is missing: a gap in the sequence numbers, or a broken link.
    case deleted
    /// A query table (saleLine, tender, refundLine, …) or an entry's columns disagree with the
    /// signed payload.
    case projectionMismatch
}
