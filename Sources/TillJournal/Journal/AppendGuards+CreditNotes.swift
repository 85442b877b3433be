import GRDB
import TillCore

/// The credit-note rules, again inside the append transaction (which is immediate, so two tills
/// redeeming one note are serialised and the second sees the first's redemption): a sale spends
/// at most a note's balance; a refund to store credit goes on the next new note of its till or
/// back on a note that paid its sale; every number is canonical with a right check digit.
extension AppendGuards {
    static func checkCreditNotes(_ record: JournalRecord, _ db: Database) throws {
        switch record {
        case .sale(let sale, _): try checkRedemptions(sale, db)
        case .refund(let refund, _): try checkIssues(refund, db)
        case .postVoid, .shiftOpened, .zReport, .event: break
        }
    }

    private static func number(_ tender: Tender, document: String) throws -> String {
        guard let text = tender.reference else { throw JournalError.creditNoteRefused(document: document, problem: .numberRequired) }
        switch CreditNoteNumber.parse(text) {
        case .note(let number) where number.description == text: return text
        case .note, .notANote: throw JournalError.creditNoteRefused(document: document, problem: .notANumber(text: text))
        case .misread: throw JournalError.creditNoteRefused(document: document, problem: .misread(text: text))
        }
    }

    private static func checkRedemptions(_ sale: SaleRecord, _ db: Database) throws {
        var asked: [String: Money] = [:]
        for tender in sale.tenders where tender.kind == .storeCredit {
            let number = try number(tender, document: sale.receipt)
            asked[number] = tender.amount + (asked[number] ?? .zero(tender.amount.currency))
        }
        for (number, amount) in asked.sorted(by: { $0.key < $1.key }) {
            guard let note = try JournalDatabase.creditNote(db, number: number) else {
                throw JournalError.creditNoteRefused(document: sale.receipt, problem: .unknown(number: number))
            }
            guard note.balance.currency == amount.currency, amount <= note.balance else {
                throw JournalError.creditNoteRefused(document: sale.receipt,
                                                     problem: .overdrawn(number: number, asked: amount, balance: note.balance))
            }
        }
    }

    private static func checkIssues(_ refund: RefundRecord, _ db: Database) throws {
        for tender in refund.tenders where tender.kind == .storeCredit {
            let number = try number(tender, document: refund.number)
            if try JournalDatabase.creditNote(db, number: number) != nil {
                // Topping up a note is only giving back what that note paid for this sale.
                let paidBy = try refund.originalReceipt.flatMap { try JournalDatabase.saleLookup(db, receipt: $0)?.sale.tenders } ?? []
                guard paidBy.contains(where: { $0.kind == .storeCredit && $0.reference == number }) else {
                    throw JournalError.creditNoteRefused(document: refund.number, problem: .notOnSale(number: number))
                }
            } else {
                let next = CreditNoteNumber(till: refund.till, sequence: DocumentSequences.after(try JournalDatabase.highestCreditNote(db, till: refund.till)))
                guard number == next.description else {
                    throw JournalError.creditNoteRefused(document: refund.number, problem: .unknown(number: number))
                }
            }
        }
    }
}
