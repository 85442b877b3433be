import Glibc

/// The one termios set-up for serial devices, printers and scanners alike: raw mode (no echo,
/// no line editing, no CR/LF translation: every byte arrives as sent), 8N1, the baud both ways,
/// the flow control, and VMIN/VTIME 0 so read() never waits (poll() does, with the caller's
/// timeout). The callers turn a failure into their own error with its remedy.
public enum SerialLine {
    public enum Failure: Error, Equatable, Sendable {
        /// A baud rate termios cannot set.
        case unsupportedBaud(Int)
        /// tcgetattr failed: not a terminal (errno).
        case notATerminal(errno: Int32)
        /// tcsetattr or cfset*speed failed (errno).
        case cannotApply(errno: Int32)
    }

    public static func configure(_ fd: Int32, _ settings: SerialLineSettings) throws(Failure) {
        guard let speed = SerialLineSettings.speed(for: settings.baud) else { throw .unsupportedBaud(settings.baud) }
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else { throw .notATerminal(errno: errno) }
        cfmakeraw(&t)
        t.c_cflag &= ~(tcflag_t(CSIZE | PARENB | CSTOPB) | tcflag_t(CRTSCTS))
        t.c_cflag |= tcflag_t(CS8 | CLOCAL | CREAD)
        t.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        switch settings.flow {
        case .none: break
        case .xonxoff: t.c_iflag |= tcflag_t(IXON | IXOFF)
        case .rtscts: t.c_cflag |= tcflag_t(CRTSCTS)
        }
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
            // The XON/XOFF characters ESC/POS printers and scanners use (the defaults, set explicitly).
            cc[Int(VSTART)] = 0x11
            cc[Int(VSTOP)] = 0x13
        }
        guard cfsetispeed(&t, speed) == 0, cfsetospeed(&t, speed) == 0, tcsetattr(fd, TCSANOW, &t) == 0 else {
            throw .cannotApply(errno: errno)
        }
    }
}
