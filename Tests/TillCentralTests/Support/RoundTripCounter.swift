import Foundation
import Synchronization
import TillCentral

/// A loopback TCP relay in front of the test cluster that counts the server's ReadyForQuery
/// messages ('Z'): PostgreSQL sends exactly one at the end of every round trip (a simple query,
/// or an extended-protocol Parse…Sync), so the count between two moments is the round trips a
/// client made. The bytes pass through unchanged; only the server's message frames are read.
final class RoundTripCounter: Sendable {
    let port: Int
    private let listener: Int32
    private let upstream: CentralAddress
    private let count = Mutex(0)
    private final class Ended: Sendable { let count = Mutex(0) }

    private let connections = Mutex(0)

    var readyForQuery: Int { count.withLock { $0 } }
    /// Connections the client opened through the relay.
    var accepted: Int { connections.withLock { $0 } }

    /// The settings of `database` sent through the relay (TCP to it, no TLS).
    func settings(_ settings: CentralSettings) -> CentralSettings {
        var relayed = settings
        relayed.address.endpoint = .tcp(host: "127.0.0.1", port: port)
        relayed.address.requireTLS = false
        return relayed
    }

    init(upstream: CentralAddress) throws {
        self.upstream = upstream
        (listener, port) = try LoopbackPort.listen()
        Thread { [self] in acceptLoop() }.start()
    }

    /// Stops accepting (open relays end when their client closes).
    func close() { shutdown(listener, Int32(SHUT_RDWR)); _ = Glibc.close(listener) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            connections.withLock { $0 += 1 }
            guard let server = try? connectUpstream() else { _ = Glibc.close(client); continue }
            // Both sockets are closed by the second pump to end, so neither closes one the other still uses.
            let ended = Ended()
            let end: @Sendable () -> Void = {
                if ended.count.withLock({ $0 += 1; return $0 }) == 2 { _ = Glibc.close(client); _ = Glibc.close(server) }
            }
            Thread { [self] in pump(from: client, to: server, counting: false); end() }.start()
            Thread { [self] in pump(from: server, to: client, counting: true); end() }.start()
        }
    }

    private func connectUpstream() throws -> Int32 {
        switch upstream.endpoint {
        case .socket:
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let path = Array((upstream.socketPath ?? "").utf8CString)
            guard path.count <= MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                path.withUnsafeBytes { raw.copyMemory(from: $0) }
            }
            let done = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard done == 0 else { _ = Glibc.close(fd); throw POSIXError(.ECONNREFUSED) }
            return fd
        case .tcp(let host, let port):
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr(host == "localhost" ? "127.0.0.1" : host)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let done = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard done == 0 else { _ = Glibc.close(fd); throw POSIXError(.ECONNREFUSED) }
            return fd
        }
    }

    /// Copies bytes until either side closes; on the server's side, walks its message frames
    /// (a type byte, then a 4-byte big-endian length that counts itself) to count the 'Z's.
    private func pump(from source: Int32, to sink: Int32, counting: Bool) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var header: [UInt8] = []   // the frame header read so far
        var skip = 0               // bytes of the current frame's body still to pass
        while true {
            let n = read(source, &buffer, buffer.count)
            guard n > 0 else { break }
            // Counted before the bytes go on, so a client that has its answer sees it counted.
            if counting { countReady(buffer, n, &header, &skip) }
            var sent = 0
            while sent < n {
                let w = buffer.withUnsafeBytes { write(sink, $0.baseAddress.map { $0 + sent }, n - sent) }
                guard w > 0 else { shutdown(source, Int32(SHUT_RDWR)); shutdown(sink, Int32(SHUT_RDWR)); return }
                sent += w
            }
        }
        shutdown(sink, Int32(SHUT_RDWR))
    }

    private func countReady(_ buffer: [UInt8], _ n: Int, _ header: inout [UInt8], _ skip: inout Int) {
        var i = 0
        while i < n {
            if skip > 0 {
                let step = min(skip, n - i)
                skip -= step
                i += step
                continue
            }
            header.append(buffer[i])
            i += 1
            if header.count == 5 {
                if header[0] == UInt8(ascii: "Z") { count.withLock { $0 += 1 } }
                let length = header[1...4].reduce(0) { $0 << 8 | Int($1) }
                skip = max(0, length - 4)
                header.removeAll()
            }
        }
    }
}
