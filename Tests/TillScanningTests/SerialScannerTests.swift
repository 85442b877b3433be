import TillSerial
import Glibc
import Testing
import TillCore
@testable import TillScanning

/// A serial scanner through the kernel's tty layer: bytes written to a pty master, read by
/// `SerialScanner` on the slave with the termios settings it applied.
@Suite(.serialized) struct SerialScannerTests {
    private func text(_ scan: RawScan?) -> String? { scan.map { String(decoding: $0.bytes, as: UTF8.self) } }

    @Test func baudAndFlowAreAppliedToTheLine() throws {
        let pty = try PseudoTerminal()
        for (baud, flow) in [(19200, SerialLineSettings.Flow.xonxoff), (115200, .rtscts), (9600, .none)] {
            let scanner = try SerialScanner(path: pty.slavePath, settings: SerialLineSettings(baud: baud, flow: flow), suffix: .cr)
            let line = try pty.termiosOnMaster()
            #expect(line.baud == baud)
            #expect(line.xonXoff == (flow == .xonxoff))
            #expect(line.rtsCts == (flow == .rtscts))
            #expect(line.dataBits == 8 && !line.parity && !line.twoStopBits)
            #expect(!line.canonical && !line.echo)
            #expect(try scanner.port.applied() == line)
            scanner.close()
        }
    }

    @Test func aimPrefixedScansWithCRSuffix() throws {
        let pty = try PseudoTerminal()
        let scanner = try SerialScanner(path: pty.slavePath, settings: SerialLineSettings(baud: 9600), suffix: .cr)
        pty.send("]E09780201379624\r]C10109506000134352" + "3103001250\r]A0CODE39\r]I115400141288763\r")
        let scans = try (0..<4).map { _ in try scanner.nextScan(timeoutMs: 2000) }
        #expect(scans.map(text) == ["]E09780201379624", "]C101095060001343523103001250", "]A0CODE39", "]I115400141288763"])
        let meaning = scans.compactMap { $0 }.map { ScanInterpreter().interpret($0.bytes) }
        #expect(meaning.map(\.symbology) == [.ean13, .gs1_128, .code39, .itf14])
        #expect(meaning[1].registerAction() == .success(.codeEntered("9506000134352", quantity: Quantity(thousandths: 1250))))
    }

    @Test(arguments: [(ScanSuffix.cr, "\r"), (.lf, "\n"), (.crlf, "\r\n")])
    func suffixVariants(suffix: ScanSuffix, terminator: String) throws {
        let pty = try PseudoTerminal()
        let scanner = try SerialScanner(path: pty.slavePath, settings: SerialLineSettings(baud: 9600), suffix: suffix)
        pty.send("4006381333931" + terminator + "96385074" + terminator)
        #expect(text(try scanner.nextScan(timeoutMs: 2000)) == "4006381333931")
        #expect(text(try scanner.nextScan(timeoutMs: 2000)) == "96385074")
        #expect(try scanner.nextScan(timeoutMs: 50) == nil)
    }

    @Test func crSettingToleratesACRLFScanner() throws {
        let pty = try PseudoTerminal()
        let scanner = try SerialScanner(path: pty.slavePath, settings: SerialLineSettings(baud: 9600), suffix: .cr)
        pty.send("4006381333931\r\n96385074\r\n")
        #expect(text(try scanner.nextScan(timeoutMs: 2000)) == "4006381333931")
        #expect(text(try scanner.nextScan(timeoutMs: 2000)) == "96385074")
    }

    @Test func aScanSplitAcrossReadsIsOneScan() throws {
        let pty = try PseudoTerminal()
        let scanner = try SerialScanner(path: pty.slavePath, settings: SerialLineSettings(baud: 9600), suffix: .crlf)
        pty.send("]E0978020")
        // Nothing is released before the suffix, however long the wait.
        #expect(try scanner.nextScan(timeoutMs: 100) == nil)
        #expect(scanner.waitingForSuffix()?.bytes == Array("]E0978020".utf8))
        pty.send("1379624\r")
        #expect(try scanner.nextScan(timeoutMs: 100) == nil)  // CR alone is not the CRLF suffix
        pty.send("\n")
        let scan = try scanner.nextScan(timeoutMs: 2000)
        #expect(text(scan) == "]E09780201379624")
        #expect((scan?.reads ?? 0) >= 2)
    }

