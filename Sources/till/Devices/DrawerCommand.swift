import ArgumentParser
import TillDevices
import TillRuntime

/// `till drawer open URL`: pulses the cash drawer through the printer (ESC p), as one job with
/// status before and after, and says whether the drawer reads open.
struct DrawerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drawer",
        abstract: "Cash drawer tools.",
        subcommands: [DrawerOpenCommand.self]
    )
}

struct DrawerOpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Kick the cash drawer connected to a printer.")

    @OptionGroup var connection: PrinterConnectionOptions

    func run() throws {
        let (driver, _) = try connection.driver()
        defer { driver.close() }
        let outcome = driver.openDrawer()
        say("drawer: \(outcome.line)")
        if outcome == .printed, let status = driver.lastStatus {
            say("drawer sensor (pin 3): \(status.drawerOpen ? "open" : "closed")")
        }
        if outcome != .printed { throw ExitCode(1) }
    }
}
