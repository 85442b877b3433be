import ArgumentParser
import TillDevices
import TillEscPos
import TillScanning

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

    @Option(help: "Also look for network printers in this IPv4 range (ADDRESS/BITS, at most \(NetworkProbe.maximumHosts) addresses), e.g. 192.168.1.0/24.")
    var probe: [String] = []

    @Option(help: "The raw print port --probe tries.")
    var port: UInt16 = 9100

    @Option(help: "Seconds --probe waits for each batch of 64 connections (and for each identity reply).")
    var probeTimeout: Double = 0.5

    func run() throws {
        var hosts: [String] = []
        for range in probe {
            do { hosts += try NetworkProbe.hosts(range) } catch let e as NetworkProbe.RangeError {
                throw CLIError(code: "network_range_unreadable", en: e.message.en, zh: e.message.zh, remedyEn: e.remedy.en, remedyZh: e.remedy.zh)
            }
        }
        let library = try? ProfileLibrary(directory: try DevicesDirectory.resolve(devices) + "/printers")
        defer { if !probe.isEmpty { listNetwork(hosts, library: library) } }
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

extension DevicesListCommand {
    /// Printers answering on the raw port in the probed ranges, each asked who it is (GS I).
    func listNetwork(_ hosts: [String], library: ProfileLibrary?) {
        say("network printers (port \(port), \(hosts.count) addresses probed):")
        let found = NetworkProbe.scan(hosts, port: port, timeout: probeTimeout)
        if found.isEmpty { say("  none answered (check the range, and that the printer has an IP address: its self-test page shows it)") }
        var timing = DriverTiming()
        timing.statusReply = probeTimeout
        // Each identity costs up to six reply waits: asked of the first 32 printers only.
        for (n, host) in found.enumerated() {
            var line = "  tcp://\(host):\(port)"
            if n < 32, let library, let fallback = try? library.profile("generic-80") {
                let transport = TCPTransport(host: host, port: port, connectTimeout: probeTimeout)
                let choice = ProfileChoice.identify(transport: transport, library: library, fallback: fallback, timing: timing)
                transport.close()
                switch choice.reason {
                case .identified(let id): line += "  \([id.maker, id.model].compactMap { $0 }.joined(separator: " ")), profile \(choice.profile.id)"
                case .fallback(let id?): line += "  \([id.maker, id.model].compactMap { $0 }.joined(separator: " ")), no matching profile (try generic-80)"
                default: line += "  does not identify itself (GS I); try profile generic-80"
                }
            }
            say(line)
        }
    }
}

struct DevicesUdevRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "udev-rules",
        abstract: "Print udev rules giving group \(UdevRules.group) access to the profiles' printers (Scripts/install-udev installs them)."
    )

    @Option(help: "The Devices folder.")
    var devices: String?

    @Flag(help: "The scanners' rules (Devices/udev/\(ScannerUdevRules.fileName), from Devices/scanners) instead of the printers'.")
    var scanners = false

    func run() throws {
        let dir = try DevicesDirectory.resolve(devices)
        if scanners {
            print(ScannerUdevRules.text(for: try ScannerProfiles.load(directory: dir + "/scanners")), terminator: "")
            return
        }
        let library = try ProfileLibrary(directory: dir + "/printers")
        print(UdevRules.text(for: Array(library.profiles.values)), terminator: "")
    }
}
