import ArgumentParser
import TillDevices
import TillEscPos

/// `till devices`: what is connected, with the URL to put in printer.url, the matching profile
/// and any permission problem with its fix. `till devices udev-rules` prints the rules.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices",
        abstract: "List connected printers and serial ports (with URLs, profiles and permission fixes); print udev rules.",
        subcommands: [DevicesListCommand.self, DevicesUdevRulesCommand.self],
        defaultSubcommand: DevicesListCommand.self
    )
}

struct DevicesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List connected devices.")

    @Option(help: "The Devices folder (profiles are matched by USB id).")
    var devices: String?

    func run() throws {
        let library = try? ProfileLibrary(directory: try DevicesDirectory.resolve(devices) + "/printers")
        let found = DeviceDiscovery.scan(library: library)
        say("printers and serial ports:")
        if found.isEmpty { say("  none found (plug the printer in and switch it on; network printers: tcp://ADDRESS:9100)") }
        for d in found {
            var line = "  \(d.url)  \(d.kind.rawValue), \(d.detail)"
            if let p = d.profile { line += ", profile \(p)" }
            say(line)
            if let problem = d.problem { say("      ! \(problem)") }
        }
        say("scanners:")
        try ScannerListing.lines(Output.language, indent: "  ").forEach(say)
    }
}

struct DevicesUdevRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "udev-rules",
        abstract: "Print udev rules giving group \(UdevRules.group) access to the profiles' printers (Scripts/install-udev installs them)."
    )

    @Option(help: "The Devices folder.")
    var devices: String?

    func run() throws {
        let library = try ProfileLibrary(directory: try DevicesDirectory.resolve(devices) + "/printers")
        print(UdevRules.text(for: Array(library.profiles.values)), terminator: "")
    }
}
