import Foundation
import Glibc
import TillCore

/// One device that may be a scanner, with whether the till can open it and how to fix it if not.
public struct DiscoveredScanner: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case evdev, serial }

    public var kind: Kind
    public var path: String
    public var name: String?
    public var vendorId: String?
    public var productId: String?
    /// The matching profile's id, if the USB ids are known.
    public var profileId: String?
    /// Why it is listed: "known USB id", "name says scanner", "serial port".
    public var reason: String
    /// Nil when the till could open it.
    public var problem: DeviceError?

    /// The URL for `till scanner test`.
    public var testURL: String {
        kind == .evdev ? "evdev://\(path)?layout=us" : "serial://\(path)?baud=9600&flow=none&suffix=cr"
    }

    /// The udev rule that gives the access group this device (for the EACCES remedy).
    public var udevRule: String? {
        guard let vendorId else { return nil }
        return ScannerUdevRules.rule(evdev: kind == .evdev, vendorId: vendorId, productId: productId)
    }
}

/// Finds scanners: input devices whose USB ids are in the profiles or whose name says
/// scanner/barcode, and serial ports. Identity comes from sysfs (readable without permission on
/// the device node); the device node is then opened once to find permission problems.
public enum ScannerDiscovery {
    public static func discover(profiles: [ScannerProfile], devRoot: String = "/dev", sysRoot: String = "/sys") -> [DiscoveredScanner] {
        evdev(profiles: profiles, devRoot: devRoot, sysRoot: sysRoot) + serial(profiles: profiles, devRoot: devRoot, sysRoot: sysRoot)
    }

    static func evdev(profiles: [ScannerProfile], devRoot: String, sysRoot: String) -> [DiscoveredScanner] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: devRoot + "/input")) ?? []
        return names.filter { $0.hasPrefix("event") }.sorted(by: numericOrder).compactMap { node in
            let sys = "\(sysRoot)/class/input/\(node)/device"
            let name = readLine(sys + "/name")
            let vendor = readLine(sys + "/id/vendor"), product = readLine(sys + "/id/product")
            let profile = vendor.flatMap { v in product.flatMap { p in profiles.first { $0.matches(vendor: v, product: p) } } }
            let lowered = name?.lowercased() ?? ""
            let namedScanner = ["scanner", "barcode", "bar code", "scan"].contains { lowered.contains($0) }
            guard profile != nil || (namedScanner && looksLikeKeyboard(sys + "/capabilities/key")) else { return nil }
            let path = "\(devRoot)/input/\(node)"
            return DiscoveredScanner(kind: .evdev, path: path, name: name, vendorId: vendor, productId: product,
                                     profileId: profile?.id, reason: profile != nil ? "known USB id" : "name says scanner",
                                     problem: openProblem(path, flags: O_RDONLY))
        }
    }

    static func serial(profiles: [ScannerProfile], devRoot: String, sysRoot: String) -> [DiscoveredScanner] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: devRoot)) ?? []
        return names.filter { $0.hasPrefix("ttyUSB") || $0.hasPrefix("ttyACM") || $0.hasPrefix("ttyS") }
            .sorted(by: numericOrder).compactMap { node in
                let path = "\(devRoot)/\(node)"
                let (vendor, product) = usbIDs(ofTTY: node, sysRoot: sysRoot)
                let problem = openProblem(path, flags: O_RDWR | O_NOCTTY)
                // ttyS0…31 exist on every PC whether or not a UART is behind them: list those that
                // answer as a UART, and those we may not open (the fix is then worth showing).
                if node.hasPrefix("ttyS") {
                    if let problem, problem.errno != EACCES, problem.errno != EPERM { return nil }
                    if problem == nil, !uartPresent(path) { return nil }
                }
                let profile = vendor.flatMap { v in product.flatMap { p in profiles.first { $0.matches(vendor: v, product: p) } } }
                return DiscoveredScanner(kind: .serial, path: path, name: readLine("\(sysRoot)/class/tty/\(node)/device/interface"),
                                         vendorId: vendor, productId: product, profileId: profile?.id,
                                         reason: profile != nil ? "known USB id" : "serial port", problem: problem)
            }
    }

    /// Opens and closes the node: EACCES (no group membership) is the problem users meet.
    static func openProblem(_ path: String, flags: Int32) -> DeviceError? {
        let fd = open(path, flags | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return DeviceError(operation: .open, path: path, errno: errno) }
        close(fd)
        return nil
    }

    /// TIOCGSERIAL's type is 0 (PORT_UNKNOWN) for a ttyS with no UART behind it.
    static func uartPresent(_ path: String) -> Bool {
        let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = [Int32](repeating: 0, count: 32)  // struct serial_struct (72 bytes); type is first
        let rc = info.withUnsafeMutableBytes { ioctl(fd, UInt(TIOCGSERIAL), $0.baseAddress!) }
        return rc == 0 && info[0] != 0
    }

    /// The USB idVendor/idProduct above a tty in sysfs (walking up from its device).
    static func usbIDs(ofTTY node: String, sysRoot: String) -> (String?, String?) {
        var url = URL(fileURLWithPath: "\(sysRoot)/class/tty/\(node)/device").resolvingSymlinksInPath()
        for _ in 0..<6 {
            if let vendor = readLine(url.path + "/idVendor") { return (vendor, readLine(url.path + "/idProduct")) }
            url.deleteLastPathComponent()
        }
        return (nil, nil)
    }

    /// capabilities/key is a bitmap in hex words, most significant first; KEY_1 (2), KEY_A (30)
    /// and KEY_ENTER (28) are all in the lowest word.
    static func looksLikeKeyboard(_ file: String) -> Bool {
        guard let words = readLine(file)?.split(separator: " "), let low = words.last, let bits = UInt64(low, radix: 16) else { return false }
        return [2, 28, 30].allSatisfy { bits & (1 << $0) != 0 }
    }

    static func readLine(_ path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }

    static func numericOrder(_ a: String, _ b: String) -> Bool {
        let split = { (s: String) -> (String, Int) in
            let digits = s.reversed().prefix { $0.isNumber }
            return (String(s.dropLast(digits.count)), Int(String(digits.reversed())) ?? -1)
        }
        return split(a) < split(b)
    }
}
