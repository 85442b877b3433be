import TillSerial
import Foundation

/// Where a printer is connected, written as a URL in the configuration (`printer.url`) and on
/// the command line (`--printer URL`):
///
///     usb://04b8:0202                     a USB printer by vendor:product id (hex)
///     usb://04b8:0202?serial=X&interface=0
///     usb://                              the first USB printer-class (7) device found
///     lp:///dev/usb/lp0                   the usblp kernel driver's character device
///     serial:///dev/ttyUSB0?baud=9600&flow=none|xonxoff|rtscts
///     tcp://192.168.1.50:9100             a network printer's raw port (9100 when left out)
///     virtual                             the in-process virtual printer (demo, training)
///     file:/tmp/jobs.bin                  appends each job's bytes to a file (capture, no printer)
public enum PrinterAddress: Hashable, Sendable, CustomStringConvertible {
    case usb(USBSelector)
    case lp(path: String)
    case file(path: String)
    case serial(path: String, settings: SerialLineSettings)
    case tcp(host: String, port: UInt16)
    case virtual

    /// Which USB device: ids (nil = any printer-class device), serial number, interface.
    public struct USBSelector: Hashable, Sendable {
        public var vendorId: UInt16?
        public var productId: UInt16?
        public var serial: String?
        public var interface: Int?
        public init(vendorId: UInt16? = nil, productId: UInt16? = nil, serial: String? = nil, interface: Int? = nil) {
            self.vendorId = vendorId
            self.productId = productId
            self.serial = serial
            self.interface = interface
        }
    }

    public static let defaultTCPPort: UInt16 = 9100

    public var description: String {
        switch self {
        case .usb(let s):
            var text = "usb://"
            if let v = s.vendorId, let p = s.productId { text += hex4(v) + ":" + hex4(p) }
            var query: [String] = []
            if let serial = s.serial { query.append("serial=\(serial)") }
            if let i = s.interface { query.append("interface=\(i)") }
            return query.isEmpty ? text : text + "?" + query.joined(separator: "&")
        case .lp(let path): return "lp://" + path
        case .file(let path): return "file:" + path
        case .serial(let path, let settings): return "serial://\(path)?baud=\(settings.baud)&flow=\(settings.flow.rawValue)"
        case .tcp(let host, let port): return "tcp://\(host):\(port)"
        case .virtual: return "virtual"
        }
    }

    /// Parses a printer URL; the error names what is wrong and shows the accepted forms.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "virtual" { self = .virtual; return }
        if trimmed.lowercased().hasPrefix("file:") {
            // file:PATH or file://PATH; relative paths are taken from the current directory.
            var path = String(trimmed.dropFirst(5))
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty, !path.contains("?") else { throw AddressError(text, "give the capture file's path, e.g. file:/tmp/jobs.bin") }
            self = .file(path: path)
            return
        }
        guard let schemeEnd = trimmed.range(of: "://") else { throw AddressError(text, "it has no scheme (usb://, lp://, serial://, tcp://)") }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        let rest = String(trimmed[schemeEnd.upperBound...])
        let (body, query) = Self.splitQuery(rest)
        switch scheme {
        case "usb": self = .usb(try Self.usbSelector(body, query, text))
        case "lp":
            guard body.hasPrefix("/") else { throw AddressError(text, "give an absolute device path, e.g. lp:///dev/usb/lp0") }
            guard query.isEmpty else { throw AddressError(text, "lp:// takes no options") }
            self = .lp(path: body)
        case "serial":
            guard body.hasPrefix("/") else { throw AddressError(text, "give an absolute device path, e.g. serial:///dev/ttyUSB0") }
            self = .serial(path: body, settings: try SerialLineSettings(query: query, url: text))
        case "tcp":
            self = try Self.tcp(body, query, text)
        default:
            throw AddressError(text, "unknown scheme \"\(scheme)\"")
        }
    }

    static func splitQuery(_ rest: String) -> (String, [String: String]) {
        guard let q = rest.firstIndex(of: "?") else { return (rest, [:]) }
        var query: [String: String] = [:]
        for pair in rest[rest.index(after: q)...].split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            query[kv[0].lowercased()] = kv.count > 1 ? (kv[1].removingPercentEncoding ?? kv[1]) : ""
        }
        return (String(rest[..<q]), query)
    }

    static func usbSelector(_ body: String, _ query: [String: String], _ url: String) throws -> USBSelector {
        var selector = USBSelector()
        let ids = body.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !ids.isEmpty {
            let parts = ids.split(separator: ":").map(String.init)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }),
                  let v = UInt16(parts[0], radix: 16), let p = UInt16(parts[1], radix: 16) else {
                throw AddressError(url, "write the ids as four hex digits each, e.g. usb://04b8:0202 (see `till devices`)")
            }
            selector.vendorId = v
            selector.productId = p
        }
        for (key, value) in query {
            switch key {
            case "serial": selector.serial = value
            case "interface":
                guard let i = Int(value), (0...255).contains(i) else { throw AddressError(url, "interface must be a number 0–255") }
                selector.interface = i
            default: throw AddressError(url, "unknown option \"\(key)\" (known: serial, interface)")
            }
        }
        return selector
    }

    static func tcp(_ body: String, _ query: [String: String], _ url: String) throws -> PrinterAddress {
        guard query.isEmpty else { throw AddressError(url, "tcp:// takes no options") }
        let hostPort = body.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        guard !hostPort.isEmpty else { throw AddressError(url, "give a host, e.g. tcp://192.168.1.50:9100") }
        if let colon = hostPort.lastIndex(of: ":") {
            let host = String(hostPort[..<colon])
            guard !host.isEmpty, let port = UInt16(hostPort[hostPort.index(after: colon)...]), port > 0 else {
                throw AddressError(url, "the port must be a number 1–65535, e.g. tcp://192.168.1.50:9100")
            }
            return .tcp(host: host, port: port)
        }
        return .tcp(host: hostPort, port: defaultTCPPort)
    }
}

func hex4(_ v: UInt16) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 4 - s.count) + s
}

/// A printer URL that cannot be read.
public struct AddressError: Error, CustomStringConvertible, Equatable {
    public let url: String
    public let why: String
    init(_ url: String, _ why: String) { self.url = url; self.why = why }

    public static let forms = "usb://VID:PID[?serial=..&interface=N], lp:///dev/usb/lp0, "
        + "serial:///dev/ttyUSB0?baud=9600&flow=none|xonxoff|rtscts, tcp://HOST:9100, file:PATH, virtual"

    public var description: String { "printer URL \"\(url)\": \(why). Accepted: \(Self.forms)" }
}
