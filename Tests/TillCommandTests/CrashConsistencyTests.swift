import Foundation
import Testing
import TillCore
import TillJournal

/// Kills `till exec` with SIGKILL at random points while it runs 200 sales and refunds, then
/// checks what survived: every acknowledged transaction, nothing partial, no refund beyond what
/// was sold, an intact hash chain.
@Suite(.serialized) struct CrashConsistencyTests {
    /// 200 transactions: mostly sales, every third a partial refund of the sale before it.
    static func script(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        var lines = ["signin 2001 222222", "shift 500"]
        let codes = ["6901234567892", "MUG-01", "CHOP-10", "SOY-500", "TOFU"]
        var sale = 0
        for i in 0..<200 {
            if i % 3 == 2, sale > 0 {
                lines += ["refund", "receipt \(sale)", "line 1 1", "reason UNWANTED", "confirm", "cancel"]
            } else {
                for _ in 0..<(1 + Int(rng.next() % 3)) { lines.append("scan \(codes[Int(rng.next() % 5)]) \(1 + rng.next() % 3)") }
                lines.append("cash")
                sale += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func acknowledgedTransactionsSurviveSIGKILL() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        try till.run(["user", "list"])   // first run: demo users and catalog
        var acknowledged: Set<String> = []
        var interruptedRounds = 0
        var rng = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
        let scriptPath = till.dataDir + "/script.txt"
        for round in 0..<6 {
            try Self.script(seed: UInt64(round)).write(toFile: scriptPath, atomically: true, encoding: .utf8)
            let process = till.start(["exec", scriptPath])
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The last round runs to the end; the others die somewhere in the middle.
            if round < 5 {
                usleep(UInt32(50_000 + rng.next() % 600_000))
                kill(process.processIdentifier, SIGKILL)
            }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let roundEvents = events(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
            // A complete run acknowledges 200 transactions; fewer means the kill hit mid-stream.
            let done = roundEvents.filter { ["saleCompleted", "refundCompleted"].contains($0["event"] as? String ?? "") }.count
            if round < 5, done < 200 { interruptedRounds += 1 }
            for event in roundEvents {
                if let receipt = event["receipt"] as? String, event["event"] as? String == "saleCompleted" { acknowledged.insert(receipt) }
                if let refund = event["refund"] as? String { acknowledged.insert(refund) }
            }
            try checkInvariants(till.journalPath, acknowledged: acknowledged)
        }
        #expect(acknowledged.count >= 200, "the final uninterrupted round alone acknowledges 200 transactions")
        #expect(interruptedRounds >= 3, "the kills should land while transactions are being written")
        let verify = try till.run(["journal", "verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("Journal intact"))
    }

    func checkInvariants(_ path: String, acknowledged: Set<String>) throws {
        let journal = try JournalDatabase(path: path, pinHashRounds: 1000)
        #expect(try journal.verify().isIntact)
        var refundNumbers: Set<String> = []
        var sequence: Int64 = 1
        while let found = try journal.sale(DocumentNumber(kind: .sale, till: "01", sequence: sequence)) {
            #expect(!found.sale.lines.isEmpty, "sale \(found.sale.receipt) has no lines")
            #expect(found.sale.tenders.map(\.amount).sum(.cny) == found.sale.total, "sale \(found.sale.receipt) is partial")
            for line in found.sale.lines {
                let refunded = found.refunds.flatMap(\.lines).filter { $0.originalLineNo == line.lineNo }
                    .reduce(Quantity.zero) { $0 + $1.quantity }
                #expect(refunded <= line.quantity, "\(found.sale.receipt) line \(line.lineNo): refunded \(refunded) of \(line.quantity)")
            }
            refundNumbers.formUnion(found.refunds.map(\.number))
            sequence += 1
        }
        for receipt in acknowledged where receipt.hasPrefix("S") {
            #expect(try journal.sale(DocumentNumber(parsing: receipt)!) != nil, "acknowledged \(receipt) is missing")
        }
        for refund in acknowledged where refund.hasPrefix("R") {
            #expect(refundNumbers.contains(refund), "acknowledged \(refund) is missing")
        }
    }
}

/// Seeded random numbers, so a failing run can be repeated.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
