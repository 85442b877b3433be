import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An error from a system call, with the call and errno spelled out, and what to do.
public struct SystemCallError: Error, CustomStringConvertible {
    public let call: String
    public let code: Int32
    public let hint: String
    public init(_ call: String, code: Int32 = errno, hint: String = "") {
        self.call = call
        self.code = code
        self.hint = hint
    }
    public var description: String {
        "\(call) failed: \(String(cString: strerror(code)))" + (hint.isEmpty ? "" : ". \(hint)")
    }
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
            throw SystemCallError("inet_pton(\(host))", code: EINVAL, hint: "give an IPv4 address such as 127.0.0.1")
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let e = errno
            close(fd)
            throw SystemCallError("bind \(host):\(port)", code: e,
                                  hint: e == EADDRINUSE ? "another program (or printer emulator) uses the port: pick another with --listen tcp://\(host):PORT" : "")
        }
        guard listen(fd, 4) == 0 else { let e = errno; close(fd); throw SystemCallError("listen", code: e) }
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
            throw SystemCallError("bind \(path)", code: e, hint: "check that the folder exists and is writable")
        }
        guard listen(fd, 4) == 0 else { let e = errno; close(fd); throw SystemCallError("listen", code: e) }
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
            throw SystemCallError("connect \(path)", code: e, hint: "is `till printer emulate --control \(path)` running?")
        }
        return fd
    }

    static func unixAddress(_ path: String) throws -> sockaddr_un {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard bytes.count < capacity else {
            throw SystemCallError("unix socket \(path)", code: ENAMETOOLONG, hint: "use a path shorter than \(capacity) bytes")
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
