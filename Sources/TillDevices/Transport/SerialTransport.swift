import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A serial printer (/dev/ttyUSB0, /dev/ttyACM0, /dev/ttyS0) in raw 8N1 with the URL's baud
/// and flow control. With xonxoff the kernel honours the printer's XOFF/XON (IXON): our writes
/// pause while its buffer is full, and the write timeout bounds that pause.
///
/// A minimal termios port of its own: TillScanning (branch `scanning`) has a `SerialPort` with
/// the same settings; the two are to be unified in one shared target.
public final class SerialTransport: PrinterTransport, DescriptorBacked {
    public let path: String
    public let settings: SerialLineSettings
    var fd: Int32 = -1

    public init(path: String, settings: SerialLineSettings) {
        self.path = path
        self.settings = settings
    }

    deinit { close() }

    public var name: String { PrinterAddress.serial(path: path, settings: settings).description }
    public var isOpen: Bool { fd >= 0 }
    /// 10 bits per byte on the wire (start, 8 data, stop).
    public var bytesPerSecond: Double? { Double(settings.baud) / 10 }

    public func open() throws {
        close()
        // O_NOCTTY: a printer's line must never become our controlling terminal.
        let f = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard f >= 0 else { throw DeviceFileTransport.openError(path: path, code: errno, name: name) }
        // Exclusive: a second till (or a getty) cannot open the line under us.
        _ = ioctl(f, UInt(TIOCEXCL))
        do { try Self.configure(f, settings, path: path) } catch { Glibc.close(f); throw error }
        fd = f
    }

    /// Raw mode, 8N1, the baud both ways, flow control; VMIN/VTIME 0 so poll() does the waiting.
    static func configure(_ fd: Int32, _ s: SerialLineSettings, path: String) throws {
        guard let speed = speedCode(s.baud) else {
            throw PrinterDeviceError.io("serial \(path)", "baud \(s.baud) is not supported")
        }
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else {
            throw PrinterDeviceError(.unsupported, en: "\(path) is not a serial port (\(String(cString: strerror(errno))))",
                                     zh: "\(path) 不是串口（\(String(cString: strerror(errno)))）",
                                     remedyEn: "check the device path in printer.url (`till devices` lists serial ports)",
                                     remedyZh: "请检查 printer.url 中的设备路径（`till devices` 可列出串口）")
        }
        cfmakeraw(&t)
        t.c_cflag &= ~(tcflag_t(CSIZE | PARENB | CSTOPB) | tcflag_t(CRTSCTS))
        t.c_cflag |= tcflag_t(CS8 | CLOCAL | CREAD)
        t.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        switch s.flow {
        case .none: break
        case .xonxoff: t.c_iflag |= tcflag_t(IXON | IXOFF)
        case .rtscts: t.c_cflag |= tcflag_t(CRTSCTS)
        }
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
            // The XON/XOFF characters ESC/POS printers use (the defaults, set explicitly).
            cc[Int(VSTART)] = 0x11
            cc[Int(VSTOP)] = 0x13
        }
        guard cfsetispeed(&t, speed) == 0, cfsetospeed(&t, speed) == 0, tcsetattr(fd, TCSANOW, &t) == 0 else {
            throw PrinterDeviceError.io("serial \(path)", "cannot set \(s.baud) baud: \(String(cString: strerror(errno)))")
        }
    }

    static func speedCode(_ baud: Int) -> speed_t? {
        let table: [Int: Int] = [1200: Int(B1200), 2400: Int(B2400), 4800: Int(B4800), 9600: Int(B9600), 19200: Int(B19200), 38400: Int(B38400),
                                   57600: Int(B57600), 115200: Int(B115200), 230400: Int(B230400), 460800: Int(B460800), 921600: Int(B921600)]
        return table[baud].map { speed_t($0) }
    }

    public func write(_ bytes: [UInt8], timeout: Double) throws { try writeDescriptor(bytes, timeout: timeout) }
    public func read(timeout: Double) throws -> [UInt8] { try readDescriptor(timeout: timeout) }
    public func close() { closeDescriptor() }
}
