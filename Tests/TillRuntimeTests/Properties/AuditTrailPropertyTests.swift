import Foundation
import GRDB
import Testing
import TillCore
@testable import TillJournal
@testable import TillRuntime

/// Issue 10: the core decides every journal entry, the runtime only writes it. For generated
/// key sequences (right and wrong PINs up to a lock-out, approvals granted and refused,
/// reprints of slips that exist and do not, drawer opens, sales, parks, cancels, X reports)
/// through the real runtime over SQLite, the journal's entries are exactly the records the
/// core's effects asked for, in order: none missing, none the runtime wrote on its own.
@Suite struct AuditTrailPropertyTests {
    @Test func theJournalHoldsExactlyTheCoresRecords() {
        let failure = PropertyRun.check("journal = core's records", cases: 60, baseSeed: 10_100_000,
                                        generate: AuditCase.generate, shrink: { $0.shrunk() }) { testCase in
            do { return try testCase.run() } catch { return "could not run: \(error)" }
        }
        #expect(failure == nil, "\(failure ?? "")")
    }

    /// The same for the till's PIN checks alone: every refused PIN (wrong, unknown, locked out)
    /// is one entry, for sign-in and approval alike; a refused trainer PIN too (`TrainerAuthorization`).
    @Test func everyRefusedPINIsOneEntry() throws {
        let fixture = try RuntimeFixture()
        fixture.openShift()
        fixture.send(.codeEntered("TEA", quantity: nil), .priceOverridden(line: 1, Money(minor: 100, currency: .cny)),
                     .approverPINEntered(code: "2001", pin: "999999"), .approverPINEntered(code: "9999", pin: "1"))
        for _ in 0..<4 where fixture.runtime.state.activity != .idle || fixture.runtime.state.pendingApproval != nil {
            fixture.send(fixture.runtime.state.confirmation == nil ? .cancelled : .confirmed)
        }
        fixture.send(.signOutRequested)
        #expect(fixture.runtime.state.user == nil)
        for _ in 0..<6 { fixture.send(.signInRequested(code: "1001", pin: "0000")) }
        let events = try AuditCase.journalEvents(fixture.journal)
        let refused: [AuditEvent] = events.filter { $0.kind == .signInRefused }
        let locked: [AuditEvent] = events.filter { $0.kind == .lockedOut }
        #expect(refused.count == 2 + 4)
        #expect(refused.prefix(2).allSatisfy { $0.detail == "approval" })
        #expect(locked.count == 2)  // the fifth attempt locks, the sixth is refused locked

        let decision = TrainerAuthorization.decide(.failure(.wrongPIN(attemptsLeft: 3)), code: "3001", trainee: "1001",
                                                   what: "drill", permissions: .standard, at: fixture.clock.now)
        let expected = AuditEvent(kind: .signInRefused, at: fixture.clock.now, user: "3001", detail: "training")
        #expect(decision.records == [JournalRecord.event(expected)])
    }
}

/// One generated session at the till: a list of steps, each a key or a PIN.
struct AuditCase: CustomStringConvertible {
    enum Step: Hashable, CustomStringConvertible {
        case action(RegisterAction)
        case later(seconds: Int64)
        var description: String {
            switch self {
            case .action(let a): return "\(a)"
            case .later(let s): return "+\(s)s"
            }
        }
    }

    var steps: [Step]
    var description: String { steps.map(\.description).joined(separator: "; ") }

    static func generate(_ rng: inout SeededGenerator) -> AuditCase {
        let cny = { (minor: Int64) in Money(minor: minor, currency: .cny) }
        let receipts = ["S01-000001", "S01-000002", "S01-000009", "R01-000001", "Z01-000001", "nonsense"]
        var steps: [Step] = []
        for _ in 0..<Int(rng.int(10...40)) {
            let action: RegisterAction
            switch rng.index(17) {
            case 0: action = .signInRequested(code: "1001", pin: rng.chance(0.6) ? "1111" : "1234")
            case 1: action = .signInRequested(code: rng.pick(["2001", "7777"]), pin: rng.chance(0.6) ? "222222" : "000000")
            case 2: action = .signOutRequested
            case 3: action = .shiftOpenRequested(float: cny(rng.int(0...50_000)))
            case 4: action = .codeEntered(rng.pick(["TEA", "MUG", "6901234567892", "NOPE"]), quantity: rng.chance(0.3) ? .each(2) : nil)
            case 5: action = .tendered(.cash, amount: nil, reference: nil)
            case 6: action = .reprintRequested(reference: rng.pick(receipts))
            case 7: action = .drawerOpenRequested
            case 8: action = .priceOverridden(line: 1, cny(rng.int(1...3000)))
            case 9: action = .approverPINEntered(code: rng.pick(["2001", "1001", "7777"]), pin: rng.chance(0.6) ? "222222" : "1111")
            case 10: action = rng.chance(0.5) ? .cancelled : .confirmed
            case 11: action = rng.chance(0.5) ? .parkRequested : .recallRequested(reference: "P01-000001")
            case 12: action = .reportRequested(.x)
            case 13: action = .refundStarted
            case 14: action = .receiptEntered(rng.pick(receipts))
            case 15: action = .scanRefused(.barcodeCheckDigitWrong(code: "6901234567890", expected: 2, found: 0))
            default: action = .tenderRemoved(number: nil)
            }
            steps.append(.action(action))
            if rng.chance(0.2) { steps.append(.later(seconds: rng.pick([1, 30, 301]))) }
        }
        return AuditCase(steps: steps)
    }

    func shrunk() -> [AuditCase] {
        steps.indices.map { i in var fewer = steps; fewer.remove(at: i); return AuditCase(steps: fewer) }
    }

    /// Plays the case; nil when the journal's entries are exactly the core's records.
    func run() throws -> String? {
        let fixture = try RuntimeFixture()
        var asked: [JournalRecord] = []
        fixture.runtime.onCoreEffects = { effects in
            for case .record(let record) in effects { asked.append(record) }
        }
        for step in steps {
            switch step {
            case .later(let seconds): fixture.clock.now = fixture.clock.now.adding(seconds: seconds)
            case .action(let action):
                for case .error(let error) in fixture.runtime.send(action) {
                    return "\(action): the runtime failed (\(error.message.en)), so the journal cannot be compared"
                }
            }
        }
        let kept = try Self.journalRecords(fixture.journal)
        guard kept != asked else { return nil }
        let first = (0..<min(kept.count, asked.count)).first { kept[$0] != asked[$0] } ?? min(kept.count, asked.count)
        return "entry \(first) differs: the journal has \(kept.count) records, the core asked for \(asked.count); "
            + "journal: \(kept.dropFirst(first).first.map { "\($0)" } ?? "nothing"), core: \(asked.dropFirst(first).first.map { "\($0)" } ?? "nothing")"
    }

    /// The journal's records (sales, refunds, shifts, reports, audit events) in order, read
    /// back from their signed payloads; changes (users, catalog, print states) are not records.
    static func journalRecords(_ journal: JournalDatabase) throws -> [JournalRecord] {
        let kinds = EntryKind.allCases.filter { !$0.isChange }.map { "'\($0.rawValue)'" }.joined(separator: ",")
        let payloads = try journal.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM journalEntry WHERE kind IN (\(kinds)) ORDER BY seq")
        }
        return try payloads.map { try JSONDecoder().decode(JournalRecord.self, from: Data($0.utf8)) }
    }

    static func journalEvents(_ journal: JournalDatabase) throws -> [AuditEvent] {
        try journalRecords(journal).compactMap { if case .event(let e) = $0 { e } else { nil } }
    }
}
