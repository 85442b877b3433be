import Glibc

/// The terminal in character-at-a-time mode without echo, for the keyboard-wedge test; Ctrl-C
/// still raises SIGINT (ISIG stays on). `restore()` puts the user's settings back.
final class RawTerminal {
    private var saved = termios()
    private let fd: Int32

    init?(fd: Int32 = 0) {
        self.fd = fd
        guard isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        raw.c_iflag &= ~tcflag_t(ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
    }

    /// Bytes typed within `timeoutMs` (empty on timeout).
    func read(timeoutMs: Int32) -> [UInt8] {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, timeoutMs) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 256) }
        return n > 0 ? Array(buffer[0..<n]) : []
    }

    func restore() { tcsetattr(fd, TCSANOW, &saved) }

    deinit { restore() }
}
