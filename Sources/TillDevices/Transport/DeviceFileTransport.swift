import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A printer character device: /dev/usb/lp0 (the usblp kernel driver, which also passes the
/// printer's replies back on read). Opened read-write, non-blocking, every wait bounded.
public final class DeviceFileTransport: PrinterTransport, DescriptorBacked {
    public let path: String
    var fd: Int32 = -1

    public init(path: String) { self.path = path }
    deinit { close() }

    public var name: String { "lp://\(path)" }
    public var isOpen: Bool { fd >= 0 }

    public func open() throws {
        close()
        let f = Glibc.open(path, O_RDWR | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard f >= 0 else { throw DeviceFileTransport.openError(path: path, code: errno, name: name) }
        fd = f
    }

    static func openError(path: String, code: Int32, name: String) -> PrinterDeviceError {
        switch code {
        case EACCES, EPERM: return .permission(path)
        case EBUSY:
            return PrinterDeviceError(.busy, en: "\(path) is busy: another program has it open",
                               zh: "\(path) 正忙：已被其他程序打开",
                               remedyEn: "stop the other program (CUPS, another till) and try again; `fuser -v \(path)` shows which",
                               remedyZh: "请关闭占用它的程序（CUPS 或另一个收银程序）后重试；`fuser -v \(path)` 可查看是谁")
        case ENOENT, ENODEV, ENXIO:
            return PrinterDeviceError(.notFound, en: "printer offline: \(path) does not exist", zh: "打印机离线：\(path) 不存在",
                               remedyEn: "plug the printer in and switch it on; `till devices` lists what is connected",
                               remedyZh: "请连接打印机并开机；`till devices` 可列出已连接的设备")
        default:
            return .io("cannot open \(path)", String(cString: strerror(code)))
        }
    }

    public func write(_ bytes: [UInt8], timeout: Double) throws { try writeDescriptor(bytes, timeout: timeout) }
    public func read(timeout: Double) throws -> [UInt8] { try readDescriptor(timeout: timeout) }
    public func close() { closeDescriptor() }
}
