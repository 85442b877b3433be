import Testing
import TillCore
import TillJournal
@testable import TillRuntime

/// A refund to store credit, then redemptions of its credit note, through the runtime and the
/// SQLite journal: the slip carries the note's number and barcode, the journal's rows its balance.
@Suite struct StoreCreditTests {
    func cny(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    func completed(_ out: [RuntimeOutput]) -> String? {
        for case .event(.saleCompleted(let receipt, _, _)) in out { return receipt }
        return nil
    }

    @Test func aRefundToStoreCreditIssuesANoteThatSalesSpendDownToZero() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: nil), .tendered(.cash, amount: nil, reference: nil))
        let refund = f.send(.refundStarted, .receiptEntered("S01-000001"), .refundQuantitySet(line: 1, .one),
                            .reasonChosen(code: "DAMAGED"), .refundTenderChosen(.storeCredit, reference: nil), .confirmed)
        let note = CreditNoteNumber(till: "01", sequence: 1).description
        #expect(refund.contains(.event(.refundCompleted(number: "R01-000001", total: cny(2500),
                                                        tenders: [Tender(kind: .storeCredit, amount: cny(2500), reference: note)]))))
        // The slip the customer takes away: the note's number, the amount and a barcode the till scans.
        let slip = try #require(f.printer.slips.last)
        #expect(slip.blocks.contains(.barcode(.code128, note)))
        #expect(slip.blocks.contains(.text(note, SlipStyle(bold: true, align: .center))))
        #expect(try f.journal.creditNote(note)?.balance == cny(2500))

        // Typed after the store-credit key, for part of the note.
        f.send(.codeEntered("MUG", quantity: nil))
        let first = f.send(.tendered(.storeCredit, amount: nil, reference: note.lowercased().replacingOccurrences(of: "-", with: "")))
        #expect(completed(first) == "S01-000002")
        #expect(try f.journal.creditNote(note)?.balance == cny(1500))

        // Scanned during a sale of more than is left: the rest of the note, then cash.
        f.send(.codeEntered("TEA", quantity: nil))
        let scanned = f.send(.codeEntered(note, quantity: nil))
        #expect(scanned.contains(.event(.tenderAccepted(Tender(kind: .storeCredit, amount: cny(1500), reference: note), due: cny(1000)))))
        #expect(f.refusals(f.send(.tendered(.storeCredit, amount: nil, reference: note))) == [.creditNote(.exhausted(number: note))])
        #expect(completed(f.send(.tendered(.cash, amount: nil, reference: nil))) == "S01-000003")
        #expect(try f.journal.creditNote(note)?.balance == cny(0))

        // A refund of that sale gives the note's part back to the note, the cash part in cash.
        let back = f.send(.refundStarted, .receiptEntered("S01-000003"), .refundQuantitySet(line: 1, .one),
                          .reasonChosen(code: "DAMAGED"), .confirmed)
        #expect(back.contains(.event(.refundCompleted(number: "R01-000002", total: cny(2500), tenders: [
            Tender(kind: .storeCredit, amount: cny(1500), reference: note), Tender(kind: .cash, amount: cny(1000)),
        ]))))
        #expect(try f.journal.creditNote(note)?.balance == cny(1500))
        #expect(try f.journal.verify().isIntact)
    }

    @Test func everyCreditNoteRefusalNamesItsCauseAndRemedyInBothLanguages() throws {
        let f = try RuntimeFixture()
        f.openShift()
        f.send(.codeEntered("TEA", quantity: nil))
        let unknown = CreditNoteNumber(till: "01", sequence: 77).description
        let misread = String(unknown.dropLast()) + String(((unknown.last?.wholeNumberValue ?? 0) + 3) % 10)
        let refusals = [nil, "C01-12", misread, unknown].flatMap { f.refusals(f.send(.tendered(.storeCredit, amount: nil, reference: $0))) }
        #expect(refusals == [.creditNote(.numberRequired), .creditNote(.notANumber(text: "C01-12")),
                             .creditNote(.misread(text: misread)), .creditNote(.unknown(number: unknown))])
        for refusal in refusals + [.creditNote(.exhausted(number: unknown)),
                                   .creditNote(.overdrawn(number: unknown, asked: cny(10), balance: cny(5))),
                                   .creditNote(.notOnSale(number: unknown))] {
            for lang in [Language.en, .zh] {
                #expect(!refusal.message(lang).isEmpty && !refusal.remedy(lang).isEmpty && refusal.message(lang) != refusal.remedy(lang))
            }
            #expect(refusal.message(.en) != refusal.message(.zh))
        }
        guard case .selling(let draft) = f.runtime.state.activity else { Issue.record("the sale is gone"); return }
        #expect(draft.tenders.isEmpty)
    }
}
