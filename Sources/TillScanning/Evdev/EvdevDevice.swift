import Glibc

/// A Linux input device (/dev/input/eventN) opened for reading key events.
public final class EvdevDevice {
    public let path: String
    public private(set) var fd: Int32
    public private(set) var grabbed = false

    public init(path: String) throws(DeviceError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw DeviceError(operation: .open, path: path, errno: errno) }
        self.fd = fd
    }

    deinit { close() }

    /// The name the device reports ("Honeywell Scanner"), or nil if it does not answer.
    public func name() -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { ioctl(fd, EvdevIoctl.getName(256), $0.baseAddress!) }
        guard n > 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// USB (or other bus) vendor and product id.
    public func identity() -> (bus: UInt16, vendor: UInt16, product: UInt16)? {
        var id = [UInt16](repeating: 0, count: 4)
        let rc = id.withUnsafeMutableBytes { ioctl(fd, EvdevIoctl.getID, $0.baseAddress!) }
        return rc == 0 ? (id[0], id[1], id[2]) : nil
    }

    /// Takes the device for this process alone, so a scan is not typed into the console or
    /// another program as well. Released by `ungrab()` or `close()`, and by the kernel at exit.
    public func grab() throws(DeviceError) {
        guard ioctl(fd, EvdevIoctl.grab, CInt(1)) == 0 else { throw DeviceError(operation: .grab, path: path, errno: errno) }
        grabbed = true
    }

    public func ungrab() {
        if grabbed, fd >= 0 { _ = ioctl(fd, EvdevIoctl.grab, CInt(0)) }
        grabbed = false
    }

    /// Events that arrive within `timeoutMs` (empty on timeout).
    public func readEvents(timeoutMs: Int) throws(DeviceError) -> [InputEvent] {
        guard try pollReady(fd, events: Int16(POLLIN), timeoutMs: timeoutMs) else { return [] }
        var buffer = [UInt8](repeating: 0, count: InputEvent.size * 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n > 0 { return InputEvent.parse(Array(buffer[0..<n])) }
            if n == 0 { return [] }
            if errno == EAGAIN { return [] }
            if errno == EINTR { continue }
            // ENODEV: the scanner was unplugged.
            throw DeviceError(operation: .read, path: path, errno: errno)
        }
    }

    public func close() {
        ungrab()
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }
}