    @Test func noSuffixEndsAScanOnAQuietLine() throws {
        let pty = try PseudoTerminal()
        let scanner = try SerialScanner(path: pty.slavePath, settings: SerialLineSettings(baud: 9600), suffix: .none)
        pty.send("96385074")
        #expect(text(try scanner.nextScan(timeoutMs: 2000)) == "96385074")
    }

    @Test func readsAreBoundedAndModemLinesAreOptional() throws {
        let pty = try PseudoTerminal()
        let scanner = try SerialScanner(path: pty.slavePath, settings: SerialLineSettings(baud: 9600), suffix: .cr)
        let start = monotonicNanoseconds()
        #expect(try scanner.nextScan(timeoutMs: 150) == nil)
        let elapsedMs = Double(monotonicNanoseconds() - start) / 1e6
        #expect(elapsedMs >= 140)  // the timeout is honoured; no upper bound on a shared machine
        // A pty has no modem lines (TIOCMGET fails with ENOTTY): reported as "none", not an error.
        #expect(try scanner.port.modemLines() == nil)
        // The port writes too (for serial printers): the bytes arrive at the other end.
        #expect(try scanner.port.write(Array("OK".utf8), timeoutMs: 500) == 2)
        var buffer = [UInt8](repeating: 0, count: 8)
        var pfd = pollfd(fd: pty.master, events: Int16(POLLIN), revents: 0)
        #expect(poll(&pfd, 1, 1000) == 1)
        let n = buffer.withUnsafeMutableBytes { read(pty.master, $0.baseAddress, 8) }
        #expect(Array(buffer.prefix(max(0, n))) == Array("OK".utf8))
    }

    @Test func openingAMissingPortNamesCauseAndRemedy() {
        let error = #expect(throws: DeviceError.self) {
            try SerialScanner(path: "/dev/ttyUSB-not-there", settings: SerialLineSettings(), suffix: .cr)
        }
        #expect(error?.errno == ENOENT)
        #expect(error?.remedy.en.contains("plugged in") == true)
        #expect(error?.remedy.zh.contains("连接") == true)
        #expect(DeviceError(operation: .open, path: "/dev/input/event3", errno: EACCES).remedy.en.contains("usermod -aG input") == true)
        #expect(DeviceError(operation: .open, path: "/dev/ttyACM0", errno: EACCES).remedy.zh.contains("dialout") == true)
    }

    @Test func scannerURLs() throws {
        #expect(try ScannerEndpoint.parse("serial:///dev/ttyUSB0?baud=115200&flow=rtscts&suffix=crlf")
                == .serial(path: "/dev/ttyUSB0", settings: SerialLineSettings(baud: 115200, flow: .rtscts), suffix: .crlf))
        #expect(try ScannerEndpoint.parse("evdev:///dev/input/event5?layout=de") == .evdev(path: "/dev/input/event5", layout: "de", grab: true))
        #expect(try ScannerEndpoint.parse("keyboard") == .keyboard)
        let bad = #expect(throws: ScannerEndpoint.ParseError.self) { try ScannerEndpoint.parse("serial:///dev/ttyUSB0?baud=9601") }
        #expect(bad?.message.en.contains("9601") == true)
        #expect(throws: ScannerEndpoint.ParseError.self) { try ScannerEndpoint.parse("evdev:///dev/input/event5?layout=xx") }
        #expect(throws: ScannerEndpoint.ParseError.self) { try ScannerEndpoint.parse("serial:///dev/ttyUSB0?parity=even") }
    }
}
