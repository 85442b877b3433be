import Foundation
import TillCore
#if canImport(Glibc)
import Glibc
#endif

/// An error from a system call, with the call and errno spelled out, and what to do: a
/// `Problem`, its system reason in both languages (`SystemReason`).
public struct SystemCallError: Error, Problem, CustomStringConvertible {
    public let call: String
    public let errno: Int32
    public let hint: LocalizedText?
    public init(_ call: String, errno: Int32 = Glibc.errno, hint: LocalizedText? = nil) {
        self.call = call
        self.errno = errno
        self.hint = hint
    }

    public var code: String { "system_call_failed" }

    public var message: LocalizedText {
        LocalizedText(en: "\(call) failed: \(String(cString: strerror(errno))).", zh: "\(call) 调用失败：\(SystemReason.chinese(errno))。")
    }

    public var remedy: LocalizedText {
        hint ?? LocalizedText(en: "Check the path, the permissions and the free space, then try again.", zh: "请检查路径、权限和剩余空间后重试。")
    }

    public var description: String { message.en + " " + remedy.en }
}

/// Thin wrappers over the socket calls the servers need.
enum Sockets {
    /// A listening TCP socket on `host` (an IPv4 address) and `port` (0: the OS picks).
    static func listenTCP(host: String, port: UInt16) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError("socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else {
            close(fd)
            throw SystemCallError("inet_pton(\(host))", errno: EINVAL, hint: LocalizedText(en: "Give an IPv4 address such as 127.0.0.1.", zh: "请给出 IPv4 地址，例如 127.0.0.1。"))
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let e = errno
            close(fd)
            throw SystemCallError("bind \(host):\(port)", errno: e,
                                  hint: e == EADDRINUSE ? LocalizedText(en: "Another program (or printer emulator) uses the port: pick another with --listen tcp://\(host):PORT.", zh: "另一个程序（或打印机模拟器）正在使用该端口：请用 --listen tcp://\(host):PORT 另选端口。") : nil)
        }
        guard listen(fd, 4) == 0 else { let e = errno; close(fd); throw SystemCallError("listen", errno: e) }
        var actual = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return (fd, UInt16(bigEndian: actual.sin_port))
    }

    /// A listening unix stream socket at `path`. Whatever is at the path stays unless it is a
    /// stale socket (one no process listens on): a file, a directory, a device or a live
    /// socket is a `SocketPathError` naming the path, never removed.
    static func listenUnix(path: String) throws -> Int32 {
        var addr = try unixAddress(path)
        try clearStaleSocket(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError("socket") }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let e = errno
            close(fd)
            // Something appeared at the path since it was checked: never removed, only named.
            if e == EADDRINUSE { throw SocketPathError.inUse(path) }
            throw SystemCallError("bind \(path)", errno: e, hint: LocalizedText(en: "Check that the folder exists and is writable.", zh: "请确认该文件夹存在且可写。"))
        }
        guard listen(fd, 4) == 0 else { let e = errno; close(fd); throw SystemCallError("listen", errno: e) }
        return fd
    }

    /// Removes `path` only when it is a socket nobody accepts on; nothing there is fine.
    static func clearStaleSocket(_ path: String) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }  // nothing there (or not reachable: bind says why)
        switch st.st_mode & S_IFMT {
        case S_IFSOCK: break
        case S_IFDIR: throw SocketPathError.notASocket(path, kind: "a directory")
        case S_IFREG: throw SocketPathError.notASocket(path, kind: "a regular file")
        case S_IFCHR, S_IFBLK: throw SocketPathError.notASocket(path, kind: "a device")
        case S_IFLNK: throw SocketPathError.notASocket(path, kind: "a symbolic link")
        default: throw SocketPathError.notASocket(path, kind: "a special file")
        }
        if let fd = try? connectUnix(path: path) {
            close(fd)
            throw SocketPathError.inUse(path)
        }
        unlink(path)
    }

    static func connectUnix(path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError("socket") }
        var addr = try unixAddress(path)
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard r == 0 else {
            let e = errno
            close(fd)
            throw SystemCallError("connect \(path)", errno: e, hint: LocalizedText(en: "Start `till printer emulate --control \(path)` first.", zh: "请先运行 `till printer emulate --control \(path)`。"))
        }
        return fd
    }

    static func unixAddress(_ path: String) throws -> sockaddr_un {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard bytes.count < capacity else {
            throw SystemCallError("unix socket \(path)", errno: ENAMETOOLONG, hint: LocalizedText(en: "Use a path shorter than \(capacity) bytes.", zh: "请使用短于 \(capacity) 字节的路径。"))
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        return addr
    }

    /// Writes everything (retrying short writes); false when the peer is gone.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { raw in
                send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == ENOTSOCK {
                // A pty or a file: plain write.
                let w = bytes[sent...].withUnsafeBytes { raw in write(fd, raw.baseAddress, raw.count) }
                if w <= 0 { return false }
                sent += w
                continue
            }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// One read of up to `max` bytes; nil at end of stream or on error.
    static func readSome(_ fd: Int32, max: Int) -> [UInt8]? {
        var buf = [UInt8](repeating: 0, count: max)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, max) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            return Array(buf.prefix(n))
        }
    }
}
