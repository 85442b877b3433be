import ArgumentParser
import TillDevices
import TillEscPos

/// `till printer identify URL`: asks the printer who it is (GS I: maker, model, firmware, IDs)
/// and names the profile that matches. Exits 0 on a match, 2 when the printer answered but no
/// profile names its model, 1 when it did not answer.
///
///     till printer identify tcp://192.168.1.50:9100
struct PrinterIdentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Ask a printer its maker, model and firmware (GS I) and pick its profile."
    )

    @Argument(help: "Printer URL (as for `till printer status`).")
    var url: String

    @Option(help: "The Devices folder (default: $TILL_DEVICES_DIR, else found near the executable or the current directory).")
    var devices: String?

    @Option(help: "Seconds to wait for each reply.")
    var timeout: Double = 1.0

    func run() throws {
        let connection = try PrinterConnectionOptions.parse([url, "--profile", "auto", "--timeout", "\(timeout)"] + (devices.map { ["--devices", $0] } ?? []))
        let address = try connection.address()
        let transport: PrinterTransport
        transport = try TransportFactory.make(address)
        try transport.open()
        defer { transport.close() }
        let choice = try connection.chooseProfile(for: address, transport: transport)
        say("printer:  \(transport.name)")
        switch choice.reason {
        case .identified(let id):
            for line in id.lines { say(line) }
            say("profile:  \(choice.profile.id) — \(choice.profile.displayName) (source: \(choice.profile.source?.rawValue ?? "?"))")
        case .fallback(let id):
            guard let id else {
                throw CLIError(code: "printer_did_not_identify", en: "\(transport.name) did not answer GS I (printer off, or a model that cannot identify itself).",
                               zh: "\(transport.name) 没有应答 GS I（打印机未开机，或该型号不能自报型号）。",
                               remedyEn: "Check the printer is on and connected (`till printer status \(url)`), or choose its profile from `till printer profiles`.",
                               remedyZh: "请确认打印机已开机并连接（`till printer status \(url)`），或从 `till printer profiles` 中选择配置。")
            }
            for line in id.lines { say(line) }
            say("profile:  none matches — \(choice.explanation.text(Output.language))")
            throw ExitCode(2)
        case .given, .usbID:
            say("profile:  \(choice.profile.id)")
        }
    }
}
