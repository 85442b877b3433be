import TillCore

/// The credit-note rules, in the write transaction (which the engines serialise, so two tills
/// redeeming one note are decided one after the other and the second sees the first's
/// redemption): a sale spends at most a note's remaining value, all its tenders on one note
/// counted together; a refund to store credit goes on the next new note of its till, or back on
/// a note that paid its sale; every number is canonical with a right check digit.
extension AppendRules {
    static func checkCreditNotes(_ record: JournalRecord, _ facts: some AppendFacts) throws {
        switch record {
        case .sale(let sale, _): try checkRedemptions(sale, facts)
        case .refund(let refund, _): try checkIssues(refund, facts)
        case .postVoid, .shiftOpened, .zReport, .event: break
        }
    }

    /// The canonical number a store-credit tender names, or the refusal saying why it names none.
    static func creditNoteNumber(_ tender: Tender, document: String) throws -> String {
        guard let text = tender.reference else { throw AppendRefusal.creditNoteRefused(document: document, problem: .numberRequired) }
        switch CreditNoteNumber.parse(text) {
        case .note(let number) where number.description == text: return text
        case .note, .notANote: throw AppendRefusal.creditNoteRefused(document: document, problem: .notANumber(text: text))
        case .misread: throw AppendRefusal.creditNoteRefused(document: document, problem: .misread(text: text))
        }
    }

    static func checkRedemptions(_ sale: SaleRecord, _ facts: some AppendFacts) throws {
        var asked: [String: Money] = [:]
        for tender in sale.tenders where tender.kind == .storeCredit {
            let number = try creditNoteNumber(tender, document: sale.receipt)
            // Checked: two tenders on one note are one redemption of their sum.
            guard let sum = (asked[number] ?? .zero(tender.amount.currency)).adding(tender.amount) else {
                throw AppendRefusal.amountsUncountable(reference: sale.receipt, why: LocalizedText(
                    en: "its tenders on credit note \(number) do not add up", zh: "其以储值券 \(number) 支付的金额无法合计"))
            }
            asked[number] = sum
        }
        for (number, amount) in asked.sorted(by: { $0.key < $1.key }) {
            guard let note = try facts.creditNote(number) else {
                throw AppendRefusal.creditNoteRefused(document: sale.receipt, problem: .unknown(number: number))
            }
            // A balance that cannot be computed (a mixed currency, an overflow) has nothing to spend.
            let balance = note.issued.subtracting(note.redeemed) ?? .zero(amount.currency)
            guard balance.currency == amount.currency, amount.minor <= balance.minor else {
                throw AppendRefusal.creditNoteRefused(document: sale.receipt,
                                                      problem: .overdrawn(number: number, asked: amount, balance: balance))
            }
        }
    }

    static func checkIssues(_ refund: RefundRecord, _ facts: some AppendFacts) throws {
        for tender in refund.tenders where tender.kind == .storeCredit {
            let number = try creditNoteNumber(tender, document: refund.number)
            if try facts.creditNote(number) != nil {
                // Topping up a note is only giving back what that note paid for this sale.
                let paidBy = try refund.originalReceipt.flatMap { try facts.sale($0)?.sale.tenders } ?? []
                guard paidBy.contains(where: { $0.kind == .storeCredit && $0.reference == number }) else {
                    throw AppendRefusal.creditNoteRefused(document: refund.number, problem: .notOnSale(number: number))
                }
            } else {
                let next = CreditNoteNumber(till: refund.till, sequence: DocumentSequences.after(try facts.highestCreditNote(till: refund.till)))
                guard number == next.description else {
                    throw AppendRefusal.creditNoteRefused(document: refund.number, problem: .unknown(number: number))
                }
            }
        }
    }
}
