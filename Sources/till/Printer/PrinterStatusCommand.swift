import ArgumentParser
import TillDevices
import TillEscPos

/// `till printer status URL`: every status bit in words, then the profile's capabilities
/// (what the model can do) kept apart from what the printer says now. Exits 0 when the
/// printer is ready, 2 when it answered but cannot print, 1 when it did not answer.
///
///     till printer status usb://04b8:0202
///     till printer status tcp://192.168.1.50:9100 --profile epson-tm-t88vi
struct PrinterStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Ask a printer for its status (DLE EOT 1–4) and show its profile's capabilities; exit 0 ready, 2 not ready, 1 no answer."
    )

    @OptionGroup var connection: PrinterConnectionOptions

    func run() throws {
        let (driver, choice) = try connection.driver()
        defer { driver.close() }
        say("printer:  \(driver.name)")
        say("profile:  \(choice.explanation.text(Output.language))")
        let status: PrinterStatus?
        status = try driver.checkStatus()
        guard let status else {
            say("status:   no answer (printer off, unplugged, or a model without DLE EOT)")
            throw ExitCode(1)
        }
        say("state:    \(status.blockingCause.map { "cannot print: \($0)" } ?? "ready")")
        say("status (from the printer):")
        for line in status.lines { say("  " + line) }
        say("capabilities (from profile \(driver.profile.id), not from the printer):")
        for line in driver.capabilities.lines { say("  " + line) }
        if status.blockingCause != nil { throw ExitCode(2) }
    }
}
