import Foundation
import Synchronization

/// A loopback TCP proxy in front of PostgreSQL's unix socket, for the fault tests: `cut()`
/// breaks every open connection at once, `stall(true)` stops passing bytes (a network that
/// hangs) until `stall(false)`. Tills reach the server only through it.
final class FaultyLink: Sendable {
    let port: Int
    private let listener: Int32
    private let target: String
    private struct State {
        var open: [Int32] = []
        var stalled = false
        var closed = false
    }
    private let state = Mutex(State())

    init(socketPath: String) throws {
        target = socketPath
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func cut() {
        let open = state.withLock { state in defer { state.open = [] }; return state.open }
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    func stall(_ on: Bool) { state.withLock { $0.stalled = on } }

    func close() {
        state.withLock { $0.closed = true; $0.stalled = false }
        shutdown(listener, Int32(SHUT_RDWR))
        _ = Glibc.close(listener)
        cut()
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { if state.withLock({ $0.closed }) { return }; continue }
            let server = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (i, byte) in target.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
            }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            if connected != 0 { _ = Glibc.close(client); _ = Glibc.close(server); continue }
            state.withLock { $0.open += [client, server] }
            Thread { [self] in pump(from: client, to: server) }.start()
            Thread { [self] in pump(from: server, to: client) }.start()
        }
    }

    private func pump(from: Int32, to: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = read(from, &buffer, buffer.count)
            if count <= 0 { break }
            while state.withLock({ $0.stalled }) { usleep(20_000) }
            var sent = 0
            while sent < count {
                // send with MSG_NOSIGNAL, not write: a peer cut meanwhile must not SIGPIPE the whole test process.
                let wrote = buffer[sent..<count].withUnsafeBytes { send(to, $0.baseAddress, count - sent, Int32(MSG_NOSIGNAL)) }
                if wrote <= 0 { sent = -1; break }
                sent += wrote
            }
            if sent < 0 { break }
        }
        shutdown(from, Int32(SHUT_RDWR))
        shutdown(to, Int32(SHUT_RDWR))
        state.withLock { state in state.open.removeAll { $0 == from || $0 == to } }
        _ = Glibc.close(from)
    }
}
