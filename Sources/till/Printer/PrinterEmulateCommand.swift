import ArgumentParser
import Foundation
import Synchronization
import TillEscPos
import TillVirtualPrinter

/// `till printer emulate`: a virtual ESC/POS printer for trainers, technicians and tests.
///
///     till printer emulate --profile epson-tm-t88vi --listen tcp://127.0.0.1:9100 --out slips/
///     till printer emulate --profile generic-80 --listen pty --out slips/      # prints the /dev/pts path
///     till printer emulate --profile generic-80 --listen file:job.bin --out slips/
///     till printer emulate --profile generic-80 --listen file:- --out slips/ < job.bin
///
/// Each cut becomes NNN.png and NNN.txt in --out, and one line on stdout. Faults: --fault
/// WORD at start (repeatable), and at run time through --control PATH (a unix socket taking
/// one fault per line; `till printer fault --control PATH paper-out` sends them).
struct PrinterEmulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Run a virtual ESC/POS printer that writes each cut slip as PNG and text.",
        discussion: "Faults (--fault, or lines on the --control socket): \(Fault.usage)"
    )

    @Option(help: "Printer profile id (a file in Devices/printers, e.g. generic-80).")
    var profile: String = "generic-80"

    @Option(help: "tcp://HOST:PORT (loopback by default), pty, or file:PATH (file:- for stdin).")
    var listen: String = "tcp://127.0.0.1:9100"

    @Option(help: "Folder for NNN.png and NNN.txt, one pair per cut.")
    var out: String = "printer-out"

    @Option(help: "Unix socket path taking fault lines while running.")
    var control: String?

    @Option(name: .customLong("fault"), help: "A fault in force from the start, e.g. near-end or 'paper-out-after 30mm'. Repeatable.")
    var faults: [String] = []

    @Option(help: "The Devices folder (default: $TILL_DEVICES_DIR, else found near the executable or the current directory).")
    var devices: String?

    @Flag(help: "Print decoder diagnostics (unknown commands, lost data) to stderr.")
    var verbose = false

    @Flag(help: "Write only NNN.txt for each page (no picture drawn): a fast text capture of long or hostile streams.")
    var textOnly = false

    @Flag(help: "Process bytes the moment they arrive, instead of through a 4 KB receive buffer at the profile's paper speed.")
    var instant = false

    func run() throws {
        let dir = try DevicesDirectory.resolve(devices)
        let printerProfile = try ProfileLibrary(directory: dir + "/printers").profile(profile)
        let startFaults = try faults.map { try Fault(parsing: $0) }
        // A file is read as fast as it can be: pacing it would only slow the conversion down.
        let paced = !instant && !listen.hasPrefix("file:")
        let printer = VirtualPrinter(profile: printerProfile, faults: startFaults, pace: paced ? .buffered : .instant)
        let writer = try PageWriter(directory: out, font: textOnly ? nil : VirtualPrinter.defaultFont(), pictures: !textOnly)
        let reporter = Reporter(printer: printer, writer: writer, verbose: verbose)
        let onActivity: @Sendable () -> Void = { reporter.flush() }
        printer.onPrinted = onActivity

        var controlServer: ControlServer?
        if let control {
            do {
                controlServer = try ControlServer(path: control, printer: printer) { line in
                    FileHandle.standardError.write(Data("till printer: \(line)\n".utf8))
                    reporter.flush()
                }
            } catch let e as SocketPathError {
                throw CLIError(e)
            }
            controlServer?.start()
            say("control: \(control)")
        }
        // Ctrl-C and SIGTERM end the loops below, so the control socket is removed on the way out.
        StopSignal.install()
        defer { controlServer?.stop() }

        if listen == "pty" {
            let server = try PTYPrinterServer(printer: printer, onActivity: onActivity)
            say("pty: \(server.slavePath)")
            server.start()
            Self.waitForStopSignal()
            server.stop()
        } else if listen.hasPrefix("tcp://") {
            let (host, port) = try Self.hostPort(String(listen.dropFirst(6)))
            let server = try TCPPrinterServer(printer: printer, host: host, port: port, onActivity: onActivity)
            server.onRefused = { why in FileHandle.standardError.write(Data("till printer: \(why)\n".utf8)) }
            say("listening: tcp://\(host):\(server.port)  profile \(printerProfile.id) (\(printerProfile.media.dots) dots)")
            server.start()
            Self.waitForStopSignal()
            server.stop()
        } else if listen.hasPrefix("file:") {
            let path = String(listen.dropFirst(5))
            let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
            guard fd >= 0 else { throw ValidationError("cannot open \(path): \(String(cString: strerror(errno)))") }
            while let bytes = Self.readChunk(fd) {
                printer.receive(bytes)
                reporter.flush()
            }
            printer.finish()
            reporter.flush()
            if fd != 0 { close(fd) }
        } else {
            throw ValidationError("--listen must be tcp://HOST:PORT, pty or file:PATH (got \(listen))")
        }
    }

    static func waitForStopSignal() {
        while !StopSignal.requested { usleep(100_000) }
    }

    static func readChunk(_ fd: Int32) -> [UInt8]? {
        var buf = [UInt8](repeating: 0, count: 65536)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
        return n > 0 ? Array(buf.prefix(n)) : nil
    }

    static func hostPort(_ text: String) throws -> (String, UInt16) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let port = UInt16(parts[1]) else {
            throw ValidationError("--listen tcp://HOST:PORT needs a host and a port, e.g. tcp://127.0.0.1:9100")
        }
        return (parts[0].isEmpty ? "127.0.0.1" : String(parts[0]), port)
    }
}

/// Writes finished pages and prints a line for each; prints new diagnostics in verbose mode.
final class Reporter: Sendable {
    let printer: VirtualPrinter
    let writer: PageWriter
    let verbose: Bool
    /// Diagnostics already shown; held for a whole flush, so two threads never print a page twice.
    private let diagnosticsShown = Mutex(0)

    init(printer: VirtualPrinter, writer: PageWriter, verbose: Bool) {
        self.printer = printer
        self.writer = writer
        self.verbose = verbose
    }

    func flush() {
        diagnosticsShown.withLock { diagnosticsShown in
            do {
                for line in try writer.write(printer.takeNewPages()) { say(line) }
            } catch {
                FileHandle.standardError.write(Data("till printer: cannot write a page: \(error)\n".utf8))
            }
            if verbose {
                let all = printer.diagnostics
                for d in all.dropFirst(diagnosticsShown) {
                    FileHandle.standardError.write(Data("till printer: \(d)\n".utf8))
                }
                diagnosticsShown = all.count
            }
        }
    }
}
