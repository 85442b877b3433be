extension RegisterState {
    /// Takes tender `number` (1 = the first taken, nil the last) off the open sale before it completes: the
    /// sale's record will hold exactly the tenders not removed, and its change is worked out
    /// from them. A card tender is taken off the sale here; the card terminal must be reversed
    /// by hand, which the event says.
    mutating func removeTender(_ number: Int?, _ step: inout Step) {
        guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
        guard case .selling(var draft) = activity, !draft.tenders.isEmpty else { return step.refuse(.noTenderToRemove) }
        let index = number.map { $0 - 1 } ?? draft.tenders.count - 1
        guard draft.tenders.indices.contains(index) else {
            return step.refuse(.tenderNotFound(number: number ?? 0, count: draft.tenders.count))
        }
        let tender = draft.tenders.remove(at: index)
        var detail = "\(tender.kind.rawValue) \(tender.amount.plain)"
        if let reference = tender.reference { detail += " ref \(reference)" }
        step.run(.record(.event(AuditEvent(kind: .tenderRemoved, at: step.now, user: user?.code, detail: detail,
                                           training: config.training, amount: tender.amount))))
        activity = .selling(draft)
        step.emit(.tenderRemoved(tender, due: draft.due))
    }
}
