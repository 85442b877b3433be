import CLibUSB

/// A USB printer through libusb: finds it by vendor:product id (or the first printer-class
/// device), detaches the usblp kernel driver if bound (re-attached on close), claims the
/// interface, writes bulk OUT in chunks and reads status on bulk IN, every transfer with a
/// timeout. An unplugged printer reads as `disconnected` (offline).
public final class USBTransport: PrinterTransport {
    public let selector: PrinterAddress.USBSelector
    /// Bytes per bulk OUT transfer: small enough that a timeout is noticed per chunk.
    public var chunkSize = 4096
    private var context: USBContext?
    private var handle: OpaquePointer?
    private var interface: USBDevice.Interface?
    private var detachedKernelDriver = false
    /// Where the claimed device sits (/dev/bus/usb/001/002), for messages.
    private var node: String?

    public init(selector: PrinterAddress.USBSelector) {
        self.selector = selector
    }

    private var described: String {
        PrinterAddress.usb(selector).description + (node.map { " at \($0)" } ?? "")
    }

    deinit { close() }

    public var name: String { described }
    public var isOpen: Bool { handle != nil }

    public func open() throws {
        close()
        let context = try USBContext()
        let devices = context.devices()
        let candidates = devices.filter { d in
            if let v = selector.vendorId, let p = selector.productId { return d.vendorId == v && d.productId == p }
            return d.isPrinterClass
        }
        guard !candidates.isEmpty else {
            throw PrinterDeviceError(.notFound, en: "printer offline: no USB printer \(described) is connected",
                              zh: "打印机离线：未连接 USB 打印机 \(described)",
                              remedyEn: "plug the printer in and switch it on; `till devices` lists what is connected",
                              remedyZh: "请连接打印机并开机；`till devices` 可列出已连接的设备")
        }
        var lastError: PrinterDeviceError?
        for device in candidates {
            do {
                try claim(device)
                self.context = context
                return
            } catch let error as PrinterDeviceError {
                lastError = error
            }
        }
        throw lastError!
    }

    /// Opens one device, checks its serial number, detaches usblp, claims the interface.
    private func claim(_ device: USBDevice) throws {
        let where_ = "\(PrinterAddress.usb(selector)) at \(device.nodePath)"
        var h: OpaquePointer?
        let r = libusb_open(device.raw, &h)
        guard r == 0, let h else { throw Self.openError(r, where_) }
        var ok = false
        defer { if !ok { libusb_close(h) } }

        if let wanted = selector.serial, readSerial(h, device) != wanted {
            throw PrinterDeviceError(.notFound, en: "the USB printer at \(device.nodePath) has another serial number than \(wanted)",
                              zh: "\(device.nodePath) 上的 USB 打印机序列号不是 \(wanted)",
                              remedyEn: "check serial= in printer.url against `till devices`",
                              remedyZh: "请对照 `till devices` 检查 printer.url 中的 serial=")
        }
        let all = device.interfaces()
        let chosen = selector.interface.flatMap { n in all.first { $0.number == Int32(n) } } ?? device.printerInterface
        guard let iface = chosen, iface.bulkOut != nil else {
            throw PrinterDeviceError(.unsupported, en: "\(where_) has no printer interface with a bulk OUT endpoint",
                              zh: "\(where_) 没有带批量输出端点的打印机接口",
                              remedyEn: "give the interface number: usb://VID:PID?interface=N (see `lsusb -v`)",
                              remedyZh: "请指定接口号：usb://VID:PID?interface=N（见 `lsusb -v`）")
        }
        var detached = false
        if libusb_kernel_driver_active(h, iface.number) == 1 {
            // usblp holds printer-class interfaces; we talk to the endpoints ourselves.
            let d = libusb_detach_kernel_driver(h, iface.number)
            guard d == 0 else { throw Self.claimError(d, where_) }
            detached = true
        }
        let c = libusb_claim_interface(h, iface.number)
        guard c == 0 else {
            if detached { libusb_attach_kernel_driver(h, iface.number) }
            throw Self.claimError(c, where_)
        }
        handle = h
        interface = iface
        detachedKernelDriver = detached
        node = device.nodePath
        ok = true
    }

    private func readSerial(_ h: OpaquePointer, _ device: USBDevice) -> String? {
        guard device.descriptor.iSerialNumber != 0 else { return nil }
        var buf = [UInt8](repeating: 0, count: 256)
        let n = libusb_get_string_descriptor_ascii(h, device.descriptor.iSerialNumber, &buf, Int32(buf.count))
        return n > 0 ? String(decoding: buf.prefix(Int(n)), as: UTF8.self) : nil
    }

