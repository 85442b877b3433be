extension RegisterState {
    /// A reprint asks the slip store first: what prints, and what the journal keeps about it,
    /// are decided here from the stored slip (`slipLoaded`), never by the runtime.
    mutating func requestReprint(_ reference: String, _ step: inout Step) {
        let wanted = DocumentNumber(parsing: reference)?.description ?? reference
        step.run(.lookUpSlip(reference: wanted, asked: reference))
    }

    /// A slip that printed before, or may have (its outcome was unknown), comes out marked
    /// COPY; one that surely never printed comes out as the original it should have been.
    /// Either way the journal keeps who reprinted which slip, and as what.
    mutating func reprint(_ stored: StoredSlip?, asked: String, _ step: inout Step) {
        guard let stored else { return step.refuse(.receiptNotFound(reference: asked)) }
        let copy = stored.printState.reprintIsCopy
        step.run(.record(.event(AuditEvent(kind: .reprinted, at: step.now, user: user?.code, reference: stored.reference,
                                           detail: copy ? "copy" : "original", training: config.training))))
        let document = copy ? stored.document.markedAsCopy() : stored.document
        step.run(.reprint(document, reference: stored.reference, before: stored.printState))
    }
}
