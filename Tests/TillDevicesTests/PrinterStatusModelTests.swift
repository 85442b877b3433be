import Foundation
import Testing
import TillCore
import TillEscPos
import TillPorts
import TillVirtualPrinter
@testable import TillDevices

/// One printer status model: `PrinterStatus`. Whatever a printer reports, the bytes it sends
/// (DLE EOT 1–4, an ASB block, a GS r reply) decode to the same status on the host, however
/// the link splits them and whatever noise or stale replies come with them; the virtual
/// printer's replies are made from that model; the driver, the status bar and a failed print
/// read it as views.
struct PrinterStatusModelTests {
    static func seed() -> UInt64 {
        ProcessInfo.processInfo.environment["TILL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
    }

    /// Every combination of the seven fields, by its bits.
    static func status(bits: Int) -> PrinterStatus {
        var s = PrinterStatus()
        s.offline = bits & 1 != 0
        s.coverOpen = bits & 2 != 0
        s.paperNearEnd = bits & 4 != 0
        s.paperOut = bits & 8 != 0
        s.cutterError = bits & 16 != 0
        s.unrecoverableError = bits & 32 != 0
        s.drawerOpen = bits & 64 != 0
        return s
    }

    /// Bytes no reply can start or continue (bit 7 set): line noise.
    static func noise(_ rng: inout StreamFuzzer) -> [UInt8] {
        (0..<rng.below(4)).map { _ in UInt8(0x80 + rng.below(0x80)) }
    }

    static func pieces(_ bytes: [UInt8], _ rng: inout StreamFuzzer) -> [[UInt8]] {
        var out: [[UInt8]] = [], i = 0
        while i < bytes.count {
            let n = 1 + rng.below(5)
            out.append(Array(bytes[i..<min(bytes.count, i + n)]))
            i += n
        }
        return out
    }

    @Test func everyStatusRoundTripsThroughItsRepliesWhateverTheLinkDoes() {
        let seed = Self.seed()
        var rng = StreamFuzzer(seed: seed)
        for bits in 0..<128 {
            for _ in 0..<4 {
                let status = Self.status(bits: bits)
                let stale = Self.status(bits: rng.below(128))
                var framer = StatusReplyFramer()
                // An early answer (to an earlier query) is dropped before asking, as StatusQuery does.
                for piece in Self.pieces(PrinterStatus.queries.compactMap(stale.realTimeReply) + Self.noise(&rng), &rng) { framer.feed(piece) }
                framer.reset()
                // The replies, with an ASB block of another moment and noise among them, split anywhere.
                var wire: [UInt8] = Self.noise(&rng)
                for n in PrinterStatus.queries {
                    if let reply = status.realTimeReply(to: n) { wire.append(reply) }
                    if rng.below(3) == 0 { wire += stale.automaticStatusBackBlock }
                    wire += Self.noise(&rng)
                }
                wire += status.automaticStatusBackBlock
                for piece in Self.pieces(wire, &rng) { framer.feed(piece) }
                var decoded = PrinterStatus()
                for n in PrinterStatus.queries {
                    guard let reply = framer.next() else { Issue.record("seed \(seed): reply to \(n) lost for \(status)"); return }
                    decoded.apply(reply: reply, to: n)
                }
                #expect(decoded == status, "seed \(seed) (re-run: TILL_TEST_SEED=\(seed)): DLE EOT replies of \(status) read as \(decoded)")
                #expect(framer.next() == nil, "seed \(seed): a stray byte was taken for a reply")
                let blocks = framer.takeStatusBacks()
                #expect(blocks.last.flatMap(PrinterStatus.init(automaticStatusBack:)) == status, "seed \(seed): ASB of \(status)")
                #expect(blocks.allSatisfy { PrinterStatus(automaticStatusBack: $0) != nil })
                // GS r 1 carries the paper sensors only, and reads them the same.
                let paper = status.transmitStatusReply(1).flatMap(PrinterStatus.init(transmitStatus:))
                #expect(paper?.paperOut == status.paperOut && paper?.paperNearEnd == status.paperNearEnd, "seed \(seed): GS r of \(status)")
            }
        }
    }

    /// The status bar and a failed print are two views of one status and never disagree: the
    /// bar says ready or paper low exactly when nothing blocks a job, and names the blocking cause.
    @Test func theStatusBarAndTheBlockingCauseAreViewsOfTheSameStatus() {
        #expect(PrinterState(nil) == .unknown)
        for bits in 0..<128 {
            let status = Self.status(bits: bits)
            let bar = PrinterState(status)
            switch status.blockingFailure {
            case nil: #expect(bar == (status.paperNearEnd ? .paperLow : .ready), "\(status)")
            case .paperOut?: #expect(bar == .paperOut, "\(status)")
            case .coverOpen?: #expect(bar == .coverOpen, "\(status)")
            case .cutterJammed?, .printerError?: #expect(bar == .error, "\(status)")
            case .offline?: #expect(bar == .offline, "\(status)")
            case let other?: Issue.record("a status blocked with \(other)")
            }
        }
    }

    static let faults: [Fault] = [.paperNearEnd, .paperOut, .coverOpen, .offline, .drawerOpen]

    /// Generated fault sets: the virtual printer's DLE EOT and ASB bytes decode to what it says
    /// it reports, and the driver (over TCP, through its own query and framer) reads the same.
    @Test func theVirtualPrinterAndTheDriverReadTheSameStatus() throws {
        let seed = Self.seed()
        var rng = StreamFuzzer(seed: seed)
        let profile = try Fixtures.profile()
        for round in 0..<12 {
            let faults = Self.faults.filter { _ in rng.below(2) == 0 }
            let printer = VirtualPrinter(profile: profile, faults: faults)
            let reported = printer.condition.reported
            var decoded = PrinterStatus()
            for n in PrinterStatus.queries {
                let reply = printer.receive(EscPos.realTimeStatus(n))
                #expect(reply.count == 1, "seed \(seed) \(faults): DLE EOT \(n) answered \(reply)")
                if let byte = reply.first { decoded.apply(reply: byte, to: n) }
            }
            #expect(decoded == reported, "seed \(seed) (re-run: TILL_TEST_SEED=\(seed)) \(faults): \(decoded) vs \(reported)")
            // ASB (GS a goes through the buffer, so it is enabled while the printer is online): the
            // block sent on each change decodes to what the printer then reports.
            let watched = VirtualPrinter(profile: profile)
            var asb = watched.receive([0x1D, 0x61, 0x0F])
            #expect(PrinterStatus(automaticStatusBack: asb) == watched.condition.reported, "seed \(seed): first ASB \(asb)")
            for fault in faults {
                let sent = watched.inject(fault)
                if !sent.isEmpty { asb = Array(sent.suffix(4)) }
            }
            #expect(PrinterStatus(automaticStatusBack: asb) == reported, "seed \(seed) \(faults): ASB \(asb)")
            if round < 4 {
                let lp = try LoopbackPrinter(printer: VirtualPrinter(profile: profile, faults: faults))
                defer { lp.stop() }
                #expect(try lp.driver.checkStatus() == reported, "seed \(seed) \(faults)")
                #expect(lp.driver.currentState() == PrinterState(reported), "seed \(seed) \(faults)")
            }
        }
    }
}
