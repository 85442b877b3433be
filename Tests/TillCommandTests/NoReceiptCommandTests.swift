import Foundation
import Testing

/// `till exec`'s `noreceipt`: the sale is journalled, its receipt stored as not requested and
/// not printed; nothing lists it as unprinted; a reprint prints it as the original; a refund
/// refuses it and prints its slip.
@Suite struct NoReceiptCommandTests {
    func slipFiles(_ till: TillProcess) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: till.dataDir + "/slips")) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test func aNoReceiptSaleIsJournalledUnprintedAndReprintsAsTheOriginal() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let out = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01 2\nnoreceipt\ncash 100\n")
        let evs = events(out.lines)
        #expect(evs.contains { $0["event"] as? String == "noReceipt" && $0["on"] as? Bool == true }, "\(out.stdout)")
        let sale = try #require(evs.first { $0["event"] as? String == "saleCompleted" }, "\(out.stdout)")
        let receipt = try #require(sale["receipt"] as? String)
        #expect(!evs.contains { $0["event"] as? String == "slipNotPrinted" })
        #expect(slipFiles(till).isEmpty)
        #expect(try till.run(["journal", "slips"]).stdout.contains("\(receipt)\tsale\tnot-requested"))
        #expect(try till.run(["journal", "slips", "--unprinted"]).stdout.isEmpty)
        #expect(try till.run(["journal", "verify"]).status == 0)

        let reprint = try till.run(["exec"], stdin: "signin 1001 1111\nreprint \(receipt)\n")
        #expect(events(reprint.lines).contains { $0["event"] as? String == "slipPrinted" && $0["reference"] as? String == receipt })
        let text = try String(contentsOfFile: till.dataDir + "/slips/" + (slipFiles(till).first ?? ""), encoding: .utf8)
        #expect(text.contains("RECEIPT \(receipt)"))
        #expect(!text.contains("COPY"))
        #expect(try till.run(["journal", "slips"]).stdout.contains("\(receipt)\tsale\tprinted"))
    }

    @Test func aRefundRefusesNoReceiptAndPrintsItsSlip() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let out = try till.run(["exec"], stdin: "signin 1001 1111\nrefund\nreceipt S01-000002\nline 2 1\nnoreceipt\nreason DAMAGED\nconfirm\n")
        let evs = events(out.lines)
        let refused = try #require(evs.first { $0["code"] as? String == "slip_required" }, "\(out.stdout)")
        #expect((refused["message"] as? String)?.contains("NO RECEIPT") == true)
        #expect(evs.contains { $0["event"] as? String == "refundCompleted" }, "\(out.stdout)")
        let text = try String(contentsOfFile: till.dataDir + "/slips/" + (slipFiles(till).first ?? ""), encoding: .utf8)
        #expect(text.contains("R01-000001"))
    }
}
