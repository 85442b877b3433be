import Testing
import TillCore

/// Issue 12, end of shift: a supervisor approves a clerk's X or Z at the clerk's till; the drawer
/// is counted by denomination; parked sales are named at the Z and listed on the X.
@Suite struct EndOfShiftTests {
    func approvals(_ till: TestTill) -> [AuditEvent] {
        till.records.compactMap { if case .event(let e) = $0, e.kind == .approvalGranted { e } else { nil } }
    }

    @Test func aClerksXReportWaitsForASupervisorWhoseApprovalIsAuditedAndPrinted() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.sell([("TEA", nil)])
        till.send(.reportRequested(.x))
        #expect(till.lastRefusal == .supervisorRequired(reason: .lackingPermission(.xReport)))
        #expect(!till.printed.contains { $0.kind == .xReport })
        till.send(.approverPINEntered(code: "1002", pin: "3333"))       // another clerk cannot approve
        #expect(till.lastRefusal == .approverNotPermitted(user: "Clerk Zhao", role: .clerk))
        till.send(.approverPINEntered(code: "2001", pin: "9999"))       // the supervisor's mistake, counted against them
        #expect(till.lastRefusal == .wrongPIN(attemptsLeft: 4))
        #expect(till.state.user?.code == "1001", "a supervisor's wrong PIN does not sign the clerk out")
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        let slip = till.printed.last
        #expect(slip?.kind == .xReport)
        let paper = slip.map { PlainTextSlipRenderer.render($0).joined(separator: "\n") } ?? ""
        #expect(paper.contains("Approved by") && paper.contains("Supervisor Wang (2001)"), "\(paper)")
        let x = till.records.compactMap { if case .event(let e) = $0, e.kind == .xReportPrinted { e } else { nil } }
        #expect(x.count == 1 && x.first?.user == "1001" && x.first?.approver == "2001")
        // What exactly was approved: the report, the shift and its figures.
        #expect(approvals(till).last?.detail == "permission.xReport amount=25.00 report=x shift=1 net=25.00 expected=225.00")
        // The approval covered that report only: the next X asks again.
        till.send(.reportRequested(.x))
        #expect(till.lastRefusal == .supervisorRequired(reason: .lackingPermission(.xReport)))
    }

    @Test func aClerksZIsCountedByDenominationThenApprovedForExactlyThatCount() {
        var till = TestTill()
        till.signInAndOpenShift()
        till.sell([("TEA", nil)])
        till.send(.reportRequested(.z))
        #expect(till.events.last == .cashCountNeeded(expected: till.cny(22_500)))
        till.send(.cashCounted(.denominations([10_000: 2, 2_000: 1, 500: 1], .cny)))
        #expect(till.events.last == .cashCountTaken(expected: till.cny(22_500), counted: till.cny(22_500), overShort: till.cny(0)))
        till.send(.confirmed)
        #expect(till.lastRefusal == .supervisorRequired(reason: .lackingPermission(.zReport)))
        #expect(till.state.shift != nil)
        // A recount while the supervisor is asked: the approval asked for is no longer what is shown.
        till.send(.cancelled)
        #expect(till.state.closingShift != nil, "Esc first drops the approval prompt, not the count")
        till.send(.cashCounted(.denominations([10_000: 2, 2_000: 1, 500: 1, 10: 3], .cny)))
        till.send(.confirmed)
        #expect(till.lastRefusal == .supervisorRequired(reason: .lackingPermission(.zReport)))
        till.send(.approverPINEntered(code: "2001", pin: "2222"))
        guard case .zReport(let z, let slip)? = till.records.last else { Issue.record("no Z: \(till.refusals)"); return }
        #expect(z.by.code == "1001" && z.approver?.code == "2001")
        #expect(z.counted == till.cny(22_530) && z.overShort == till.cny(30))
        #expect(approvals(till).last?.detail == "permission.zReport amount=225.30 report=z shift=1 net=25.00 expected=225.00 counted=225.30")
        let paper = PlainTextSlipRenderer.render(slip).joined(separator: "\n")
        for line in ["Cash count", "100.00 x 2", "200.00", "20.00 x 1", "5.00 x 1", "0.10 x 3", "0.30", "Cash counted", "225.30",
                     "Over", "Approved by"] {
            #expect(paper.contains(line), "\(line) missing from\n\(paper)")
        }
        #expect(till.state.shift == nil)
    }

    @Test func aSaleBegunDuringTheCountKeepsTheShiftOpen() {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        till.send(.reportRequested(.z))
        till.send(.cashCounted(.total(till.cny(20_000))))
        till.send(.codeEntered("TEA", quantity: nil))
        till.send(.confirmed)
        #expect(till.lastRefusal == .busy(current: .sale))
        #expect(till.state.shift != nil && !till.records.contains { if case .zReport = $0 { true } else { false } })
    }

    @Test func theCountTakesOnlyTheConfiguredDenominationsAndNamesThem() {
        var config = RegisterConfig()
        config.cashDenominationsMinor = [10_000, 50]
        var till = TestTill(config: config)
        till.signInAndOpenShift("2001")
        till.send(.reportRequested(.z))
        till.send(.cashCounted(.denominations([2_000: 1], .cny)))
        #expect(till.lastRefusal == .cashCountInvalid(.notADenomination(value: "20.00", allowed: ["100.00", "0.50"])))
        till.send(.cashCounted(.denominations([10_000: 1, 50: 2], .cny)))
        #expect(till.events.last == .cashCountTaken(expected: till.cny(20_000), counted: till.cny(10_100), overShort: till.cny(-9_900)))
        let text = Refusal.cashCountInvalid(.notADenomination(value: "20.00", allowed: ["100.00", "0.50"]))
        #expect(text.message(.en).contains("20.00") && text.remedy(.en).contains("100.00 0.50") && text.remedy(.zh).contains("面额"))
    }

    @Test func aZWithParkedSalesNamesThemAndAnXListsThem() {
        var till = TestTill()
        till.signInAndOpenShift("2001")
        till.send(.codeEntered("TEA", quantity: .each(2)))
        till.send(.codeEntered("MUG", quantity: nil))
        till.send(.parkRequested)
        till.send(.reportRequested(.z))
        let parked = ParkedSaleSummary(till.state.parked[0])
        #expect(till.lastRefusal == .parkedSalesOpen([parked]))
        #expect(till.state.closingShift == nil && till.state.shift != nil)
        let refusal = Refusal.parkedSalesOpen([parked])
        #expect(refusal.message(.en).contains("P01-000001 (2 lines, ¥60.00)"), "\(refusal.message(.en))")
        #expect(refusal.remedy(.en).contains("Recall") && refusal.message(.zh).contains("P01-000001"))
        till.send(.reportRequested(.x))
        let x = till.printed.last.map { PlainTextSlipRenderer.render($0).joined(separator: "\n") } ?? ""
        #expect(x.contains("Parked sales (1)") && x.contains("P01-000001 (2)") && x.contains("60.00"), "\(x)")
        // Recalled and cancelled: audited as any cancel, and the Z goes ahead.
        till.send(.recallRequested(reference: "P01-000001"))
        till.send(.cancelled)
        till.send(.confirmed)
        let cancels = till.records.compactMap { if case .event(let e) = $0, e.kind == .saleCancelled { e } else { nil } }
        #expect(cancels.count == 1 && cancels.first?.user == "2001" && cancels.first?.amount == till.cny(6_000))
        till.send(.reportRequested(.z))
        #expect(till.events.last == .cashCountNeeded(expected: till.cny(20_000)))
    }
}
