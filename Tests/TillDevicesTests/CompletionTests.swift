import TillSerial
import Synchronization
import Foundation
import Testing
import TillCore
import TillDevices
import TillEscPos
import TillRuntime
import TillVirtualPrinter

/// A job counts as printed only when the printer says so after processing its bytes. These
/// run against the virtual printer with a receive buffer at paper speed, over real loopback
/// TCP and real pseudo-terminals at real line speeds.
@Suite struct CompletionTests {
    /// A slow printer (40 mm/s) whose paper runs out 30 mm into a 40-line slip.
    static func slowPrinter(_ id: String = "epson-tm-t88vi", faults: [Fault] = []) throws -> VirtualPrinter {
        var profile = try Fixtures.profile(id)
        profile.printSpeedMMPerSecond = 40
        return VirtualPrinter(profile: profile, faults: faults, pace: .buffered)
    }

    static func job(_ profile: PrinterProfile, lines: Int) throws -> [UInt8] {
        try SlipEncoder(profile: profile).encode(Fixtures.slip("REFUND LINE", lines: lines)).bytes
    }

    @Test func theOldAfterJobStatusCheckSaysReadyWhileTheConfirmationCatchesThePaperOut() throws {
        // The old check, reproduced: send the job, then ask DLE EOT 1–4 at once. The printer
        // answers from ahead of its buffer, before the paper has moved.
        let old = try Self.slowPrinter(faults: [.paperOutAfter(millimetres: 30)])
        let oldServer = try TCPPrinterServer(printer: old, host: "127.0.0.1", port: 0)
        oldServer.start()
        defer { oldServer.stop() }
        let link = TCPTransport(host: "127.0.0.1", port: oldServer.port, connectTimeout: 2)
        try link.open()
        defer { link.close() }
        try link.write(try Self.job(old.profile, lines: 40), timeout: 3)
        try link.write(PrinterStatus.queries.flatMap { EscPos.realTimeStatus($0) }, timeout: 3)
        var framer = StatusReplyFramer()
        var status = PrinterStatus()
        for n in PrinterStatus.queries {
            let deadline = Date().addingTimeInterval(Run.patience)   // a bound against a hang
            var reply = framer.next()
            while reply == nil && Date() < deadline {
                framer.feed(try link.read(timeout: 0.1))
                reply = framer.next()
            }
            status.apply(reply: try #require(reply), to: n)
        }
        #expect(status.blockingCause == nil, "the old check believed the slip printed")
        old.waitUntilPrinted()
        #expect(old.condition.paperOut, "…yet the paper ran out part-way")

        // The driver's confirmation on the same printer and fault: failed, with the cause.
        let lp = try LoopbackPrinter(printer: try Self.slowPrinter(faults: [.paperOutAfter(millimetres: 30)]))
        defer { lp.stop() }
        #expect(lp.driver.printJob(try Self.job(lp.printer.profile, lines: 40)) == .failed(cause: "paper out — load paper"))
        #expect(lp.driver.lastStatus?.paperOut == true)
    }

    @Test(arguments: ["epson-tm-t88vi", "xprinter-xp-n160ii"])  // GS ( H and GS r confirmation
    func aJobIsPrintedOnlyOnceTheConfirmationArrives(id: String) throws {
        let lp = try LoopbackPrinter(printer: try Self.slowPrinter(id))
        defer { lp.stop() }
        #expect(lp.driver.printJob(try Self.job(lp.printer.profile, lines: 12)) == .printed)
        // Printed means on paper: the page is complete by the time the driver says so.
        let text = lp.printer.pages.map(\.text).joined()
        #expect(text.contains("REFUND LINE 11"))
    }

    @Test func noConfirmationIsUnknownNeverPrinted() throws {
        // The driver expects a process ID response; this printer model never sends one.
        var silent = try Fixtures.profile()
        silent.completion = CompletionMethod.none
        let printer = VirtualPrinter(profile: silent, pace: .buffered)
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        server.start()
        defer { server.stop() }
        var timing = Fixtures.timing
        timing.confirmationSlack = 0.3
        for completion in [CompletionMethod.processId, .none] {
            var driverProfile = try Fixtures.profile()
            driverProfile.completion = completion
            let driver = PrinterDriver(transport: TCPTransport(host: "127.0.0.1", port: server.port, connectTimeout: 2),
                                       profile: driverProfile, timing: timing)
            driver.start()
            guard case .unknown = driver.printJob(try Self.job(driverProfile, lines: 3)) else {
                Issue.record("\(completion): not unknown"); driver.close(); continue
            }
            driver.close()
        }
    }

    /// A refund slip at 9600 baud over a pseudo-terminal; the fault strikes and clears while it
    /// is on its way (times drawn from a printed seed). Whatever was lost, the slip is failed
    /// with the fault's cause.
    @Test(arguments: [
        (Fault.coverOpen, Fault.coverClose, PrintFailure.coverOpen),
        (Fault.offline, Fault.online, PrintFailure.offline),
        (Fault.paperOut, Fault.paperLoad, PrintFailure.paperOut),
    ])
    func aFaultThatComesAndGoesDuringTheJobFailsIt(fault: Fault, undo: Fault, cause: PrintFailure) throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = StreamFuzzer(seed: seed)  // its generator: seeded, so the case replays
        let printer = VirtualPrinter(profile: try Fixtures.profile(), faults: [.baud(9600)], pace: .buffered)
        let server = try PTYPrinterServer(printer: printer)
        server.start()
        defer { server.stop() }
        let driver = PrinterDriver(transport: SerialTransport(path: server.slavePath, settings: SerialLineSettings(baud: 9600)),
                                   profile: printer.profile, timing: Fixtures.timing)
        driver.start()
        defer { driver.close() }
        let job = try Self.job(printer.profile, lines: 60)  // about 1.5 s at 9600 baud
        let result = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let box = DriverBox(driver)
        Thread.detachNewThread {
            result.set(box.driver.printJob(job))
            done.signal()
        }
        let start = Double(rng.random() % 500) / 1000    // 0.1…0.6 s into the job (see below)
        // 250…550 ms: longer than the driver's poll interval (0.2 s), so the poll catches it even if
        // the automatic status back were lost; shorter faults rest on ASB alone (see the README).
        let length = 0.25 + Double(rng.random() % 300) / 1000
        // The offset counts from the job on the wire, not from this thread: on a loaded machine the
        // driver's thread may not even have started by then, and a fault that came and went before
        // the job would (rightly) let it print. About 0.1 s of the job at 9600 baud is 96 bytes.
        let underWay = Date().addingTimeInterval(Run.patience)
        while printer.bytesReceived < 128 && Date() < underWay { usleep(1_000) }
        #expect(printer.bytesReceived >= 128, "seed \(seed): the job never reached the printer")
        usleep(useconds_t(start * 1_000_000))
        printer.inject(fault)
        usleep(useconds_t(length * 1_000_000))
        printer.inject(undo)
        #expect(done.wait(timeout: .now() + Run.patience) == .success)
        #expect(result.value == .failed(cause: cause), "seed \(seed): \(fault) at \(start) s after 128 bytes of the job, for \(length) s")
    }

