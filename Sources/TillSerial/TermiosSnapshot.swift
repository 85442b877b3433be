import Glibc

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

    /// Nil when `fd` is not a terminal (errno tells why).
    public static func read(fd: Int32) -> TermiosSnapshot? {
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else { return nil }
        let size: Int
        switch t.c_cflag & tcflag_t(CSIZE) {
        case tcflag_t(CS5): size = 5
        case tcflag_t(CS6): size = 6
        case tcflag_t(CS7): size = 7
        default: size = 8
        }
        return TermiosSnapshot(
            baud: SerialLineSettings.baud(for: cfgetospeed(&t)), dataBits: size,
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
