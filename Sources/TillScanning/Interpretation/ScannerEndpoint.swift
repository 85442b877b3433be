import TillSerial
import TillCore

/// Where a scanner is and how to read it, from the URL a technician types or the config holds:
///   serial:///dev/ttyUSB0?baud=9600&flow=none|xonxoff|rtscts&suffix=cr|lf|crlf|none
///   evdev:///dev/input/event5?layout=us|de&grab=yes|no
///   keyboard            (the terminal itself, scans told from typing by their speed)
public enum ScannerEndpoint: Hashable, Sendable {
    case serial(path: String, settings: SerialLineSettings, suffix: ScanSuffix)
    case evdev(path: String, layout: String, grab: Bool)
    case keyboard

    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: LocalizedText
        public var remedy: LocalizedText
        public var description: String { message.en + " " + remedy.en }

        static func bad(_ url: String, _ en: String, _ zh: String) -> ParseError {
            ParseError(message: LocalizedText(en: "Scanner address \"\(url)\": \(en).", zh: "扫描枪地址 “\(url)”：\(zh)。"),
                       remedy: LocalizedText(
                        en: "Write it as serial:///dev/ttyUSB0?baud=9600&flow=none&suffix=cr, evdev:///dev/input/event5?layout=us, or keyboard.",
                        zh: "请写成 serial:///dev/ttyUSB0?baud=9600&flow=none&suffix=cr、evdev:///dev/input/event5?layout=us 或 keyboard。"))
        }
    }

    public static func parse(_ url: String) throws(ParseError) -> ScannerEndpoint {
        if url == "keyboard" || url == "keyboard:" || url == "keyboard://" { return .keyboard }
        let (scheme, rest) = url.split(separator: ":", maxSplits: 1).map(String.init).pair
        guard let rest, rest.hasPrefix("//") else { throw .bad(url, "it has no scheme", "缺少协议部分") }
        let afterSlashes = rest.dropFirst(2)
        let pathAndQuery = afterSlashes.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = pathAndQuery[0]
        guard path.hasPrefix("/dev/") else { throw .bad(url, "the device must be a path under /dev", "设备必须是 /dev 下的路径") }
        var query: [String: String] = [:]
        if pathAndQuery.count > 1 {
            for pair in pathAndQuery[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                query[kv[0].lowercased()] = kv.count > 1 ? kv[1].lowercased() : ""
            }
        }
        switch scheme {
        case "serial":
            let baudText = query.removeValue(forKey: "baud") ?? "9600"
            guard let baud = Int(baudText), SerialLineSettings.supportedBauds.contains(baud) else {
                throw .bad(url, "baud \(baudText) is not one of \(SerialLineSettings.supportedBauds.map(String.init).joined(separator: ", "))",
                           "波特率 \(baudText) 不在支持范围内")
            }
            let flowText = query.removeValue(forKey: "flow") ?? "none"
            guard let flow = SerialLineSettings.Flow(rawValue: flowText) else {
                throw .bad(url, "flow must be none, xonxoff or rtscts", "flow 必须为 none、xonxoff 或 rtscts")
            }
            let suffixText = query.removeValue(forKey: "suffix") ?? "cr"
            guard let suffix = ScanSuffix(rawValue: suffixText) else {
                throw .bad(url, "suffix must be cr, lf, crlf or none", "suffix 必须为 cr、lf、crlf 或 none")
            }
            try rejectLeftovers(query, url)
            return .serial(path: path, settings: SerialLineSettings(baud: baud, flow: flow), suffix: suffix)
        case "evdev":
            let layout = query.removeValue(forKey: "layout") ?? "us"
            guard KeyboardLayout.named(layout) != nil else {
                throw .bad(url, "layout must be one of \(KeyboardLayout.all.map(\.name).joined(separator: ", "))",
                           "layout 必须为 \(KeyboardLayout.all.map(\.name).joined(separator: "、")) 之一")
            }
            let grab = query.removeValue(forKey: "grab").map { !["no", "0", "false"].contains($0) } ?? true
            try rejectLeftovers(query, url)
            return .evdev(path: path, layout: layout, grab: grab)
        default:
            throw .bad(url, "unknown scheme \"\(scheme)\"", "未知协议 “\(scheme)”")
        }
    }

    private static func rejectLeftovers(_ query: [String: String], _ url: String) throws(ParseError) {
        if let key = query.keys.sorted().first { throw .bad(url, "unknown setting \"\(key)\"", "未知设置 “\(key)”") }
    }
}

extension Array where Element == String {
    fileprivate var pair: (String, String?) { (self.first ?? "", count > 1 ? self[1] : nil) }
}

/// A scanner address (scanner.url, --scanner) that cannot be read: a `Problem` (its message and remedy above, a stable code).
extension ScannerEndpoint.ParseError: Problem {
    public var code: String { "scanner_address_unreadable" }
}
