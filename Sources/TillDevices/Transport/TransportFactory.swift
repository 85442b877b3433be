/// Builds the transport a printer URL names. `virtual` needs the caller's virtual printer
/// (the till wires its page writer to it), so it is passed in.
public enum TransportFactory {
    public static func make(_ address: PrinterAddress, virtual: (() -> PrinterTransport)? = nil) throws -> PrinterTransport {
        switch address {
        case .usb(let selector): return USBTransport(selector: selector)
        case .lp(let path): return DeviceFileTransport(path: path)
        case .file(let path): return CaptureFileTransport(path: path)
        case .serial(let path, let settings): return SerialTransport(path: path, settings: settings)
        case .tcp(let host, let port): return TCPTransport(host: host, port: port)
        case .virtual:
            guard let virtual else {
                throw PrinterDeviceError(.unsupported, en: "the virtual printer is only available inside the till",
                                  zh: "虚拟打印机仅在收银程序内可用",
                                  remedyEn: "run `till printer emulate --listen tcp://127.0.0.1:9100` and use tcp://127.0.0.1:9100",
                                  remedyZh: "请运行 `till printer emulate --listen tcp://127.0.0.1:9100` 并使用 tcp://127.0.0.1:9100")
            }
            return virtual()
        }
    }
}