    public func write(_ bytes: [UInt8], timeout: Double) throws {
        guard let handle, let ep = interface?.bulkOut else { throw PrinterDeviceError.disconnected(described, sent: 0, total: bytes.count) }
        var sent = 0
        var buffer = bytes
        while sent < buffer.count {
            let length = min(chunkSize, buffer.count - sent)
            var transferred: Int32 = 0
            let r = buffer.withUnsafeMutableBufferPointer { buf in
                libusb_bulk_transfer(handle, ep, buf.baseAddress! + sent, Int32(length), &transferred, Self.milliseconds(timeout))
            }
            sent += Int(transferred)
            if r == 0 { continue }
            if r == LIBUSB_ERROR_PIPE.rawValue {
                // A stalled endpoint: clear it once and go on.
                if libusb_clear_halt(handle, ep) == 0 { continue }
            }
            throw transferError(r, sent: sent, total: bytes.count)
        }
    }

    public func read(timeout: Double) throws -> [UInt8] {
        guard let handle else { throw PrinterDeviceError.disconnected(described, sent: 0, total: 0) }
        guard let ep = interface?.bulkIn else {
            // A write-only printer: nothing ever comes back (the driver then reports "unknown").
            return []
        }
        var buf = [UInt8](repeating: 0, count: 64)
        var transferred: Int32 = 0
        let r = libusb_bulk_transfer(handle, ep, &buf, Int32(buf.count), &transferred, Self.milliseconds(timeout))
        if r == 0 || r == LIBUSB_ERROR_TIMEOUT.rawValue { return Array(buf.prefix(Int(transferred))) }
        if r == LIBUSB_ERROR_OVERFLOW.rawValue { return Array(buf.prefix(Int(transferred))) }
        throw transferError(r, sent: 0, total: 0)
    }

    public func close() {
        guard let h = handle else { context = nil; return }
        if let iface = interface {
            libusb_release_interface(h, iface.number)
            // Give the device back to usblp as we found it.
            if detachedKernelDriver { libusb_attach_kernel_driver(h, iface.number) }
        }
        libusb_close(h)
        handle = nil
        interface = nil
        detachedKernelDriver = false
        node = nil
        context = nil
    }

    /// libusb reads a timeout of 0 as "wait forever": never pass it.
    static func milliseconds(_ seconds: Double) -> UInt32 { UInt32(max(1, min(seconds * 1000, 600_000))) }

    private func transferError(_ r: Int32, sent: Int, total: Int) -> PrinterDeviceError {
        if r == LIBUSB_ERROR_NO_DEVICE.rawValue || r == LIBUSB_ERROR_IO.rawValue {
            let error = PrinterDeviceError.disconnected(described, sent: sent, total: total)
            close()
            return error
        }
        if r == LIBUSB_ERROR_TIMEOUT.rawValue {
            return PrinterDeviceError(.timeout, en: "\(described) stopped taking data after \(sent) of \(total) bytes",
                               zh: "\(described) 在接收 \(sent)/\(total) 字节后停止接收数据",
                               remedyEn: "check that the printer is on line and has paper", remedyZh: "请检查打印机是否在线、有纸")
        }
        return .io(described, USBContext.errorName(r))
    }

    static func openError(_ r: Int32, _ where_: String) -> PrinterDeviceError {
        if r == LIBUSB_ERROR_ACCESS.rawValue { return .permission(where_) }
        if r == LIBUSB_ERROR_NO_DEVICE.rawValue { return .disconnected(where_, sent: 0, total: 0) }
        return .io("cannot open \(where_)", USBContext.errorName(r))
    }

    static func claimError(_ r: Int32, _ where_: String) -> PrinterDeviceError {
        if r == LIBUSB_ERROR_BUSY.rawValue {
            return PrinterDeviceError(.busy, en: "\(where_) is busy: another program has claimed it",
                               zh: "\(where_) 正忙：已被其他程序占用",
                               remedyEn: "stop the other program (CUPS: `sudo systemctl stop cups`, or another till), or remove the printer from CUPS; then try again",
                               remedyZh: "请关闭占用它的程序（CUPS：`sudo systemctl stop cups`，或另一个收银程序），或从 CUPS 中删除该打印机，然后重试")
        }
        if r == LIBUSB_ERROR_ACCESS.rawValue { return .permission(where_) }
        if r == LIBUSB_ERROR_NO_DEVICE.rawValue { return .disconnected(where_, sent: 0, total: 0) }
        return .io("cannot claim \(where_)", USBContext.errorName(r))
    }
}
