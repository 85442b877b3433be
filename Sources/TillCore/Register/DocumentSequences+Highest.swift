extension DocumentSequences {
    /// The numbers that follow the highest used: `highest` of each document kind and the
    /// highest credit-note sequence, as a store reads them. Every engine builds its sequences
    /// here. A highest of Int64.max (a number no till issues; only a damaged journal holds one)
    /// is followed by itself instead of trapping the load.
    public init(highest: [(kind: DocumentKind, sequence: Int64)], highestCreditNote: Int64) {
        self.init()
        for (kind, sequence) in highest {
            let next = Self.after(sequence)
            switch kind {
            case .sale: nextSale = next
            case .refund: nextRefund = next
            case .postVoid: nextVoid = next
            case .zReport: nextZ = next
            case .shift: nextShift = next
            }
        }
        nextCreditNote = Self.after(highestCreditNote)
    }

    /// The highest credit-note sequence of `till` among `references` (tender references of store-credit refunds).
    public static func highestCreditNote(of till: String, in references: some Sequence<String>) -> Int64 {
        var highest: Int64 = 0
        for text in references {
            if case .note(let number) = CreditNoteNumber.parse(text), number.till == till { highest = max(highest, number.sequence) }
        }
        return highest
    }

    /// The sequence after `sequence` (itself at Int64.max, which no till issues).
    public static func after(_ sequence: Int64) -> Int64 {
        let (next, overflow) = sequence.addingReportingOverflow(1)
        return overflow ? sequence : next
    }
}
