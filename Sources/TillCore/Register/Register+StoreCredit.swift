/// Store credit is real: a refund to store credit issues a numbered credit note, and a sale
/// redeems it by number. The note's balance lives only in the journal (the sum of its entries),
/// so the core asks for it on every redemption and the journal's append guard checks it again
/// inside the write transaction, where two tills cannot both spend the same balance.
extension RegisterState {
    /// F4 with a number (typed or scanned): checks the number's shape and check digit, then asks
    /// the journal for the note's balance.
    mutating func askForCreditNote(_ reference: String?, amount: Money?, _ step: inout Step) {
        let text = reference?.trimmingSpaces ?? ""
        guard !text.isEmpty else { return step.refuse(.creditNote(.numberRequired)) }
        switch CreditNoteNumber.parse(text) {
        case .note(let number): step.run(.lookUpCreditNote(number: number.description, amount: amount))
        case .misread: step.refuse(.creditNote(.misread(text: text)))
        case .notANote: step.refuse(.creditNote(.notANumber(text: text)))
        }
    }

    /// The journal's answer: the note pays what is asked (nil: as much of the due as it has left),
    /// never more than its balance less what this sale already took from it.
    mutating func redeemCreditNote(_ number: String, _ note: CreditNote?, amount: Money?, _ step: inout Step) {
        guard case .selling(let draft) = activity, draft.due.isPositive else { return step.refuse(.nothingInProgress) }
        guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
        guard let note, note.number == number else { return step.refuse(.creditNote(.unknown(number: number))) }
        let takenHere = draft.tenders.filter { $0.isOnCreditNote(number) }.map(\.amount).sum(config.currency)
        let available = note.balance - takenHere
        guard available.isPositive else { return step.refuse(.creditNote(.exhausted(number: number))) }
        let due = draft.due
        let value = amount ?? Money.min(due, available)
        guard value.isPositive else { return step.refuse(.amountInvalid(text: value.plain)) }
        guard value <= available else {
            return step.refuse(.creditNote(.overdrawn(number: number, asked: value, balance: available)))
        }
        guard value <= due else { return step.refuse(.tenderExceedsDue(tender: .storeCredit, amount: value, due: due)) }
        step.emit(.creditNoteRedeemed(number: number, amount: value, left: available - value))
        accept(Tender(kind: .storeCredit, amount: value, reference: number), into: draft, &step)
    }

    /// A refund's or return's payout with every store-credit part on a credit note: the note that
    /// paid the sale when there is one (already in the payout), otherwise the next new note.
    func withCreditNotes(_ tenders: [Tender]) -> [Tender] {
        let next = CreditNoteNumber(till: config.till, sequence: sequences.nextCreditNote).description
        return tenders.map { tender in
            guard tender.kind == .storeCredit, tender.reference == nil else { return tender }
            var issued = tender
            issued.reference = next
            return issued
        }
    }

    /// After a refund is recorded: its new credit note's number is used.
    mutating func noteCreditNotesIssued(_ tenders: [Tender]) {
        let next = CreditNoteNumber(till: config.till, sequence: sequences.nextCreditNote).description
        if tenders.contains(where: { $0.isOnCreditNote(next) }) { sequences.nextCreditNote += 1 }
    }

    /// The sale's own credit notes: a refund to store credit goes back on one of these or on a new note.
    func creditNoteRefusal(chosen reference: String?, source: ReturnableSale) -> Refusal? {
        guard let reference = reference?.trimmingSpaces, !reference.isEmpty else { return nil }
        let own = source.accounts.filter { $0.kind == .storeCredit }.compactMap(\.reference)
        if case .note(let number) = CreditNoteNumber.parse(reference), own.contains(number.description) { return nil }
        return .creditNote(.notOnSale(number: reference))
    }
}
