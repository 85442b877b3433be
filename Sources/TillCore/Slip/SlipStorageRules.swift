/// Which slips the journal keeps and how a reprint of a kept slip comes out: the core's rules,
/// applied by whoever performs the print (the runtime), so no other layer decides them.
extension SlipKind {
    /// A slip is kept when it is the document of a journal record (sale, refund, post-void,
    /// Z report): it can be listed as unprinted and reprinted. An X report or a test page is
    /// printed and forgotten.
    public var isStored: Bool {
        switch self {
        case .sale, .refund, .postVoid, .zReport: true
        case .xReport, .test: false
        }
    }
}

extension PrintState {
    /// Printed, or sent without confirmation: the original may be on paper, so a reprint must
    /// say COPY. A slip that surely never printed reprints as the original it should have been.
    public var reprintIsCopy: Bool {
        switch self {
        case .printed, .unknown: true
        case .pending, .failed, .notRequested: false
        }
    }

    /// The state to record once a print of a stored slip ends with `outcome`, when the slip
    /// stood at `self` before it (nil: keep the state as it is). A COPY that fails leaves the
    /// state alone, so the next reprint is a COPY again and never a second original; a COPY of
    /// an unknown slip that prints makes it known to be on paper.
    public func after(printing outcome: PrintState) -> PrintState? {
        switch self {
        case .pending, .failed, .notRequested: outcome
        case .unknown: outcome.isPrinted ? outcome : nil
        case .printed: nil
        }
    }
}
