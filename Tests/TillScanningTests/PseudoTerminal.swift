import TillSerial
import Glibc
import TillScanning

/// A pseudo-terminal pair: the test plays the scanner on the master, the reader opens the slave
/// by path like a real /dev/ttyUSB0. A real tty: termios settings stick and can be read back.
final class PseudoTerminal {
    let master: Int32
    let slavePath: String
    /// Held open so the line stays up while the reader opens and closes the slave.
    private let slaveKeeper: Int32

    init() throws {
        // posix_openpt/ptsname are hidden from Swift's Glibc module; the ioctls they wrap are not.
        // TIOCSPTLCK = _IOW('T', 0x31, int) unlocks the slave, TIOCGPTN = _IOR('T', 0x30, uint) names it.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw DeviceError(operation: .open, path: "/dev/ptmx", errno: errno)
        }
        slavePath = "/dev/pts/\(number)"
        slaveKeeper = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    }

    /// What a scanner would send, as one write.
    func send(_ text: String) { send(Array(text.utf8)) }
    func send(_ bytes: [UInt8]) {
        let n = bytes.withUnsafeBytes { write(master, $0.baseAddress, bytes.count) }
        precondition(n == bytes.count, "pty write")
    }

    /// The termios of the line, read on the master (independent of the reader's descriptor).
    func termiosOnMaster() throws -> TermiosSnapshot {
        guard let snapshot = TermiosSnapshot.read(fd: master) else { throw DeviceError(operation: .configure, path: "pty master", errno: errno) }
        return snapshot
    }

    deinit {
        close(slaveKeeper)
        close(master)
    }
}
