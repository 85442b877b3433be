import Foundation
import TillEscPos
#if canImport(Glibc)
import Glibc
#endif

/// What `till devices` finds: USB printers (class 7 or a known id, with their profile), USB
/// serial adapters and serial ports, usblp nodes, each with the URL to use and any permission
/// problem with its fix.
public struct FoundDevice: Sendable, Equatable {
    public enum Kind: String, Sendable { case usbPrinter = "usb printer", lineDevice = "lp device", serialPort = "serial port" }
    public var kind: Kind
    public var url: String
    public var detail: String
    public var profile: String?
    /// A permission or busy problem in words, with the fix; nil when usable.
    public var problem: String?
}

public enum DeviceDiscovery {
    /// Everything found now. `library` supplies the profiles matched by USB id.
    public static func scan(library: ProfileLibrary?, devRoot: String = "/dev") -> [FoundDevice] {
        usbPrinters(library: library) + characterDevices(devRoot: devRoot)
    }

    static func usbPrinters(library: ProfileLibrary?) -> [FoundDevice] {
        guard let context = try? USBContext() else { return [] }
        var found: [FoundDevice] = []
        for d in context.devices() {
            let matches = library?.matching(vendorId: d.vendorId, productId: d.productId) ?? []
            guard d.isPrinterClass || !matches.isEmpty else { continue }
            let url = "usb://\(hex4(d.vendorId)):\(hex4(d.productId))"
            found.append(FoundDevice(kind: .usbPrinter, url: url,
                                     detail: "\(d.nodePath)\(d.isPrinterClass ? ", printer class" : ", vendor class")",
                                     profile: matches.first?.id, problem: accessProblem(d.nodePath)))
        }
        return found
    }

    static func characterDevices(devRoot: String) -> [FoundDevice] {
        let fm = FileManager.default
        var found: [FoundDevice] = []
        let usbDir = devRoot + "/usb"
        for name in ((try? fm.contentsOfDirectory(atPath: usbDir)) ?? []).sorted() where name.hasPrefix("lp") {
            let path = usbDir + "/" + name
            found.append(FoundDevice(kind: .lineDevice, url: "lp://" + path, detail: "usblp kernel driver", profile: nil,
                                     problem: accessProblem(path)))
        }
        let names = ((try? fm.contentsOfDirectory(atPath: devRoot)) ?? []).filter {
            $0.hasPrefix("ttyUSB") || $0.hasPrefix("ttyACM") || ($0.hasPrefix("ttyS") && $0.dropFirst(4).allSatisfy(\.isNumber))
        }.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        for name in names {
            let path = devRoot + "/" + name
            // ttyS0…ttyS31 exist whether or not a UART is there: list only ones that answer termios.
            if name.hasPrefix("ttyS"), !isRealSerialPort(path) { continue }
            let detail = name.hasPrefix("ttyUSB") ? "USB serial adapter" : name.hasPrefix("ttyACM") ? "USB CDC-ACM device" : "built-in UART"
            found.append(FoundDevice(kind: .serialPort, url: "serial://\(path)?baud=9600&flow=none", detail: detail, profile: nil,
                                     problem: accessProblem(path, serial: true)))
        }
        return found
    }

    static func isRealSerialPort(_ path: String) -> Bool {
        let fd = open(path, O_RDWR | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return errno == EACCES }
        defer { close(fd) }
        var t = termios()
        return tcgetattr(fd, &t) == 0
    }

    /// Why this user cannot open the node, and the fix; nil when it can.
    static func accessProblem(_ path: String, serial: Bool = false) -> String? {
        guard access(path, R_OK | W_OK) != 0 else { return nil }
        if errno == EACCES || errno == EPERM {
            let fix = serial ? "add yourself to group dialout: `sudo usermod -aG dialout $USER`, then log out and in"
                             : "run `sudo Scripts/install-udev` (udev rules + group \(UdevRules.group)), then log out and in"
            return "permission denied — \(fix)"
        }
        return String(cString: strerror(errno))
    }
}
