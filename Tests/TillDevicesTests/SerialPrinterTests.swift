import TillSerial
import Foundation
import Testing
import TillDevices
import TillVirtualPrinter

/// Serial printers through real pseudo-terminals: termios settings, a job to the virtual
/// printer's pty, and XOFF/XON really pausing the writer.
@Suite struct SerialPrinterTests {
    @Test func aJobPrintsOverAPseudoTerminalAt9600WithXonXoff() throws {
        let printer = VirtualPrinter(profile: try Fixtures.profile())
        let server = try PTYPrinterServer(printer: printer)
        server.start()
        defer { server.stop() }
        let settings = SerialLineSettings(baud: 9600, flow: .xonxoff)
        let driver = PrinterDriver(transport: SerialTransport(path: server.slavePath, settings: settings),
                                   profile: try Fixtures.profile(), timing: Fixtures.timing)
        driver.start()
        defer { driver.close() }
        #expect(driver.print(Fixtures.slip("OVER THE SERIAL LINE")) == .printed)
        let deadline = Date().addingTimeInterval(Run.patience)   // a bound against a hang, not a timing check
        while printer.pages.isEmpty && Date() < deadline { usleep(10_000) }
        #expect(printer.pages.first?.text.contains("OVER THE SERIAL LINE") == true)
    }

    @Test func xoffPausesTheWriterUntilXon() throws {
        var master: Int32 = -1, slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        #expect(openpty(&master, &slave, &name, nil, nil) == 0)
        defer { close(master); close(slave) }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let transport = SerialTransport(path: path, settings: SerialLineSettings(baud: 9600, flow: .xonxoff))
        try transport.open()
        defer { transport.close() }

        // What the kernel holds for the line: 9600 baud, 8 bits, IXON/IXOFF.
        var t = termios()
        #expect(tcgetattr(master, &t) == 0)
        #expect(cfgetospeed(&t) == speed_t(B9600))
        #expect(t.c_iflag & tcflag_t(IXON) != 0 && t.c_iflag & tcflag_t(IXOFF) != 0)
        #expect(t.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8) && t.c_cflag & tcflag_t(PARENB) == 0)

        // The printer says XOFF: the line takes nothing more, and a write gives up at its timeout
        // naming flow control. The kernel reads what the master writes on a worker of its own, in
        // order: once a byte sent after the XOFF reaches the slave, the XOFF has been taken (a
        // fixed pause here was a race on a loaded machine).
        #expect(write(master, [UInt8(0x13), UInt8(ascii: "M")], 2) == 2)
        #expect(readAll(slave, until: 1) == [UInt8(ascii: "M")], "the byte after XOFF never reached the line")
        let job = Array("PAUSED THEN SENT\n".utf8)
        #expect { try transport.write(job, timeout: 0.3) } throws: { ($0 as? PrinterDeviceError)?.kind == .timeout }
        #expect(readAll(master, for: 0.1).isEmpty)

        // A write under way waits while XOFF holds…
        let done = DispatchSemaphore(value: 0)
        let box = TransportBox(transport)
        Thread.detachNewThread {
            // A bound against a hang: XON below, not this timeout, is what lets the write finish.
            try? box.transport.write(job, timeout: Run.patience)
            done.signal()
        }
        #expect(readAll(master, for: 0.3).isEmpty)
        #expect(done.wait(timeout: .now()) == .timedOut)
        // …and XON lets the same bytes flow, whole and in order.
        #expect(write(master, [UInt8(0x11)], 1) == 1)
        #expect(done.wait(timeout: .now() + Run.patience) == .success)
        #expect(readAll(master, until: job.count) == job)
    }

    @Test func aMissingPortIsOfflineNamingThePath() throws {
        let transport = SerialTransport(path: "/dev/ttyUSB-none", settings: SerialLineSettings())
        #expect { try transport.open() } throws: { ($0 as? PrinterDeviceError)?.message.en == "printer offline: /dev/ttyUSB-none does not exist" }
    }

    /// Reads until `count` bytes came (or `Run.patience` passed: a bound against a hang).
    func readAll(_ fd: Int32, until count: Int) -> [UInt8] {
        var out: [UInt8] = []
        let deadline = Date().addingTimeInterval(Run.patience)
        while out.count < count && Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 50) > 0 else { continue }
            var buf = [UInt8](repeating: 0, count: count - out.count)
            let n = read(fd, &buf, count - out.count)
            if n > 0 { out += buf.prefix(n) }
        }
        return out
    }

    func readAll(_ fd: Int32, for seconds: Double) -> [UInt8] {
        var out: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 50) > 0 else { continue }
            var buf = [UInt8](repeating: 0, count: 256)
            let n = read(fd, &buf, 256)
            if n > 0 { out += buf.prefix(n) }
        }
        return out
    }
}

/// Hands the transport to the writer thread. Safe (`@unchecked Sendable`) because the test
/// does not touch the transport between starting that thread and `done.wait` returning
/// `.success` (it only reads the pty master), so the transport is never used by two threads
/// at once.
final class TransportBox: @unchecked Sendable {
    let transport: SerialTransport
    init(_ t: SerialTransport) { transport = t }
}
