import GRDB
import Testing
import TillCore
@testable import TillJournal
@testable import TillRuntime

/// Issue 12: after a cash refund whose slip did not print, its clerk may open the drawer for it
/// once without a supervisor; the open is a chained entry naming the refund. Every other open
/// keeps its rule, and the journal refuses a second free open whatever the till's memory says.
@Suite struct RefundDrawerTests {
    func cny(_ minor: Int64) -> Money { Money(minor: minor, currency: .cny) }

    /// The drawer-open entries in the journal, as its rows hold them.
    func drawerEntries(_ f: RuntimeFixture) throws -> [AuditEvent] {
        try f.journal.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, payload FROM journalEntry WHERE kind = 'event' ORDER BY seq").compactMap { row in
                guard case .event(let event) = try JournalDatabase.record(row), event.kind == .drawerOpened else { return nil }
                return event
            }
        }
    }

    /// A cash sale of two teas, then a cash refund of one with the printer as `paperOut` says.
    func cashRefund(_ f: RuntimeFixture, paperOut: Bool) {
        f.openShift()
        f.send(.codeEntered("TEA", quantity: Quantity(thousandths: 2000)), .tendered(.cash, amount: nil, reference: nil))
        f.printer.paperOut = paperOut
        f.send(.refundStarted, .receiptEntered("S01-000001"), .refundQuantitySet(line: 1, .one),
               .reasonChosen(code: "DAMAGED"), .confirmed)
        f.printer.paperOut = false
    }

    @Test func anUnprintedCashRefundGivesItsClerkOneFreeOpenThenASupervisorIsNeeded() throws {
        let f = try RuntimeFixture()
        cashRefund(f, paperOut: true)
        #expect(f.runtime.state.owedDrawerOpen == OwedDrawerOpen(refund: "R01-000001", clerk: "1001"))
        let kicks = f.printer.drawerKicks
        let first = f.send(.refundDrawerOpenRequested(refund: "R01-000001"))
        #expect(first.contains(.event(.drawerOpened)))
        #expect(f.printer.drawerKicks == kicks + 1)
        let free = try drawerEntries(f).last
        #expect(free?.reference == "R01-000001" && free?.user == "1001" && free?.approver == nil
                    && free?.detail == OwedDrawerOpen.auditDetail)
        // Reprinting (it prints now) owes nothing more; the second open asks for a supervisor.
        f.send(.reprintRequested(reference: "R01-000001"))
        let second = f.send(.refundDrawerOpenRequested(refund: "R01-000001"))
        #expect(f.refusals(second) == [.supervisorRequired(reason: .lackingPermission(.openDrawer))])
        #expect(f.printer.drawerKicks == kicks + 1)
        let approved = f.send(.approverPINEntered(code: "2001", pin: "222222"))
        #expect(approved.contains(.event(.drawerOpened)))
        #expect(f.printer.drawerKicks == kicks + 2)
        let entries = try drawerEntries(f)
        #expect(entries.last?.approver == "2001" && entries.last?.reference == "R01-000001" && entries.last?.detail == "refund")
        #expect(entries.filter { $0.detail == OwedDrawerOpen.auditDetail }.count == 1)
        // The plain drawer key keeps its rule: a clerk may not.
        #expect(f.refusals(f.send(.drawerOpenRequested)) == [.notPermitted(role: .clerk, permission: .openDrawer)])
    }

    @Test func aRefundWhoseSlipPrintedGivesNoFreeOpen() throws {
        let f = try RuntimeFixture()
        cashRefund(f, paperOut: false)
        #expect(f.runtime.state.owedDrawerOpen == nil)
        let kicks = f.printer.drawerKicks
        let out = f.send(.refundDrawerOpenRequested(refund: "R01-000001"))
        #expect(f.refusals(out) == [.supervisorRequired(reason: .lackingPermission(.openDrawer))])
        #expect(f.printer.drawerKicks == kicks)
        #expect(try drawerEntries(f).isEmpty)
    }

    @Test func aReprintThatFailsAgainOwesNoSecondFreeOpenAndAnotherClerkGetsNone() throws {
        let f = try RuntimeFixture()
        try f.journal.addUser(User(code: "1002", name: "Zhao", role: .clerk), pin: "1212")
        cashRefund(f, paperOut: true)
        f.send(.refundDrawerOpenRequested(refund: "R01-000001"))
        f.printer.paperOut = true
        f.send(.reprintRequested(reference: "R01-000001"))
        #expect(f.runtime.state.drawerOpensOwed.isEmpty)
        #expect(f.refusals(f.send(.refundDrawerOpenRequested(refund: "R01-000001"))).first
                    == .supervisorRequired(reason: .lackingPermission(.openDrawer)))
        // A second unprinted refund owes its own clerk only.
        f.send(.cancelled, .signOutRequested, .signInRequested(code: "1002", pin: "1212"))
        #expect(f.runtime.state.owedDrawerOpen == nil)
        #expect(f.refusals(f.send(.refundDrawerOpenRequested(refund: "R01-000001"))).first
                    == .supervisorRequired(reason: .lackingPermission(.openDrawer)))
    }

    @Test func theJournalRefusesASecondFreeOpenAnotherClerksAndOneForACardRefund() throws {
        let f = try RuntimeFixture()
        cashRefund(f, paperOut: true)
        f.send(.refundDrawerOpenRequested(refund: "R01-000001"))
        let now = f.runtime.now
        func forged(_ refund: String, by user: String) -> JournalRecord {
            .event(AuditEvent(kind: .drawerOpened, at: now, user: user, reference: refund, detail: OwedDrawerOpen.auditDetail))
        }
        let before = try drawerEntries(f).count
        #expect(throws: JournalError.refused(.drawerOpenNotOwed(refund: "R01-000001", because: .usedAlready))) { try f.journal.append(forged("R01-000001", by: "1001")) }
        #expect(throws: JournalError.refused(.drawerOpenNotOwed(refund: "R01-000001", because: .anotherClerk))) { try f.journal.append(forged("R01-000001", by: "2001")) }
        #expect(throws: JournalError.refused(.drawerOpenNotOwed(refund: "R01-000009", because: .noCashRefund))) { try f.journal.append(forged("R01-000009", by: "1001")) }
        // A card refund pays no cash: nothing to open the drawer for.
        f.send(.codeEntered("MUG", quantity: nil), .tendered(.card, amount: nil, reference: "AUTH-1"))
        f.send(.refundStarted, .receiptEntered("S01-000002"), .refundQuantitySet(line: 1, .one), .reasonChosen(code: "DAMAGED"), .confirmed)
        #expect(throws: JournalError.refused(.drawerOpenNotOwed(refund: "R01-000002", because: .noCashRefund))) { try f.journal.append(forged("R01-000002", by: "1001")) }
        #expect(try drawerEntries(f).count == before)
        // Each refusal names the cause and the remedy in both languages.
        let error = JournalError.refused(.drawerOpenNotOwed(refund: "R01-000001", because: .usedAlready))
        #expect(error.message(.en).contains("R01-000001") && error.message(.zh).contains("已用过") && !error.remedy(.zh).isEmpty)
    }
}
