import ArgumentParser
import Foundation
import TillDevices
import TillRuntime

/// `till printer trace URL`: sends a job (a test page, or a file of raw ESC/POS) and shows
/// every byte both ways as hex and ASCII, with the ESC/POS command names.
///
///     till printer trace tcp://127.0.0.1:9100 --page text
///     till printer trace usb://04b8:0202 --file job.bin
struct PrinterTraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print a job and show every byte both ways (hex, ASCII, ESC/POS command names)."
    )

    @OptionGroup var connection: PrinterConnectionOptions

    @Option(help: "Test page to send: \(TestPage.Kind.allCases.map(\.rawValue).joined(separator: ", ")) (default: status queries only).")
    var page: String?

    @Option(help: "A file of raw ESC/POS bytes to send instead of a test page.")
    var file: String?

    func run() throws {
        let recorder = TraceRecorder { say($0) }
        let (driver, _) = try connection.driver { TracingTransport(wrapping: $0, recorder: recorder) }
        defer { driver.close() }
        var bytes: [UInt8]?
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            bytes = Array(data)
        } else if let page {
            guard let kind = TestPage.Kind(rawValue: page) else {
                throw ValidationError("--page must be one of \(TestPage.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            bytes = try TestPage.build(kind, profile: driver.profile).first?.bytes
        }
        if let bytes {
            say("outcome: \(driver.printJob(bytes).line)")
        } else {
            _ = try driver.checkStatus()
        }
    }
}
