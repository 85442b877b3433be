import Foundation
import Glibc
import Synchronization
import Testing

/// A till SIGKILLed between its central reservation and its local commit leaves the goods held
/// centrally: real `till` processes, real PostgreSQL (a private cluster), a real SQLite lock as
/// the seam (`sqlite3` holds the till's journal write lock, so the confirmed refund is reserved
/// and then waits for its commit; the till is killed there). At its next start the till
/// releases what it left, recorded with who and when; `till central reservations` lists what is
/// held and releases one on a supervisor's word. Either way the goods are returnable again.
@Suite(.serialized) struct LeftReservationProcessTests {
    /// A `till exec` fed line by line, killable.
    final class Exec {
        let process: Process
        let input = Pipe()
        /// What the process has written so far (filled by the pipe's handler thread).
        final class Written: Sendable { let text = Mutex("") }
        let written = Written()

        init(_ till: TillProcess) throws {
            process = till.start(["exec"])
            let output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            let written = written
            output.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil; return }
                written.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        func send(_ line: String) throws { try input.fileHandleForWriting.write(contentsOf: Data(line.utf8)) }

        /// Up to 60 s (a bound against a hang, not a timing assertion).
        func waitFor(_ event: String) -> Bool {
            for _ in 0..<600 {
                if written.text.withLock({ $0.contains("\"\(event)\"") }) { return true }
                usleep(100_000)
            }
            return false
        }

        func killHard() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// `sqlite3` holding the journal's write lock until `end()`.
    final class WriteLock {
        let process = Process()
        let input = Pipe(), output = Pipe()

        init(_ journal: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [journal]
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            try input.fileHandleForWriting.write(contentsOf: Data("BEGIN EXCLUSIVE;\nSELECT 'locked';\n".utf8))
            var seen = ""
            while !seen.contains("locked") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
        }

        func end() {
            try? input.fileHandleForWriting.write(contentsOf: Data("ROLLBACK;\n.quit\n".utf8))
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
    }

    /// Sells 2 mugs at till 01, then refunds them at till 02 and kills it after the central
    /// reservation, before the refund is kept: returns the sale and the refund number held.
    static func leaveReservation(_ chain: CrossTillProcessTests.Chain) throws -> (sale: String, refund: String) {
        let (one, two) = (chain.tills[0], chain.tills[1])
        let receipt = try CrossTillProcessTests.sell(one, quantity: 2)
        let exec = try Exec(two)
        try exec.send(CrossTillProcessTests.refundScript(receipt, quantity: 2, confirm: false))
        try #require(exec.waitFor("refundLineChosen"), "the sale was found: \(exec.written.text.withLock { $0 })")
        let lock = try WriteLock(two.journalPath)
        try exec.send("confirm\n")
        var state = ""
        for _ in 0..<600 where state != "reserved" {
            state = try chain.sql("SELECT state FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'")
            if state != "reserved" { usleep(50_000) }
        }
        exec.killHard()
        lock.end()
        try #require(state == "reserved", "the refund was never reserved: \(exec.written.text.withLock { $0 })")
        #expect(try chain.localRefunds(two) == "0", "killed before its commit: nothing kept at till 02")
        let refund = try chain.sql("SELECT substr(refund_key, 6) FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'")
        return (receipt, refund)
    }

    static func refundAtOne(_ chain: CrossTillProcessTests.Chain, _ receipt: String) throws -> [String: Any]? {
        CrossTillProcessTests.outcome(try chain.tills[0].run(["exec"], stdin: CrossTillProcessTests.refundScript(receipt, quantity: 2)))
    }

    @Test func aKilledTillsReservationIsReleasedAtItsNextStartOrBySupervisor() throws {
        guard CrossTillProcessTests.available else { return }
        let chain = try CrossTillProcessTests.Chain()
        let (one, two) = (chain.tills[0], chain.tills[1])

        // Killed mid-refund, then restarted: the till releases what it left.
        let first = try Self.leaveReservation(chain)
        #expect(try Self.refundAtOne(chain, first.sale)?["event"] as? String != "refundCompleted", "held goods are not returnable")
        let listed = try two.run(["central", "reservations", "--by", "2001"], stdin: "222222\n")
        #expect(listed.status == 0, "\(listed.stderr)")
        let row = listed.lines.first { $0.contains(first.refund) } ?? ""
        #expect(row.contains("0001-" + first.sale) && row.contains(" 02 ") && row.contains("2001"), "sale, refund, till, clerk: \(listed.stdout)")
        _ = try two.run(["exec"], stdin: "")
        #expect(try chain.sql("SELECT state || ' ' || released_by FROM central_refund_reservation WHERE sale_receipt = '\(first.sale)'")
                == "released till 02 at start")
        #expect(try Self.refundAtOne(chain, first.sale)?["event"] as? String == "refundCompleted", "returnable again after the restart")

        // Killed again; this time a supervisor releases it, at the till that holds it.
        let second = try Self.leaveReservation(chain)
        let elsewhere = try one.run(["central", "reservations", "--release", second.refund, "--by", "2001"], stdin: "222222\n")
        #expect(elsewhere.status != 0 && elsewhere.stderr.contains("till 02"), "another till's: \(elsewhere.stderr)")
        let released = try two.run(["central", "reservations", "--release", second.refund, "--by", "2001"], stdin: "222222\n")
        #expect(released.status == 0 && released.stdout.contains("Released"), "\(released.stdout) \(released.stderr)")
        #expect(try chain.sql("""
            SELECT state || ' ' || released_by || ' ' || (released_at IS NOT NULL) FROM central_refund_reservation
            WHERE sale_receipt = '\(second.sale)'
            """) == "released 2001 true")
        #expect(try chain.sql("SELECT count(*) FROM central_refund_reservation WHERE state = 'reserved'") == "0")
        #expect(try Self.refundAtOne(chain, second.sale)?["event"] as? String == "refundCompleted", "returnable again after the release")
        let empty = try two.run(["central", "reservations", "--by", "2001"], stdin: "222222\n")
        #expect(empty.stdout.contains("No refund reservations held"), "\(empty.stdout)")
    }
}
