import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A network printer's raw port (9100). Connects with a timeout; after the link drops, the
/// next `open` reconnects (the driver calls it before the next job).
public final class TCPTransport: PrinterTransport {
    public let host: String
    public let port: UInt16
    public let connectTimeout: Double
    private var fd: Int32 = -1

    public init(host: String, port: UInt16, connectTimeout: Double = 3) {
        self.host = host
        self.port = port
        self.connectTimeout = connectTimeout
    }

    deinit { close() }

    public var name: String { "tcp://\(host):\(port)" }
    public var isOpen: Bool { fd >= 0 }

    public func open() throws {
        close()
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &list)
        guard rc == 0, let first = list else {
            throw PrinterDeviceError(.notFound, en: "Cannot find the network printer \(host): \(String(cString: gai_strerror(rc)))",
                              zh: "找不到网络打印机 \(host)：\(String(cString: gai_strerror(rc)))",
                              remedyEn: "check printer.url: the printer's IP address (printed on its self-test page)",
                              remedyZh: "请检查 printer.url：打印机的 IP 地址（见自检页）")
        }
        defer { freeaddrinfo(list) }
        var lastError: Int32 = ETIMEDOUT
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let ai = entry {
            entry = ai.pointee.ai_next
            let s = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            if s < 0 { lastError = errno; continue }
            DescriptorIO.setNonBlocking(s)
            var r = connect(s, ai.pointee.ai_addr, ai.pointee.ai_addrlen)
            if r < 0 && errno == EINPROGRESS {
                // Non-blocking connect: wait at most connectTimeout, then read the result.
                let ready = (try? DescriptorIO.wait(s, events: Int16(POLLOUT), seconds: connectTimeout)) ?? false
                var soError: Int32 = ETIMEDOUT
                if ready {
                    var len = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(s, SOL_SOCKET, SO_ERROR, &soError, &len)
                }
                r = soError == 0 ? 0 : -1
                if r < 0 { errno = soError }
            }
            if r == 0 {
                var one: Int32 = 1
                setsockopt(s, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                fd = s
                return
            }
            lastError = errno
            Glibc.close(s)
        }
        throw PrinterDeviceError(.disconnected(sent: 0),
                          en: "printer offline: cannot connect to \(name) (\(String(cString: strerror(lastError))))",
                          zh: "打印机离线：无法连接 \(name)（\(String(cString: strerror(lastError)))）",
                          remedyEn: "check that the printer is on, on the network, and that the address and port (usually 9100) are right",
                          remedyZh: "请检查打印机电源、网络连接，以及地址和端口（通常为 9100）")
    }

    public func write(_ bytes: [UInt8], timeout: Double) throws {
        guard fd >= 0 else { throw PrinterDeviceError.disconnected(name, sent: 0, total: bytes.count) }
        do { try DescriptorIO.writeAll(fd, bytes, timeout: timeout) } catch {
            if case .closed = error { close() }
            throw error.deviceError(name, total: bytes.count)
        }
    }

    public func read(timeout: Double) throws -> [UInt8] {
        guard fd >= 0 else { throw PrinterDeviceError.disconnected(name, sent: 0, total: 0) }
        do { return try DescriptorIO.read(fd, timeout: timeout) } catch {
            close()
            throw error.deviceError(name, total: 0)
        }
    }

    public func close() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }
}
