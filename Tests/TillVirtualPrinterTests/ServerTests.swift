import Foundation
import Testing
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter
#if canImport(Glibc)
import Glibc
#endif

/// A test client on a file descriptor: writes, and reads with a deadline (never hangs).
struct Link {
    let fd: Int32

    static func tcp(port: UInt16) throws -> Link {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard r == 0 else { throw SystemCallError("connect") }
        return Link(fd: fd)
    }

    func send(_ bytes: [UInt8]) { Sockets.writeAll(fd, bytes) }

    /// Reads until `count` bytes arrived or `timeout` passed; nil when the peer closed. The
    /// default is a bound against a hang (a loaded machine can hold the server for seconds);
    /// the read ends as soon as the bytes come or the link closes.
    func read(_ count: Int, timeout: Double = patience) -> [UInt8]? {
        var got: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        while got.count < count {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { break }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, Int32(left * 1000)) > 0 else { break }
            guard let bytes = Sockets.readSome(fd, max: count - got.count) else { return got.isEmpty ? nil : got }
            got += bytes
        }
        return got
    }

    func close() { _ = Glibc.close(fd) }
}

/// How long a wait may take before a test gives up: never what a test checks.
let patience: Double = 60

/// Waits (bounded) until `condition` holds.
func eventually(_ timeout: Double = patience, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

@Suite(.serialized) struct ServerTests {
    @Test func tcpJobAndStatusInEachFaultState() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        server.start()
        defer { server.stop() }
        #expect(server.port != 0)

        let link = try Link.tcp(port: server.port)
        link.send(B.initialize + B.line("over tcp") + B.partialCut + B.dleEot(1))
        #expect(link.read(1) == [0x12])
        #expect(eventually { printer.pages.count == 1 })
        #expect(printer.pages.first?.text == "over tcp\n[cut partial]\n")

        let states: [(Fault, Fault, [UInt8], [UInt8])] = [
            // fault, its undo, DLE EOT 1…4, GS r 1 (empty: not answered)
            (.paperNearEnd, .paperNearEndClear, [0x12, 0x12, 0x12, 0x1E], [0x03]),
            (.paperOut, .paperLoad, [0x1A, 0x32, 0x12, 0x7E], []),
            (.coverOpen, .coverClose, [0x1A, 0x16, 0x12, 0x12], []),
            (.offline, .online, [0x1A, 0x12, 0x12, 0x12], []),
        ]
        for (fault, undo, eot, gsR) in states {
            printer.inject(fault)
            for n in 1...4 {
                link.send(B.dleEot(UInt8(n)))
                #expect(link.read(1) == [eot[n - 1]], "\(fault) DLE EOT \(n)")
            }
            link.send(B.gsR(1))
            #expect(link.read(1, timeout: gsR.isEmpty ? 0.3 : patience) == gsR, "\(fault) GS r 1")  // 0.3 s: an absence
            // A job sent now prints only if the printer is online.
            link.send(B.line("job during \(fault)") + B.partialCut)
            link.send(B.dleEot(1))
            _ = link.read(1)
            printer.inject(undo)
        }
        link.close()
        #expect(eventually { printer.pages.count >= 2 })
        let all = printer.pages.map(\.text).joined()
        #expect(all.contains("job during near-end"))
        #expect(!all.contains("job during paper-out") && !all.contains("job during cover-open") && !all.contains("job during offline"))
    }

    @Test func automaticStatusBackReachesTheClientOnARuntimeFault() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        server.start()
        defer { server.stop() }
        let control = try ControlServer(path: tempPath("ctl"), printer: printer)
        control.start()
        defer { control.stop() }

        let link = try Link.tcp(port: server.port)
        defer { link.close() }
        link.send(B.gsA(0x0F))
        #expect(link.read(4) == [0x10, 0, 0, 0])
        #expect(try ControlClient.send(["cover-open"], to: control.path) == ["ok cover-open"])
        #expect(link.read(4) == [0x38, 0, 0, 0])
        #expect(try ControlClient.send(["cover-close", "status"], to: control.path) == ["ok cover-close", "ok online"])
        #expect(link.read(4) == [0x10, 0, 0, 0])
    }

    @Test func controlSocketRejectsUnknownWordsWithTheList() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson)
        let control = try ControlServer(path: tempPath("ctl"), printer: printer)
        control.start()
        defer { control.stop() }
        let answers = try ControlClient.send(["paper-out-after 30mm", "explode", "baud fast"], to: control.path)
        #expect(answers[0] == "ok paper-out-after 30.0mm")
        #expect(answers[1].hasPrefix("error: cannot read fault 'explode': unknown fault") && answers[1].contains("cover-open"))
        #expect(answers[2].contains("give a baud rate"))
    }

    @Test func disconnectAfterNBytesDropsTheConnectionAndTheNextOneWorks() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, faults: [.disconnectAfter(bytes: 12)])
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        server.start()
        defer { server.stop() }
        let first = try Link.tcp(port: server.port)
        first.send(B.initialize + B.line("0123456789ABCDEF") + B.partialCut)
        #expect(first.read(1) == nil)  // closed by the printer
        first.close()
        let second = try Link.tcp(port: server.port)
        second.send(B.initialize + B.line("second") + B.partialCut + B.dleEot(1))
        #expect(second.read(1) == [0x12])
        second.close()
        #expect(eventually { printer.pages.map(\.text).contains("second\n[cut partial]\n") })
        // The first job was cut off after 12 bytes: ESC @ and ten characters.
        #expect(printer.pages.first?.text == "0123456789\n")
    }

    @Test func slowLinkThrottlesToTheBaudRate() throws {
        let printer = VirtualPrinter(profile: try Profiles.epson, faults: [.baud(9600)])
        let server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        server.start()
        defer { server.stop() }
        let link = try Link.tcp(port: server.port)
        defer { link.close() }
        let started = Date()
        // 480 bytes at 9600 baud (960 bytes/s) take 0.5 s before the status request is read.
        link.send(B.line(String(repeating: "x", count: 479)) + B.dleEot(1))
        #expect(link.read(1) == [0x12])
        let elapsed = Date().timeIntervalSince(started)
        // A lower bound only: the link cannot be faster than its baud rate; a loaded machine may be slower.
        #expect(elapsed > 0.4, "took \(elapsed) s")
    }

    @Test func ptyCarriesAJobAndStatus() throws {
        let printer = VirtualPrinter(profile: try Profiles.generic80)
        let server = try PTYPrinterServer(printer: printer)
        server.start()
        defer { server.stop() }
        #expect(server.slavePath.hasPrefix("/dev/pts/"))
        let fd = open(server.slavePath, O_RDWR | O_NOCTTY)
        try #require(fd >= 0)
        let link = Link(fd: fd)
        defer { link.close() }
        // Raw mode: bytes such as 0x0A, 0x0D, 0x03, 0x11 pass untouched.
        link.send(B.initialize + B.line("via pty \u{1}") + [0x0D, 0x03, 0x11, 0x0A] + B.partialCut + B.dleEot(4))
        #expect(link.read(1) == [0x12])
        #expect(eventually { printer.pages.count == 1 })
        #expect(printer.pages.first?.text.hasPrefix("via pty") == true)
    }

    @Test func pageWriterWritesNumberedPNGAndText() throws {
        let dir = tempPath("out")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let printer = VirtualPrinter(profile: try Profiles.generic80)
        printer.receive(B.initialize + B.line("one") + B.partialCut + B.line("two") + B.partialCut)
        let writer = try PageWriter(directory: dir, font: nil)
        let lines = try writer.write(printer.takeNewPages())
        #expect(lines.count == 2 && lines[0].hasPrefix("001 cut partial") && lines[1].hasPrefix("002 cut partial"))
        #expect(try String(contentsOfFile: dir + "/002.txt", encoding: .utf8) == "two\n[cut partial]\n")
        #expect(try PNG.decode(Array(Data(contentsOf: URL(fileURLWithPath: dir + "/001.png")))).width == 576)
        #expect(printer.takeNewPages().isEmpty)
    }
}

func tempPath(_ stem: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("till-vp-\(stem)-\(UUID().uuidString.prefix(8))").path
}
