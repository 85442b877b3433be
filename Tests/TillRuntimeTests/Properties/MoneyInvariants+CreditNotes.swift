import TillCore

extension MoneyInvariants {
    /// Store credit is real: every store-credit tender names a well-formed credit note; a note's
    /// balance (issued by refunds and post-voids, less redeemed by sales) never goes below zero, so
    /// the sum redeemed never exceeds the sum issued; a note is topped up only by a refund or
    /// post-void of a sale it paid (otherwise a refund issues a new note).
    mutating func creditNoteProblem(_ record: JournalRecord) -> String? {
        let (document, tenders, issuing, receipt): (String, [Tender], Bool, String?)
        switch record {
        case .sale(let s, _): (document, tenders, issuing, receipt) = (s.receipt, s.tenders, false, nil)
        case .refund(let r, _): (document, tenders, issuing, receipt) = (r.number, r.tenders, true, r.originalReceipt)
        case .postVoid(let v, _): (document, tenders, issuing, receipt) = (v.number, v.tenders, true, v.originalReceipt)
        default: return nil
        }
        for tender in tenders where tender.kind == .storeCredit {
            guard let number = tender.reference, case .note(let parsed) = CreditNoteNumber.parse(number),
                  parsed.description == number else {
                return "\(document): store credit \(tender.amount) on \(String(describing: tender.reference)), not a credit note"
            }
            let balance = noteBalances[number]
            if issuing {
                if balance != nil {
                    let paidBy = receipt.flatMap { sales[$0] }?.tenders ?? []
                    if !paidBy.contains(where: { $0.kind == .storeCredit && $0.reference == number }) {
                        return "\(document) tops up credit note \(number), which did not pay its sale"
                    }
                }
                noteBalances[number] = (balance ?? .zero(.cny)) + tender.amount
            } else {
                guard let balance else { return "\(document) redeemed credit note \(number), which was never issued" }
                let left = balance - tender.amount
                if left.isNegative { return "\(document) took credit note \(number) below zero (\(left))" }
                noteBalances[number] = left
            }
        }
        return nil
    }
}
