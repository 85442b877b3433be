import Synchronization
import Foundation
import Testing
import TillCore
import TillEscPos
@testable import TillVirtualPrinter

/// The virtual printer as a peer other software can trust: slips never overwritten, pages from
/// printers without a cutter, a second client answered, the receive buffer and paper speed.
@Suite struct PeerFaithfulnessTests {
    @Test func pagesFromOtherRunsAndTillsAreNeverOverwritten() throws {
        let dir = try temporaryFolder("till-pages")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Two runs one after the other, and two tills at once, all writing into one folder.
        var written: [String] = []
        for run in 0..<2 {
            let printer = VirtualPrinter(profile: try Profiles.epson)
            printer.receive(B.line("RUN \(run)") + B.fullCut)
            written += try PageWriter(directory: dir, font: nil).write(printer.takeNewPages())
        }
        let tills = (0..<2).map { _ in try? PageWriter(directory: dir, font: nil) }
        for (k, writer) in tills.enumerated() {
            let printer = VirtualPrinter(profile: try Profiles.epson)
            printer.receive(B.line("TILL \(k)") + B.fullCut + B.line("TILL \(k) REPRINT") + B.fullCut)
            written += try writer?.write(printer.takeNewPages()) ?? []
        }
        let texts = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }
        #expect(texts.count == 6 && written.count == 6)
        let all = try texts.map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }.joined()
        for label in ["RUN 0", "RUN 1", "TILL 0\n", "TILL 1\n", "TILL 0 REPRINT", "TILL 1 REPRINT"] {
            #expect(all.contains(label), "\(label) was overwritten")
        }
    }

    @Test(arguments: ["generic-58", "zijiang-zj-5870", "xprinter-xp-58"])
    func aPrinterWithoutACutterWritesAPageAtTheTearFeed(id: String) throws {
        let profile = try Profiles.load(id)
        let printer = VirtualPrinter(profile: profile)
        let slip = try SlipEncoder(profile: profile).encode(
            SlipDocument(kind: .refund, reference: "R01-000001", blocks: [.text("REFUND 12.50", .plain)], training: false)).bytes
        printer.receive(slip)
        #expect(printer.pages.count == 1)
        #expect(printer.pages.first?.text.contains("REFUND 12.50") == true)
        // The next slip is a page of its own.
        printer.receive(slip)
        #expect(printer.pages.count == 2)
    }

    @Test func anIdleGapOrTheConnectionClosingEndsAPageWithoutACut() throws {
        let printer = VirtualPrinter(profile: try Profiles.load("generic-58"))
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        server.start()
        defer { server.stop() }
        let link = try Link.tcp(port: server.port)
        link.send(B.initialize + B.line("NO FEED AFTER ME"))
        #expect(eventually { printer.pages.count == 1 }, "an idle gap ends the page")
        link.send(B.line("THEN THE LINK CLOSES"))
        link.close()
        #expect(eventually { printer.pages.count == 2 })
        #expect(printer.pages.last?.text.contains("THEN THE LINK CLOSES") == true)
    }

    @Test func aSecondClientIsServedWhenTheFirstLeavesOrRefusedNotLeftHanging() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        let refusals = Counter()
        server.onRefused = { _ in refusals.add() }
        server.start()
        defer { server.stop() }
        let first = try Link.tcp(port: server.port)
        first.send(B.dleEot(1))
        #expect(first.read(1) == [0x12])
        // While the first stays connected, a second is refused (closed), within the grace time.
        let second = try Link.tcp(port: server.port)
        #expect(second.read(1) == nil, "the second connection is closed")
        #expect(refusals.value == 1)
        second.close()
        // Once the first leaves, the next one is served.
        first.close()
        let third = try Link.tcp(port: server.port)
        defer { third.close() }
        third.send(B.dleEot(1))
        #expect(third.read(1) == [0x12])
    }

    @Test func aPacedPrinterAnswersRealTimeAtOnceAndInSequenceAfterPrinting() throws {
        var profile = try Profiles.epson
        profile.printSpeedMMPerSecond = 40
        let printer = VirtualPrinter(profile: profile, pace: .buffered)
        let replies = ReplyLog()
        printer.replyHandler = { replies.add($0) }
        // 40 lines (about 170 mm: 4 s at 40 mm/s), then GS r 1 behind them, then DLE EOT 1.
        let job = (0..<40).flatMap { B.line("LINE \($0)") } + B.gsR(1)
        #expect(printer.receive(job).isEmpty)
        #expect(printer.receive(B.dleEot(1)) == [0x12], "real-time: answered on arrival")
        #expect(replies.bytes.isEmpty, "GS r waits behind the lines still in the buffer")
        // A fault while the data is buffered: the paper runs out before the rest prints.
        printer.inject(.paperOut)
        printer.waitUntilPrinted()
        printer.inject(.paperLoad)
        printer.finish()
        #expect(replies.bytes.isEmpty, "GS r was lost with the rest while the printer was offline")
        let text = printer.pages.map(\.text).joined()
        #expect(!text.contains("LINE 39"))
        #expect(text.contains("bytes lost while the printer was offline"))
    }
}

final class Counter: Sendable {
    private let n = Mutex(0)
    func add() { n.withLock { $0 += 1 } }
    var value: Int { n.withLock { $0 } }
}

final class ReplyLog: Sendable {
    private let all = Mutex<[UInt8]>([])
    func add(_ b: [UInt8]) { all.withLock { $0 += b } }
    var bytes: [UInt8] { all.withLock { $0 } }
}
