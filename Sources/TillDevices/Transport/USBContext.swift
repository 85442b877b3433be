import CLibUSB

/// One libusb context, its lifetime tied to this object. Separate contexts keep transports
/// and discovery independent (libusb allows any number).
final class USBContext {
    let raw: OpaquePointer

    init() throws {
        var ctx: OpaquePointer?
        let r = libusb_init(&ctx)
        guard r == 0, let ctx else {
            throw PrinterDeviceError(.unsupported, en: "USB is not available: \(USBContext.errorName(r))",
                              zh: "USB 不可用：\(USBContext.errorName(r))",
                              remedyEn: "check that /dev/bus/usb exists (containers need it mapped in)",
                              remedyZh: "请确认 /dev/bus/usb 存在（容器中需映射该目录）")
        }
        raw = ctx
    }

    deinit { libusb_exit(raw) }

    /// Each device on the bus with its descriptor; the list is freed before returning, so
    /// callers get only referenced devices they must `libusb_unref_device` (see `USBDevice`).
    func devices() -> [USBDevice] {
        var list: UnsafeMutablePointer<OpaquePointer?>?
        let count = libusb_get_device_list(raw, &list)
        guard count > 0, let list else { return [] }
        defer { libusb_free_device_list(list, 1) }
        var found: [USBDevice] = []
        for i in 0..<Int(count) {
            guard let dev = list[i] else { continue }
            var d = libusb_device_descriptor()
            guard libusb_get_device_descriptor(dev, &d) == 0 else { continue }
            found.append(USBDevice(raw: libusb_ref_device(dev), descriptor: d))
        }
        return found
    }

    static func errorName(_ code: Int32) -> String {
        String(cString: libusb_strerror(code))
    }
}

/// A referenced libusb device with its descriptor and printer interface, if any.
final class USBDevice {
    let raw: OpaquePointer
    let descriptor: libusb_device_descriptor

    init(raw: OpaquePointer, descriptor: libusb_device_descriptor) {
        self.raw = raw
        self.descriptor = descriptor
    }

    deinit { libusb_unref_device(raw) }

    var vendorId: UInt16 { descriptor.idVendor }
    var productId: UInt16 { descriptor.idProduct }
    var bus: UInt8 { libusb_get_bus_number(raw) }
    var address: UInt8 { libusb_get_device_address(raw) }
    /// /dev/bus/usb/BBB/DDD: what the udev rule must make readable.
    var nodePath: String {
        func pad(_ n: UInt8) -> String { let s = String(n); return String(repeating: "0", count: 3 - s.count) + s }
        return "/dev/bus/usb/\(pad(bus))/\(pad(address))"
    }

    /// An interface's number and bulk endpoints.
    struct Interface: Equatable {
        var number: Int32
        var interfaceClass: UInt8
        var bulkOut: UInt8?
        var bulkIn: UInt8?
        var outPacketSize: Int
    }

    /// The interfaces of the active (or first) configuration.
    func interfaces() -> [Interface] {
        var config: UnsafeMutablePointer<libusb_config_descriptor>?
        if libusb_get_active_config_descriptor(raw, &config) != 0 || config == nil {
            guard libusb_get_config_descriptor(raw, 0, &config) == 0 else { return [] }
        }
        guard let config else { return [] }
        defer { libusb_free_config_descriptor(config) }
        var result: [Interface] = []
        for i in 0..<Int(config.pointee.bNumInterfaces) {
            let iface = config.pointee.interface[i]
            for a in 0..<Int(iface.num_altsetting) {
                let alt = iface.altsetting[a]
                var entry = Interface(number: Int32(alt.bInterfaceNumber), interfaceClass: alt.bInterfaceClass,
                                      bulkOut: nil, bulkIn: nil, outPacketSize: 64)
                for e in 0..<Int(alt.bNumEndpoints) {
                    let ep = alt.endpoint[e]
                    guard ep.bmAttributes & 0x03 == UInt8(LIBUSB_TRANSFER_TYPE_BULK.rawValue) else { continue }
                    if ep.bEndpointAddress & 0x80 != 0 {
                        if entry.bulkIn == nil { entry.bulkIn = ep.bEndpointAddress }
                    } else if entry.bulkOut == nil {
                        entry.bulkOut = ep.bEndpointAddress
                        entry.outPacketSize = Int(ep.wMaxPacketSize)
                    }
                }
                if !result.contains(where: { $0.number == entry.number }) { result.append(entry) }
            }
        }
        return result
    }

    /// The printer-class (7) interface, or any interface with a bulk OUT endpoint when the
    /// device declares a vendor class (some Chinese printers do).
    var printerInterface: Interface? {
        let all = interfaces()
        return all.first { $0.interfaceClass == UInt8(LIBUSB_CLASS_PRINTER.rawValue) && $0.bulkOut != nil }
    }

    var isPrinterClass: Bool { printerInterface != nil }
}
