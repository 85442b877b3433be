import ArgumentParser
import TillCore
import TillScanning

/// `till scanner list`: input devices and serial ports that may be scanners, each with the
/// URL to test it and, when the till may not open it, the fix.
struct ScannerListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List devices that look like barcode scanners, and permission problems.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try ScannerListing.lines(try global.resolve().screenLanguage).forEach(Output.line)
    }
}

/// The scanner part of `till scanner list` and `till devices`.
enum ScannerListing {
    static func lines(_ lang: Language, indent: String = "") throws -> [String] {
        var profiles: [ScannerProfile] = []
        if let dir = ScannerProfiles.defaultDirectory() {
            profiles = try ScannerProfiles.load(directory: dir)
        } else {
            Output.error("Devices/scanners not found (set TILL_DEVICES_DIR): only devices named like scanners are listed.")
        }
        let found = ScannerDiscovery.discover(profiles: profiles)
        var out: [String] = []
        if found.isEmpty { out.append(indent + (lang == .zh ? "未发现扫描枪或串口。" : "No scanner or serial port found.")) }
        for device in found {
            let ids = device.vendorId.map { "\($0):\(device.productId ?? "?")" } ?? "-"
            out.append(indent + "\(device.path)  \(device.name ?? "")  [\(ids)]  \(device.profileId ?? device.reason)")
            out.append(indent + "    test: till scanner test '\(device.testURL)'")
            if let problem = device.problem {
                out.append(indent + "    PROBLEM: \(problem.message.text(lang))")
                out.append(indent + "    → \(problem.remedy.text(lang))")
                if let rule = device.udevRule { out.append(indent + "    udev rule: \(rule)") }
            }
        }
        return out
    }
}
