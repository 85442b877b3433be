import ArgumentParser
import Foundation
import TillCore
import TillDevices
import TillEscPos
import TillRuntime

/// The printer a technician command talks to: its URL, the profile (given, else matched by USB
/// id, else generic-80) and how long to wait for replies.
struct PrinterConnectionOptions: ParsableArguments {
    @Argument(help: "Printer URL: usb://VID:PID[?serial=..&interface=N], lp:///dev/usb/lp0, serial:///dev/ttyUSB0?baud=9600&flow=none|xonxoff|rtscts, tcp://HOST:9100.")
    var url: String

    @Option(help: "Printer profile id, or auto (default: matched by USB id, else asked of the printer with GS I, else generic-80).",
            completion: CompletionValues.printerProfiles)
    var profile: String?

    @Option(help: "The Devices folder (default: $TILL_DEVICES_DIR, else found near the executable or the current directory).")
    var devices: String?

    @Option(help: "Seconds to wait for each status reply.")
    var timeout: Double = 1.0

    func address() throws -> PrinterAddress {
        do { return try PrinterAddress(parsing: url) } catch let e as AddressError { throw CLIError(e) }
    }

    var timing: DriverTiming {
        var timing = DriverTiming()
        timing.statusReply = timeout
        return timing
    }

    /// The profile: --profile ID; else the USB id's; else what the printer says it is (GS I);
    /// else generic-80 (with the reason).
    func chooseProfile(for address: PrinterAddress, transport: PrinterTransport) throws -> ProfileChoice {
        let library = try PrinterProfileLoading.library(devices)
        func load(_ id: String) throws -> PrinterProfile {
            do { return try library.profile(id) } catch let error as ProfileError {
                throw CLIError(code: error.code, message: error.message, remedy: LocalizedText(
                               en: "Pick an id from `till printer profiles`, or --profile auto.",
                               zh: "请从 `till printer profiles` 中选择 id，或使用 --profile auto。"))
            } catch {
                throw CLIError(code: "printer_profile_unknown", en: "\(error)", zh: "没有名为 “\(id)” 的打印机配置。",
                               remedyEn: "Pick an id from `till printer profiles`, or --profile auto.",
                               remedyZh: "请从 `till printer profiles` 中选择 id，或使用 --profile auto。")
            }
        }
        if let profile, profile != "auto" { return ProfileChoice(profile: try load(profile), reason: .given) }
        if profile == nil, case .usb(let s) = address, let v = s.vendorId, let p = s.productId,
           let match = library.matching(vendorId: v, productId: p).first {
            return ProfileChoice(profile: match, reason: .usbID)
        }
        return ProfileChoice.identify(transport: transport, library: library, fallback: try load("generic-80"), timing: timing)
    }

    /// A started driver (claimed and enabled) with the profile chosen for it, or the device
    /// error that stopped it.
    func driver(transportWrapper: (PrinterTransport) -> PrinterTransport = { $0 }) throws -> (PrinterDriver, ProfileChoice) {
        let address = try address()
        if case .virtual = address {
            throw ValidationError("`virtual` lives inside the till; run `till printer emulate --listen tcp://127.0.0.1:9100` and use tcp://127.0.0.1:9100")
        }
        let transport = transportWrapper(try TransportFactory.make(address))
        let choice = try chooseProfile(for: address, transport: transport)
        let driver = PrinterDriver(transport: transport, profile: choice.profile, timing: timing)
        try driver.open()
        try driver.claim()
        driver.enable()
        return (driver, choice)
    }
}

extension PrintOutcome {
    /// "printed", "FAILED: cause", "UNKNOWN: cause".
    var line: String {
        switch self {
        case .printed: return "printed"
        case .failed(let cause): return "FAILED: \(cause.text(Output.language))"
        case .unknown(let cause): return "UNKNOWN: \(cause.text(Output.language))"
        }
    }
}
