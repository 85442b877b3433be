import Glibc
import TillSerial

/// A serial device (/dev/ttyUSB0, /dev/ttyACM0, /dev/ttyS0, or a pseudo-terminal in tests) in raw
/// 8N1 mode with the chosen baud and flow control, read and written with timeouts.
///
/// Shared by the device layer: scanners here, and serial ESC/POS printers later (that is why it
/// knows how to write and how to read modem lines). Nothing in it is scanner-specific.
/// Every call is bounded by a timeout; nothing blocks forever on a silent device.
public final class SerialPort {
    public let path: String
    public private(set) var fd: Int32

    /// Opens and configures the port. O_NOCTTY: a scanner must never become our controlling tty.
    public init(path: String, settings: SerialLineSettings) throws(DeviceError) {
        self.path = path
        let fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw DeviceError(operation: .open, path: path, errno: errno) }
        self.fd = fd
        do {
            try configure(settings)
        } catch {
            Glibc.close(fd)
            self.fd = -1
            throw error
        }
    }

    deinit { close() }

    /// Raw mode, 8N1, the baud both ways and the flow control (`SerialLine`, shared with the
    /// serial printer transport).
    public func configure(_ settings: SerialLineSettings) throws(DeviceError) {
        do throws(SerialLine.Failure) { try SerialLine.configure(fd, settings) } catch {
            switch error {
            case .unsupportedBaud: throw DeviceError(operation: .configure, path: path, errno: EINVAL)
            case .notATerminal(let code), .cannotApply(let code): throw DeviceError(operation: .configure, path: path, errno: code)
            }
        }
    }

    /// What the kernel now holds for this port.
    public func applied() throws(DeviceError) -> TermiosSnapshot {
        guard let snapshot = TermiosSnapshot.read(fd: fd) else { throw DeviceError(operation: .configure, path: path, errno: errno) }
        return snapshot
    }

    /// Up to `maxBytes` bytes, waiting at most `timeoutMs`; empty when nothing came in time.
    public func read(maxBytes: Int = 4096, timeoutMs: Int) throws(DeviceError) -> [UInt8] {
        guard try pollReady(fd, events: Int16(POLLIN), timeoutMs: timeoutMs) else { return [] }
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, maxBytes) }
            if n > 0 { return Array(buffer[0..<n]) }
            if n == 0 { throw DeviceError(operation: .read, path: path, errno: EIO) }  // hung up
            if errno == EAGAIN { return [] }
            if errno == EINTR { continue }
            throw DeviceError(operation: .read, path: path, errno: errno)
        }
    }

    /// Writes all bytes unless `timeoutMs` passes first (flow control can hold us); returns how
    /// many were written.
    @discardableResult
    public func write(_ bytes: [UInt8], timeoutMs: Int) throws(DeviceError) -> Int {
        let deadline = monotonicNanoseconds() + UInt64(max(0, timeoutMs)) * 1_000_000
        var written = 0
        while written < bytes.count {
            let now = monotonicNanoseconds()
            guard now < deadline else { break }
            guard try pollReady(fd, events: Int16(POLLOUT), timeoutMs: Int((deadline - now) / 1_000_000)) else { break }
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n > 0 { written += n; continue }
            if n < 0, errno == EAGAIN || errno == EINTR { continue }
            throw DeviceError(operation: .write, path: path, errno: errno)
        }
        return written
    }

    /// Modem control lines (DSR, CTS, DCD…), or nil where the device has none: pseudo-terminals
    /// and some USB adapters answer ENOTTY/EINVAL, which is not an error for the caller.
    public func modemLines() throws(DeviceError) -> ModemLines? {
        var bits: Int32 = 0
        if ioctl(fd, UInt(TIOCMGET), &bits) == 0 { return ModemLines(bits: bits) }
        if errno == ENOTTY || errno == EINVAL { return nil }
        throw DeviceError(operation: .read, path: path, errno: errno)
    }

    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }
}

/// Modem status lines as TIOCMGET reports them.
public struct ModemLines: Hashable, Sendable {
    public var bits: Int32
    public var clearToSend: Bool { bits & TIOCM_CTS != 0 }
    public var dataSetReady: Bool { bits & TIOCM_DSR != 0 }
    public var carrierDetect: Bool { bits & TIOCM_CAR != 0 }
}
