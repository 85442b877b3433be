import Glibc

/// Line settings of a serial device, printer or scanner: 8 data bits, no parity, 1 stop bit
/// (8N1, what POS printers and scanners use), with the baud rate and the flow control.
public struct SerialLineSettings: Hashable, Sendable {
    public enum Flow: String, Hashable, Sendable, CaseIterable {
        case none
        /// Software flow control: the device sends XOFF (0x13) when its buffer fills, XON (0x11)
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

    /// Baud rates termios can set, with their speed_t codes: the one table.
    static let speeds: [(Int, speed_t)] = [
        (1200, speed_t(B1200)), (2400, speed_t(B2400)), (4800, speed_t(B4800)), (9600, speed_t(B9600)),
        (19200, speed_t(B19200)), (38400, speed_t(B38400)), (57600, speed_t(B57600)), (115200, speed_t(B115200)),
        (230400, speed_t(B230400)), (460800, speed_t(B460800)), (921600, speed_t(B921600)),
    ]

    public static var supportedBauds: [Int] { speeds.map(\.0) }

    static func speed(for baud: Int) -> speed_t? { speeds.first { $0.0 == baud }?.1 }
    static func baud(for speed: speed_t) -> Int? { speeds.first { $0.1 == speed }?.0 }
}
