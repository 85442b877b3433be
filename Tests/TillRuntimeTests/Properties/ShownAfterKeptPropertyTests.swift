import Foundation
import GRDB
import Testing
import TillCore
@testable import TillJournal
@testable import TillRuntime

/// Nothing is shown before it is kept. Whatever the screen or `till exec` tells the clerk is
/// done — a sale completed, a refund or void given, a shift opened, a Z closed, a sale parked, a
/// slip printed or not — the journal already holds at the moment the runtime reports it
/// (`onOutput`, called as each event happens, before any later action): a process killed right
/// after the words appear loses nothing they claimed. Generated sessions over SQLite, with the
/// paper running out and coming back; the seed is printed on failure.
@Suite struct ShownAfterKeptPropertyTests {
    @Test func everyEventThatSaysDoneFindsItsEntryAlreadyKept() {
        let claims = ClaimCount()
        let failure = PropertyRun.check("shown ⇒ kept", cases: 60, baseSeed: 10_500_000,
                                        generate: KeptCase.generate, shrink: { $0.shrunk() }) { testCase in
            do { return try testCase.run(claims) } catch { return "could not run: \(error)" }
        }
        #expect(failure == nil, "\(failure ?? "")")
        // The generator reaches every kind of claim, so the property is not held vacuously (over
        // the fixed cases; a re-run of one seed checks the property alone).
        let fullRun = PropertyRun.coversDefaultCases(60)
        for kind in ["sale", "refund", "postVoid", "shiftOpened", "zReport", "xReport", "parked", "slipPrinted", "slipNotPrinted"] {
            #expect(!fullRun || claims.seen[kind, default: 0] > 0, "no generated session ever claimed \(kind): \(claims.seen)")
        }
    }
}

/// How many claims of each kind the generated sessions checked.
final class ClaimCount {
    var seen: [String: Int] = [:]
}

/// One generated session: the audit generator's keys with whole sales, refunds, voids, Z
/// closes and paper faults mixed in.
struct KeptCase: CustomStringConvertible {
    enum Step: CustomStringConvertible {
        case action(RegisterAction)
        case later(seconds: Int64)
        case paper(out: Bool)
        var description: String {
            switch self {
            case .action(let a): return "\(a)"
            case .later(let s): return "+\(s)s"
            case .paper(let out): return out ? "paper out" : "paper in"
            }
        }
    }

    var steps: [Step]
    var description: String { steps.map(\.description).joined(separator: "; ") }

    static func generate(_ rng: inout SeededGenerator) -> KeptCase {
        let cny = { (minor: Int64) in Money(minor: minor, currency: .cny) }
        let receipts = ["S01-000001", "S01-000002", "S01-000003", "1", "2"]
        let supervisor = RegisterAction.signInRequested(code: "2001", pin: "222222")
        let approve = RegisterAction.approverPINEntered(code: "2001", pin: "222222")
        var steps: [Step] = [.action(supervisor), .action(.shiftOpenRequested(float: cny(10_000)))]
        for step in AuditCase.generate(&rng).steps {
            switch step {
            case .action(let a): steps.append(.action(a))
            case .later(let s): steps.append(.later(seconds: s))
            }
            guard rng.chance(0.35) else { continue }
            let script: [RegisterAction]
            switch rng.index(7) {
            case 0, 1:
                script = [.codeEntered(rng.pick(["TEA", "MUG"]), quantity: nil), .tendered(.cash, amount: nil, reference: nil)]
            case 2:
                script = [.refundStarted, .receiptEntered(rng.pick(receipts)), .refundQuantitySet(line: 1, .one),
                          .reasonChosen(code: "DAMAGED"), .confirmed, approve, .confirmed]
            case 3:
                script = [.postVoidStarted, .receiptEntered(rng.pick(receipts)), .reasonChosen(code: "MISTAKE"), .confirmed, approve, .confirmed]
            case 4:
                script = [.codeEntered("TEA", quantity: nil), .parkRequested]
            case 5:
                script = [supervisor, .reportRequested(.z), .cashCounted(.total(cny(rng.int(0...40_000)))), .confirmed, approve, .confirmed]
            default:
                script = [supervisor, .shiftOpenRequested(float: cny(rng.int(0...20_000)))]
            }
            steps += script.map(Step.action)
            if rng.chance(0.25) { steps.append(.paper(out: rng.chance(0.5))) }
        }
        return KeptCase(steps: steps)
    }

    func shrunk() -> [KeptCase] {
        steps.indices.map { i in var fewer = steps; fewer.remove(at: i); return KeptCase(steps: fewer) }
    }

    /// Plays the session; nil when every claim found its entry already in the journal.
    func run(_ claims: ClaimCount) throws -> String? {
        let fixture = try RuntimeFixture()
        var unkept: String?
        fixture.runtime.onOutput = { output in
            guard unkept == nil, case .event(let event) = output else { return }
            do {
                guard let (kind, kept) = try Self.claim(event, fixture) else { return }
                claims.seen[kind, default: 0] += 1
                if !kept { unkept = "\(event) was reported before the journal held it" }
            } catch {
                unkept = "\(event): the journal could not be read (\(error))"
            }
        }
        for step in steps {
            switch step {
            case .later(let seconds): fixture.clock.now = fixture.clock.now.adding(seconds: seconds)
            case .paper(let out): fixture.printer.paperOut = out
            case .action(let action):
                for case .error(let error) in fixture.runtime.send(action) {
                    return "\(action): the runtime failed (\(error.message.en))"
                }
            }
            if let unkept { return unkept }
        }
        return nil
    }

    /// What an event claims is done, and whether the journal holds it now; nil for events that
    /// claim nothing kept (a line added, a refusal, a prompt).
    static func claim(_ event: RegisterEvent, _ f: RuntimeFixture) throws -> (String, Bool)? {
        func entry(_ kind: String, _ reference: String) throws -> Bool {
            try f.journal.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM journalEntry WHERE kind = ? AND reference = ?",
                                 arguments: [kind, reference]) ?? 0
            } > 0
        }
        switch event {
        case .saleCompleted(let receipt, _, _): return ("sale", try entry("sale", receipt))
        case .refundCompleted(let number, _, _): return ("refund", try entry("refund", number))
        case .postVoidCompleted(let number, _): return ("postVoid", try entry("postVoid", number))
        case .reportPrinted(.z, let number, _): return ("zReport", try entry("zReport", number))
        case .reportPrinted(.x, let reference, _): return ("xReport", try entry("event", reference))
        case .shiftOpened(let number):
            return ("shiftOpened", try f.journal.openShift(till: f.runtime.state.config.till)?.number == number)
        case .saleParked(let reference, _, _):
            return ("parked", try f.journal.parkedSales(till: f.runtime.state.config.till).sales.contains { $0.reference == reference })
        case .slipPrinted(let reference):
            // Slips the journal keeps (sales, refunds, voids, Z) carry their print state; others claim nothing kept.
            guard let slip = try f.journal.slip(reference: reference) else { return nil }
            return ("slipPrinted", slip.printState.isPrinted)
        case .slipNotPrinted(let reference, _):
            guard let slip = try f.journal.slip(reference: reference) else { return nil }
            // The outcome is recorded: no longer pending (a reprint that failed leaves an earlier "printed").
            return ("slipNotPrinted", slip.printState != .pending)
        default:
            return nil
        }
    }
}
