import Foundation
import Testing

/// Nothing is shown before it is kept, at the process boundary: the moment `till exec` writes
/// that a sale, a refund, a Z report or a parked sale is done, it is killed (SIGKILL: no exit
/// path runs), and a second process reads the journal. Whatever the line claimed must be
/// there. (TillRuntimeTests' ShownAfterKeptPropertyTests holds the same for generated sessions
/// inside one process; this is the real binary, its real SQLite file and a real kill.)
@Suite struct ShownAfterKeptProcessTests {
    /// Runs `lines` in a `till exec`, waits for `event`, kills the till at once and returns what the event said.
    func killedRightAfter(_ till: TillProcess, _ event: String, _ lines: [String]) throws -> [String: Any] {
        let session = try InteractiveTill(till, ["exec"])
        defer { if session.process.isRunning { kill(session.process.processIdentifier, SIGKILL) }; session.process.waitUntilExit() }
        for line in lines { session.send(line) }
        let seen = session.event(event)
        kill(session.process.processIdentifier, SIGKILL)
        session.process.waitUntilExit()
        return try #require(seen, "\(event) never came; the till said: \(session.lastSeen)")
    }

    func export(_ till: TillProcess) throws -> String {
        let out = try till.run(["journal", "export", "--csv"])
        #expect(out.status == 0, "\(out.stderr)")
        return out.stdout
    }

    @Test func aSaleARefundAndAZShownAsDoneSurviveAKillAtThatMoment() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let sale = try killedRightAfter(till, "saleCompleted", ["signin 1001 1111", "scan MUG-01 2", "cash"])
        let receipt = try #require(sale["receipt"] as? String)
        #expect(try export(till).contains(",sale,\(receipt),"), "the till showed \(receipt) completed, the journal has no such sale")

        let refund = try killedRightAfter(till, "refundCompleted",
                                          ["signin 1001 1111", "refund", "receipt \(receipt)", "line 1 1", "reason DAMAGED", "confirm"])
        let number = try #require(refund["refund"] as? String)
        #expect(try export(till).contains(",refund,\(number),"), "the till showed refund \(number) done, the journal has no such refund")

        let parked = try killedRightAfter(till, "saleParked", ["signin 1001 1111", "scan TEA-JAS", "park"])
        let reference = try #require(parked["reference"] as? String)
        let recall = try till.run(["exec"], stdin: "signin 1001 1111\nrecall \(reference)\ncancel\nconfirm\n")
        #expect(events(recall.lines).contains { $0["event"] as? String == "saleRecalled" },
                "the till showed \(reference) parked, a second till cannot recall it: \(recall.stdout)")

        let z = try killedRightAfter(till, "reportPrinted", ["signin 2001 222222", "report z", "count 100", "confirm"])
        #expect(z["kind"] as? String == "z", "\(z)")
        let zNumber = try #require(z["reference"] as? String)
        #expect(try export(till).contains(",zReport,\(zNumber),"), "the till showed \(zNumber) closed, the journal has no such Z")
    }
}
