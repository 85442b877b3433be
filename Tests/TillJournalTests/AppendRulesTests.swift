import Testing
import TillCore
@testable import TillJournal

/// The shared rules (`AppendRules`, TillPorts) refuse with `AppendRefusal`; SQLite's journal
/// carries the refusal whole (`JournalError.refused`), so every engine tells the clerk the same
/// thing: each refusal its own code, a cause and a remedy in both languages.
@Suite struct AppendRulesTests {
    static let money = Fx.money(1_500)
    static let every: [AppendRefusal] = [
        .documentNumberReused(reference: "S01-000001"),
        .saleTendersDoNotAddUp(receipt: "S01-000001", total: money, paid: Fx.money(1_000)),
        .originalSaleNotFound(document: "R01-000001", receipt: "S01-000009"),
        .refundLineNotOnSale(refund: "R01-000001", receipt: "S01-000001", lineNo: 4),
        .refundExceedsSold(refund: "R01-000001", receipt: "S01-000001", lineNo: 1, sold: .each(1), alreadyRefunded: .each(1), asked: .each(1)),
        .refundOfVoidedSale(refund: "R01-000001", receipt: "S01-000001"),
        .saleAlreadyVoided(receipt: "S01-000001", voidNumber: "V01-000001"),
        .voidOfRefundedSale(void: "V01-000002", receipt: "S01-000001"),
        .refundBreaksLedger(refund: "R01-000001", receipt: "S01-000001", violation: .tendersDoNotAddUp(tenders: Fx.money(1), total: money)),
        .refundBreaksLedger(refund: "R01-000001", receipt: nil, violation: .tendersDoNotAddUp(tenders: Fx.money(1), total: money)),
        .voidDiffersFromSale(void: "V01-000001", receipt: "S01-000001", paid: money, voided: Fx.money(1)),
        .shiftAlreadyOpen(till: "01", shift: 3),
        .shiftAlreadyClosed(till: "01", shift: 2),
        .amountsUncountable(reference: "S01-000001", why: LocalizedText(en: "it mixes CNY and USD", zh: "混用人民币和美元")),
        .amountsUncountable(reference: nil, why: LocalizedText(en: "it mixes CNY and USD", zh: "混用人民币和美元")),
        .creditNoteRefused(document: "S01-000002", problem: .overdrawn(number: "C01-000001-7", asked: money, balance: Fx.money(1))),
        .creditNoteRefused(document: "R01-000002", problem: .notOnSale(number: "C01-000001-7")),
        .priceChangeNotAuthorised(receipt: "S01-000001", line: 2, permission: .overridePrice, amount: money, approver: nil),
        .priceChangeNotAuthorised(receipt: "S01-000001", line: 1, permission: .discountLine, amount: money, approver: "1002"),
        .reportNotAuthorised(report: "Z", signer: "1001", why: .signerLacksPermission(role: "clerk", permission: "zReport")),
        .reportNotAuthorised(report: "X", signer: "1001", why: .noApprovalEntry(approver: "2001")),
        .parkedSaleNotWaiting(reference: "P01-000001"),
        .parkNumberReused(reference: "P01-000001"),
        .drawerOpenNotOwed(refund: "R01-000001", because: .usedAlready),
        .drawerOpenNotAuthorised(user: "1001", approver: nil),
        .drawerOpenNotAuthorised(user: "1001", approver: "1002"),
        .reconciliationRefused(refund: "R01-000001", alreadyReconciled: true),
        .reconciliationRefused(refund: "R01-000001", alreadyReconciled: false),
    ]

    @Test(arguments: every)
    func theJournalTellsARefusalAsTheRulesDo(_ refusal: AppendRefusal) {
        let journal = JournalError.refused(refusal)
        #expect(journal.code == refusal.code && journal.code == ProblemCode.caseName(of: refusal))
        #expect(journal.message == refusal.message)
        #expect(journal.remedy == refusal.remedy)
        for text in [refusal.message.zh, refusal.remedy.zh] {
            #expect(text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(refusal.code): \(text)")
        }
    }

    @Test func everyRefusalHasItsOwnCode() {
        let codes = Self.every.map(\.code)
        // Two examples of a case share its code; distinct cases never do.
        #expect(Set(codes).count == Set(Self.every.map { ProblemCode.caseName(of: $0) }).count)
        #expect(Set(codes).count == 21, "\(Set(codes).sorted())")
    }
}
