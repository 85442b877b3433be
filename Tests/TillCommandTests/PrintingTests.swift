import Foundation
import Testing

@Suite struct PrintingTests {
    @Test func saleSlipsComeOutOfTheVirtualPrinterAsPNGAndTextWithAReadableReceiptCode() throws {
        let till = try TillProcess(config: "[printer]\nprofile = \"epson-tm-t88vi\"\n")
        defer { till.cleanUp() }
        let out = try till.run(["exec"], stdin: "signin 1001 1111\nscan MUG-01 2\ncash 50\n")
        let sale = try #require(events(out.lines).first { $0["event"] as? String == "saleCompleted" })
        let receipt = try #require(sale["receipt"] as? String)
        let text = try String(contentsOfFile: till.dataDir + "/slips/001.txt", encoding: .utf8)
        #expect(text.contains("RECEIPT \(receipt)"))
        #expect(text.contains("[cut"))
        // An independent decoder reads the receipt code off the printed paper.
        let zbar = Process()
        zbar.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        zbar.arguments = ["--quiet", "--raw", till.dataDir + "/slips/001.png"]
        let pipe = Pipe()
        zbar.standardOutput = pipe
        try zbar.run()
        let decoded = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        zbar.waitUntilExit()
        #expect(decoded.trimmingCharacters(in: .whitespacesAndNewlines).count == 24)   // shop, till, sequence, date, check digits
        // Scanning that code finds the sale for a refund.
        let code = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
        let refund = try till.run(["exec"], stdin: "signin 1001 1111\nrefund\nscan \(code)\n")
        #expect(events(refund.lines).contains { $0["event"] as? String == "saleFound" && $0["receipt"] as? String == receipt })
    }

    @Test func aRefundSlipLostToPaperOutIsRecordedReportedAndReprintedOnceLoaded() throws {
        let till = try TillProcess(config: "[printer]\nprofile = \"epson-tm-t88vi\"\n")
        defer { till.cleanUp() }
        let socket = till.dataDir + "/printer.sock"
        let session = try InteractiveTill(till, ["exec", "--printer-control", socket])
        session.send("signin 1001 1111")
        #expect(session.event("signedIn") != nil, "\(session.lastSeen)")
        #expect(try till.run(["printer", "fault", "--control", socket, "paper-out"], global: false).status == 0)
        for line in ["refund", "receipt S01-000002", "line 2 1", "reason DAMAGED", "confirm"] { session.send(line) }
        #expect(session.event("refundCompleted")?["refund"] as? String == "R01-000001", "\(session.lastSeen)")
        #expect(session.event("slipNotPrinted")?["cause"] as? String == "paper out — load paper", "\(session.lastSeen)")
        let unprinted = try till.run(["journal", "slips", "--unprinted"])
        #expect(unprinted.stdout.contains("R01-000001\trefund\tfailed\tpaper out — load paper"))
        #expect(try till.run(["printer", "fault", "--control", socket, "paper-load"], global: false).status == 0)
        session.send("reprint R01-000001")
        #expect(session.event("slipPrinted")?["reference"] as? String == "R01-000001", "\(session.lastSeen)")
        session.finish()
        let slip = try String(contentsOfFile: till.dataDir + "/slips/001.txt", encoding: .utf8)
        #expect(slip.contains("R01-000001"))
        #expect(!slip.contains("COPY"))
        #expect(try till.run(["journal", "slips", "--unprinted"]).stdout.isEmpty)
    }
}
