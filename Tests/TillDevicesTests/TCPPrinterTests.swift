import Synchronization
import Foundation
import Testing
import TillCore
import TillDevices
import TillEscPos
import TillRuntime
import TillVirtualPrinter

/// The driver over TCP against the virtual printer on loopback, one injected fault at a time.
@Suite struct TCPPrinterTests {
    @Test func aSlipPrintsAsOneJobWithStatusBeforeAndAfter() throws {
        let lp = try LoopbackPrinter()
        defer { lp.stop() }
        #expect(lp.driver.print(Fixtures.slip("HELLO TILL")) == .printed)
        #expect(lp.pagesText().contains("HELLO TILL"))
        #expect(lp.driver.state == .idle)
        #expect(lp.driver.lastStatus?.paperOut == false)
    }

    @Test(arguments: [
        ("paper-out", PrintFailure.paperOut),
        ("cover-open", PrintFailure.coverOpen),
        ("offline", PrintFailure.offline),
    ])
    func aPrinterThatCannotPrintFailsTheJobWithItsCauseAndGetsNothing(fault: String, cause: PrintFailure) throws {
        let lp = try LoopbackPrinter(faults: [try Fault(parsing: fault)])
        defer { lp.stop() }
        #expect(lp.driver.print(Fixtures.slip()) == .failed(cause: cause))
        #expect(lp.driver.state == .error(cause: cause.text.en))
        lp.printer.finish()
        #expect(lp.printer.pages.allSatisfy { !$0.text.contains("HELLO TILL") })
    }

    @Test func paperNearEndStillPrintsAndIsReportedAsAProperty() throws {
        let lp = try LoopbackPrinter(faults: [.paperNearEnd])
        defer { lp.stop() }
        #expect(lp.driver.print(Fixtures.slip()) == .printed)
        #expect(lp.driver.lastStatus?.paperNearEnd == true)
        #expect(lp.driver.lastStatus?.paperOut == false)
    }

    @Test func paperRunningOutPartWayFailsTheJobOnTheStatusAfter() throws {
        let lp = try LoopbackPrinter(faults: [.paperOutAfter(millimetres: 5)])
        defer { lp.stop() }
        #expect(lp.driver.print(Fixtures.slip(lines: 40)) == .failed(cause: "paper out — load paper"))
        #expect(lp.driver.lastStatus?.paperOut == true)
    }

    @Test func garbageRepliesAreToleratedAndStatusStillRead() throws {
        let lp = try LoopbackPrinter(faults: [.garbage(true)])
        defer { lp.stop() }
        #expect(lp.driver.print(Fixtures.slip()) == .printed)
        lp.printer.inject(.paperOut)
        #expect(lp.driver.print(Fixtures.slip()) == .failed(cause: "paper out — load paper"))
    }

    @Test func aDroppedConnectionIsOfflineAndTheNextJobReconnects() throws {
        let lp = try LoopbackPrinter()
        defer { lp.stop() }
        lp.printer.inject(.disconnectAfter(bytes: 40))
        let outcome = lp.driver.print(Fixtures.slip(lines: 20))
        #expect(outcome != .printed)
        if case .offline = lp.driver.state {} else { Issue.record("state \(lp.driver.state)") }
        // The printer is back (the server accepts again): the next job reconnects and prints.
        #expect(lp.driver.print(Fixtures.slip("AFTER RECONNECT")) == .printed)
        #expect(lp.pagesText(expecting: 2).contains("AFTER RECONNECT"))
    }

    @Test func aSlowLinkIsWaitedForNotTimedOut() throws {
        let lp = try LoopbackPrinter(faults: [.baud(19200)])
        defer { lp.stop() }
        let job = try SlipEncoder(profile: lp.driver.profile).encode(Fixtures.slip(lines: 20)).bytes
        let started = Date()
        #expect(lp.driver.printJob(job) == .printed)
        // 10 bits per byte at 19200 baud: the job alone takes this long on the wire.
        #expect(Date().timeIntervalSince(started) >= Double(job.count * 10) / 19200 * 0.9)
    }

    @Test func aPrinterThatNeverAnswersFailsWithinTheTimeout() throws {
        // A listener that accepts and never replies (a printer without status, or hung).
        let silent = try SilentListener()
        defer { silent.stop() }
        let driver = PrinterDriver(transport: TCPTransport(host: "127.0.0.1", port: silent.port), profile: try Fixtures.profile(),
                                   timing: Fixtures.timing)
        driver.start()
        let outcome = driver.print(Fixtures.slip())
        #expect(outcome == .failed(cause: "printer offline — it does not answer: check the power and the cable"))
    }

    @Test func nothingListeningIsOfflineWithTheCauseAndNoHang() throws {
        let silent = try SilentListener()
        let port = silent.port
        silent.stop()
        let driver = PrinterDriver(transport: TCPTransport(host: "127.0.0.1", port: port), profile: try Fixtures.profile(),
                                   timing: Fixtures.timing)
        driver.start()
        guard case .failed(let cause) = driver.print(Fixtures.slip()) else { Issue.record("printed"); return }
        #expect(cause.code == "unreachable")
        #expect(cause.text.en.contains("printer offline: cannot connect to tcp://127.0.0.1:\(port)"))
    }

    @Test func submittedJobsRunInOrderOffTheCallersThread() throws {
        let lp = try LoopbackPrinter()
        defer { lp.stop() }
        let log = OutcomeLog()
        let caller = pthread_self()
        for i in 1...3 {
            lp.driver.submit(Fixtures.slip("JOB \(i)")) { outcome in
                log.add(i, outcome, onCallersThread: pthread_equal(pthread_self(), caller) != 0)
            }
        }
        lp.driver.waitForQueuedJobs()
        // Structural, not timed: the jobs ran on the driver's own thread, never the submitter's.
        #expect(log.ranOnCallersThread == false)
        #expect(log.entries.map(\.0) == [1, 2, 3])
        #expect(log.entries.allSatisfy { $0.1 == .printed })
        let text = lp.pagesText(expecting: 3)
        let positions = (1...3).compactMap { text.range(of: "JOB \($0)")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
    }

    @Test func theDrawerKickIsOneJobAndTheDrawerReadsOpen() throws {
        let lp = try LoopbackPrinter()
        defer { lp.stop() }
        lp.printer.inject(.drawerOpen)
        #expect(lp.driver.openDrawer() == .printed)
        #expect(lp.driver.lastStatus?.drawerOpen == true)
    }
}

final class OutcomeLog: Sendable {
    private let log = Mutex<(list: [(Int, PrintOutcome)], onCaller: Bool)>(([], false))
    func add(_ i: Int, _ o: PrintOutcome, onCallersThread: Bool = false) {
        log.withLock { $0.list.append((i, o)); $0.onCaller = $0.onCaller || onCallersThread }
    }
    var ranOnCallersThread: Bool { log.withLock { $0.onCaller } }
    var entries: [(Int, PrintOutcome)] { log.withLock { $0.list } }
}

/// A loopback TCP listener that accepts one connection and never sends a byte.
final class SilentListener: Sendable {
    let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        listen(fd, 4)
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = UInt16(bigEndian: addr.sin_port)
    }

    func stop() { close(fd) }
}
