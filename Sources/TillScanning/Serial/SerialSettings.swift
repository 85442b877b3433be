import Glibc

/// Line settings for a serial device: baud, always 8 data bits, no parity, 1 stop bit (8N1 is
/// what POS scanners and printers use), and the flow control the device is set to.
public struct SerialSettings: Hashable, Sendable {
    public enum Flow: String, Hashable, Sendable, CaseIterable {
        case none, xonxoff, rtscts
    }

    public var baud: Int
    public var flow: Flow

    public init(baud: Int = 9600, flow: Flow = .none) {
        self.baud = baud
        self.flow = flow
    }

    /// Baud rates termios can set, with their speed_t codes.
    static let speeds: [(Int, speed_t)] = [
        (1200, speed_t(B1200)), (2400, speed_t(B2400)), (4800, speed_t(B4800)), (9600, speed_t(B9600)),
        (19200, speed_t(B19200)), (38400, speed_t(B38400)), (57600, speed_t(B57600)), (115200, speed_t(B115200)),
        (230400, speed_t(B230400)), (460800, speed_t(B460800)), (921600, speed_t(B921600)),
    ]

    public static var supportedBauds: [Int] { speeds.map(\.0) }

    static func speed(for baud: Int) -> speed_t? { speeds.first { $0.0 == baud }?.1 }
    static func baud(for speed: speed_t) -> Int? { speeds.first { $0.1 == speed }?.0 }
}

/// What the kernel holds for a terminal, read back with tcgetattr: proof of what was applied.
public struct TermiosSnapshot: Hashable, Sendable, CustomStringConvertible {
    public var baud: Int?
    public var dataBits: Int
    public var parity: Bool
    public var twoStopBits: Bool
    public var xonXoff: Bool
    public var rtsCts: Bool
    public var canonical: Bool
    public var echo: Bool

    public static func read(fd: Int32) throws(DeviceError) -> TermiosSnapshot {
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else { throw DeviceError(operation: .configure, path: "fd \(fd)", errno: errno) }
        let size: Int
        switch t.c_cflag & tcflag_t(CSIZE) {
        case tcflag_t(CS5): size = 5
        case tcflag_t(CS6): size = 6
        case tcflag_t(CS7): size = 7
        default: size = 8
        }
        return TermiosSnapshot(
            baud: SerialSettings.baud(for: cfgetospeed(&t)), dataBits: size,
            parity: t.c_cflag & tcflag_t(PARENB) != 0, twoStopBits: t.c_cflag & tcflag_t(CSTOPB) != 0,
            xonXoff: t.c_iflag & tcflag_t(IXON) != 0 && t.c_iflag & tcflag_t(IXOFF) != 0,
            rtsCts: t.c_cflag & tcflag_t(CRTSCTS) != 0,
            canonical: t.c_lflag & tcflag_t(ICANON) != 0, echo: t.c_lflag & tcflag_t(ECHO) != 0)
    }

    public var description: String {
        let flow = rtsCts ? "rtscts" : xonXoff ? "xonxoff" : "none"
        return "\(baud.map(String.init) ?? "?") baud, \(dataBits)\(parity ? "E/O" : "N")\(twoStopBits ? 2 : 1), flow \(flow), "
            + (canonical || echo ? "cooked" : "raw")
    }
}
