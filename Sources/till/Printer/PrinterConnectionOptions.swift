import ArgumentParser
import Foundation
import TillDevices
import TillEscPos
import TillRuntime

/// The printer a technician command talks to: its URL, the profile (given, else matched by USB
/// id, else generic-80) and how long to wait for replies.
struct PrinterConnectionOptions: ParsableArguments {
    @Argument(help: "Printer URL: usb://VID:PID[?serial=..&interface=N], lp:///dev/usb/lp0, serial:///dev/ttyUSB0?baud=9600&flow=none|xonxoff|rtscts, tcp://HOST:9100.")
    var url: String

    @Option(help: "Printer profile id (default: matched by USB id, else generic-80).")
    var profile: String?

    @Option(help: "The Devices folder (default: $TILL_DEVICES_DIR, else found near the executable or the current directory).")
    var devices: String?

    @Option(help: "Seconds to wait for each status reply.")
    var timeout: Double = 1.0

    func address() throws -> PrinterAddress {
        do { return try PrinterAddress(parsing: url) } catch let e as AddressError { throw CLIError(e) }
    }

    func loadProfile(for address: PrinterAddress) throws -> PrinterProfile {
        let library = try ProfileLibrary(directory: try DevicesDirectory.resolve(devices) + "/printers")
        if let profile { return try library.profile(profile) }
        if case .usb(let s) = address, let v = s.vendorId, let p = s.productId, let match = library.matching(vendorId: v, productId: p).first {
            return match
        }
        return try library.profile("generic-80")
    }

    /// A started driver (claimed and enabled), or the device error that stopped it.
    func driver(transportWrapper: (PrinterTransport) -> PrinterTransport = { $0 }) throws -> PrinterDriver {
        let address = try address()
        if case .virtual = address {
            throw ValidationError("`virtual` lives inside the till; run `till printer emulate --listen tcp://127.0.0.1:9100` and use tcp://127.0.0.1:9100")
        }
        let profile = try loadProfile(for: address)
        let transport = transportWrapper(try TransportFactory.make(address))
        var timing = DriverTiming()
        timing.statusReply = timeout
        let driver = PrinterDriver(transport: transport, profile: profile, timing: timing)
        try driver.open()
        do { try driver.claim() } catch let e as PrinterDeviceError { throw CLIError(e) }
        driver.enable()
        return driver
    }
}

extension PrintOutcome {
    /// "printed", "FAILED: cause", "UNKNOWN: cause".
    var line: String {
        switch self {
        case .printed: return "printed"
        case .failed(let cause): return "FAILED: \(cause)"
        case .unknown(let cause): return "UNKNOWN: \(cause)"
        }
    }
}
