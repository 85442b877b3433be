import Testing
import TillCore
@testable import TillTraining

@Suite struct DrillScorerTests {
    let clerk = User(code: "1001", name: "Lin", role: .clerk)
    let boss = User(code: "2001", name: "Wang", role: .supervisor)
    let damaged = ReasonCode.refundDefaults[0]
    let unwanted = ReasonCode.refundDefaults[2]
    func cny(_ m: Int64) -> Money { Money(minor: m, currency: .cny) }

    func refund(_ qty: Int64, amount: Int64, tender: TenderKind = .cash, reason: ReasonCode? = nil, approver: User? = nil) -> RefundRecord {
        RefundRecord(number: "R01-000001", till: "01", shift: 1, at: Timestamp(seconds: 0), clerk: clerk, approver: approver,
                     approvals: [], originalReceipt: "S01-000002", originalSoldAt: Timestamp(seconds: 0),
                     lines: [RefundLine(originalLineNo: 1, sku: "TEA-JAS", name: "Tea", quantity: .each(qty), unitPrice: cny(2500),
                                        amount: cny(amount), tax: cny(0), weighed: false)],
                     tenders: [Tender(kind: tender, amount: cny(amount))], reason: reason ?? damaged, customerReference: nil,
                     rounding: cny(0), training: true)
    }

    var expectation: DrillExpectation {
        DrillExpectation(outcome: .refund, lines: [.init(sku: "TEA-JAS", quantity: .one)], amount: cny(2500), tender: .cash,
                         reasonCategory: "damaged", supervisor: false, slipPrinted: true)
    }
    let par = DrillScorer.Par(seconds: 60, keystrokes: 30)

    @Test func aPerfectAttemptScoresOneHundred() {
        let observed = DrillObservation(refunds: [refund(1, amount: 2500)], printedSlips: ["R01-000001"], seconds: 42, keystrokes: 25)
        let score = DrillScorer.score(expectation, observed, par: par)
        #expect(score.total == 100)
        #expect(score.points.allSatisfy { $0.right })
    }

    @Test func theWrongQuantityLosesTheLinesAndAmountPointsAndSaysWhy() {
        let observed = DrillObservation(refunds: [refund(2, amount: 5000)], printedSlips: ["R01-000001"], seconds: 42, keystrokes: 25)
        let score = DrillScorer.score(expectation, observed, par: par)
        let wrong = score.points.filter { !$0.right }
        #expect(wrong.map(\.name) == ["lines", "amount"])
        #expect(wrong[0].expected == "TEA-JAS×1" && wrong[0].observed == "TEA-JAS×2")
        #expect(score.outcomeScore == 70 * 5 / 7)
        #expect(score.lines(.en).contains("✘ amount: expected 25.00, got 50.00"))
    }

    @Test func slowLongAndErrorProneAttemptsLosePointsOnThoseLines() {
        let observed = DrillObservation(refunds: [refund(1, amount: 2500)],
                                        refusals: ["quantity_exceeds_returnable", "supervisor_required", "reason_required"],
                                        printedSlips: ["R01-000001"], seconds: 120, keystrokes: 45)
        let score = DrillScorer.score(expectation, observed, par: par)
        #expect(score.outcomeScore == 70)
        #expect(score.timeScore == 7)        // 120 s: halfway between par 60 and 180
        #expect(score.keystrokeScore == 2)   // 45: halfway between 30 and 60
        #expect(score.wrongAttempts == 2)    // the supervisor prompt is the policy, not a mistake
        #expect(score.accuracyScore == 2)
        #expect(score.total == 81)
    }

    @Test func aDrillAboutARefusalWantsTheRefusalAndNoRefund() {
        let expected = DrillExpectation(outcome: .refusal, refusal: "window_expired")
        let good = DrillScorer.score(expected, DrillObservation(refusals: ["window_expired"], seconds: 10, keystrokes: 5), par: par)
        #expect(good.total == 100)
        let bad = DrillScorer.score(expected, DrillObservation(refunds: [refund(1, amount: 2500)], seconds: 10, keystrokes: 5), par: par)
        #expect(bad.outcomeScore == 0)
        #expect(bad.points.first?.observed == "refund recorded")
    }

    @Test func supervisorAndTenderAndReasonAreEachScored() {
        let observed = DrillObservation(refunds: [refund(1, amount: 2500, tender: .storeCredit, reason: unwanted, approver: boss)],
                                        printedSlips: [], seconds: 10, keystrokes: 5)
        let score = DrillScorer.score(expectation, observed, par: par)
        #expect(Set(score.points.filter { !$0.right }.map(\.name)) == ["tender", "reason", "supervisor", "slip printed"])
    }
}
