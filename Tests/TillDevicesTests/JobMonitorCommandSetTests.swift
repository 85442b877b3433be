import Testing
import TillCore
@testable import TillDevices
import TillEscPos
import TillGraphics

/// The job monitor's status polls and reply framing come from the command set the profile
/// names (`PrinterCommandSet`): another printer language (Star Line mode, say) is a new
/// conformance with its own queries and framer, and the driver's job watch uses them as is.
@Suite struct JobMonitorCommandSetTests {
    /// A link that answers each write with scripted bytes and keeps what was written.
    final class ScriptedLink: PrinterTransport {
        var writes: [[UInt8]] = []
        var pending: [UInt8] = []
        let answer: ([UInt8]) -> [UInt8]
        init(answer: @escaping ([UInt8]) -> [UInt8]) { self.answer = answer }
        func open() throws {}
        func write(_ bytes: [UInt8], timeout: Double) throws { writes.append(bytes); pending += answer(bytes) }
        func read(timeout: Double) throws -> [UInt8] { defer { pending = [] }; return pending }
        func close() {}
        var isOpen: Bool { true }
        var name: String { "scripted" }
    }

    /// A made-up language: one status query `ESC v`, answered by `0x80 | flags`, where bit 0
    /// means paper out; an unasked report is `0xC0 | flags`.
    struct ToyCommandSet: PrinterCommandSet {
        struct Framer: PrinterReplyFraming {
            var replies: [UInt8] = []
            var unasked: [PrinterStatus] = []
            mutating func feed(_ bytes: [UInt8]) {
                for byte in bytes {
                    if byte & 0xC0 == 0xC0 {
                        var status = PrinterStatus()
                        status.paperOut = byte & 1 != 0
                        unasked.append(status)
                    } else if byte & 0x80 != 0 {
                        // Handed on as the reply to query 4 in the status model's terms (paper end: bits 5, 6).
                        replies.append(byte & 1 != 0 ? 0b0111_0010 : 0b0001_0010)
                    }
                }
            }
            mutating func next() -> UInt8? { replies.isEmpty ? nil : replies.removeFirst() }
            mutating func takeUnsolicitedStatuses() -> [PrinterStatus] { defer { unasked = [] }; return unasked }
            mutating func takeProcessIds() -> [[UInt8]] { [] }
            mutating func takeTransmitStatusReplies() -> [UInt8] { [] }
        }
        var id: String { "toy" }
        func slipEncoder(_ profile: PrinterProfile) -> any SlipEncoding { SlipEncoder(profile: profile) }
        var statusQueries: [UInt8] { [4] }
        func statusQuery(_ n: UInt8) -> [UInt8] { [0x1B, 0x76] }
        func makeReplyFramer() -> any PrinterReplyFraming { Framer() }
        func drawerKick(pin: Int, pulseMs: Int) -> [UInt8] { [0x07] }
        func nvDefine(key: (UInt8, UInt8), image: Bitmap) -> [UInt8] { [] }
        func nvPrint(key: (UInt8, UInt8)) -> [UInt8] { [] }
        func nvDeleteAll() -> [UInt8] { [] }
    }

    @Test func theMonitorPollsAndFramesWithTheCommandSetItIsGiven() throws {
        let link = ScriptedLink { $0 == [0x1B, 0x76] ? [0x80] : [] }
        var monitor = JobMonitor(transport: link, timing: DriverTiming(), commands: ToyCommandSet())
        try monitor.pollIfDue()
        #expect(link.writes == [[0x1B, 0x76]])  // the toy's query, not DLE EOT 1…4
        try monitor.absorb(timeout: 0.01)
        #expect(!monitor.pollPending && monitor.fault == nil)
        // The toy's unasked report of paper out fails the job; an ESC/POS framer would not read it.
        link.pending = [0xC1]
        try monitor.absorb(timeout: 0.01)
        #expect(monitor.fault == .paperOut)
    }

    @Test func anEscPosProfileGetsTheEscPosFramerAndQueries() throws {
        let profile = try Fixtures.profile("epson-tm-t88vi")
        #expect(profile.commands.makeReplyFramer() is StatusReplyFramer)
        // An automatic status back block saying paper end (byte 3, bits 2–3) fails the job.
        let link = ScriptedLink { _ in [] }
        var monitor = JobMonitor(transport: link, timing: DriverTiming(), commands: profile.commands)
        try monitor.pollIfDue()
        #expect(link.writes == [[0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]])
        link.pending = [0x10, 0x00, 0x0C, 0x00]
        try monitor.absorb(timeout: 0.01)
        #expect(monitor.fault == .paperOut)
    }
}
