import Foundation
import TillSerial
#if canImport(Glibc)
import Glibc
#endif

/// A serial printer (/dev/ttyUSB0, /dev/ttyACM0, /dev/ttyS0) in raw 8N1 with the URL's baud
/// and flow control. With xonxoff the kernel honours the printer's XOFF/XON (IXON): our writes
/// pause while its buffer is full, and the write timeout bounds that pause.
/// The termios set-up is TillSerial's `SerialLine`, the one the scanners use too.
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

    /// Raw mode, 8N1, the baud both ways, flow control (`SerialLine`).
    static func configure(_ fd: Int32, _ s: SerialLineSettings, path: String) throws {
        do throws(SerialLine.Failure) { try SerialLine.configure(fd, s) } catch {
            switch error {
            case .unsupportedBaud:
                throw PrinterDeviceError.io("serial \(path)", "baud \(s.baud) is not supported")
            case .notATerminal(let code):
                throw PrinterDeviceError(.unsupported, en: "\(path) is not a serial port (\(String(cString: strerror(code))))",
                                         zh: "\(path) 不是串口（\(String(cString: strerror(code)))）",
                                         remedyEn: "check the device path in printer.url (`till devices` lists serial ports)",
                                         remedyZh: "请检查 printer.url 中的设备路径（`till devices` 可列出串口）")
            case .cannotApply(let code):
                throw PrinterDeviceError.io("serial \(path)", "cannot set \(s.baud) baud: \(String(cString: strerror(code)))")
            }
        }
    }

    public func write(_ bytes: [UInt8], timeout: Double) throws { try writeDescriptor(bytes, timeout: timeout) }
    public func read(timeout: Double) throws -> [UInt8] { try readDescriptor(timeout: timeout) }
    public func close() { closeDescriptor() }
}
