/// Line settings of a serial printer: 8 data bits, no parity, 1 stop bit (8N1, what ESC/POS
/// printers use), with the baud rate and flow control from the URL.
public struct SerialLineSettings: Hashable, Sendable {
    public enum Flow: String, Hashable, Sendable, CaseIterable {
        case none
        /// Software flow control: the printer sends XOFF (0x13) when its buffer fills, XON (0x11)
        /// when it has room; the kernel pauses our writes in between (IXON).
        case xonxoff
        /// Hardware flow control on the RTS/CTS lines (CRTSCTS).
        case rtscts
    }

    public var baud: Int
    public var flow: Flow

    /// 9600 8N1: the common factory setting.
    public init(baud: Int = 9600, flow: Flow = .none) {
        self.baud = baud
        self.flow = flow
    }

    public static let supportedBauds = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600]

    init(query: [String: String], url: String) throws {
        self.init()
        for (key, value) in query {
            switch key {
            case "baud":
                guard let b = Int(value), Self.supportedBauds.contains(b) else {
                    throw AddressError(url, "baud must be one of \(Self.supportedBauds.map(String.init).joined(separator: ", "))")
                }
                baud = b
            case "flow":
                let spelled = value.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "/", with: "")
                guard let f = Flow(rawValue: spelled) else { throw AddressError(url, "flow must be none, xonxoff or rtscts") }
                flow = f
            default:
                throw AddressError(url, "unknown option \"\(key)\" (known: baud, flow)")
            }
        }
    }
}
