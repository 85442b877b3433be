import Foundation
import TillCore
import TillDevices
import TillEscPos
import TillVirtualPrinter

enum Fixtures {
    static let devices: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Devices").path

    static func profile(_ id: String = "epson-tm-t88vi") throws -> PrinterProfile {
        try ProfileLibrary(directory: devices + "/printers").profile(id)
    }

    static func slip(_ text: String = "HELLO TILL", lines: Int = 1) -> SlipDocument {
        SlipDocument(kind: .sale, reference: "S01-000001",
                     blocks: (0..<lines).map { .text(lines == 1 ? text : "\(text) \($0)", .plain) }, training: false)
    }

    /// Short waits: the loopback printer answers at once.
    static var timing: DriverTiming {
        var t = DriverTiming(statusReply: 0.5, write: 3)
        t.slowestBytesPerSecond = 960
        return t
    }
}

/// A virtual printer on a loopback port the OS picks, and a started driver talking to it.
final class LoopbackPrinter {
    let printer: VirtualPrinter
    let server: TCPPrinterServer
    let driver: PrinterDriver

    convenience init(faults: [Fault] = [], profile: String = "epson-tm-t88vi") throws {
        try self.init(printer: VirtualPrinter(profile: try Fixtures.profile(profile), faults: faults))
    }

    /// A given virtual printer (paced, a changed profile …), driven with its own profile.
    init(printer: VirtualPrinter) throws {
        self.printer = printer
        server = try TCPPrinterServer(printer: printer, host: "127.0.0.1", port: 0)
        server.start()
        driver = PrinterDriver(transport: TCPTransport(host: "127.0.0.1", port: server.port, connectTimeout: 2),
                               profile: printer.profile, timing: Fixtures.timing)
        driver.start()
    }

    func stop() {
        driver.close()
        server.stop()
    }

    /// Text of every page printed so far, once `count` pages are there (up to `Run.patience`: a
    /// bound against a hang; a paced print head renders them on its own thread).
    func pagesText(expecting count: Int = 1) -> String {
        let deadline = Date().addingTimeInterval(Run.patience)
        while printer.pages.count < count && Date() < deadline { usleep(10_000) }
        return printer.pages.map(\.text).joined(separator: "\n")
    }
}