    @Test(arguments: [(1200, 6), (4800, 20)])
    func aSlowLinkIsWaitedForAsLongAsTheJobTakes(baud: Int, lines: Int) throws {
        let printer = VirtualPrinter(profile: try Fixtures.profile(), faults: [.baud(baud)], pace: .buffered)
        let server = try PTYPrinterServer(printer: printer)
        server.start()
        defer { server.stop() }
        let driver = PrinterDriver(transport: SerialTransport(path: server.slavePath, settings: SerialLineSettings(baud: baud)),
                                   profile: printer.profile, timing: Fixtures.timing)
        driver.start()
        defer { driver.close() }
        #expect(driver.printJob(try Self.job(printer.profile, lines: lines)) == .printed)
        #expect(printer.pages.map(\.text).joined().contains("REFUND LINE \(lines - 1)"))
    }
}

final class OutcomeBox: Sendable {
    private let stored = Mutex<PrintOutcome?>(nil)
    func set(_ o: PrintOutcome) { stored.withLock { $0 = o } }
    var value: PrintOutcome? { stored.withLock { $0 } }
}

/// Hands the driver to the printing thread (the test only reads its outcome back).
final class DriverBox: Sendable {
    let driver: PrinterDriver
    init(_ d: PrinterDriver) { driver = d }
}
