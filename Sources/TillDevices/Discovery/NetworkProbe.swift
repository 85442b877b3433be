import Foundation
import TillCore
#if canImport(Glibc)
import Glibc
#endif

/// Finds network printers: which addresses of an IPv4 range accept a connection on the raw
/// print port (9100). Bounded in count (at most `maximumHosts` addresses) and in time (every
/// address of a batch shares one connect timeout), so a wrong range cannot hang the command.
public enum NetworkProbe {
    public static let maximumHosts = 1024

    public struct RangeError: Error, CustomStringConvertible, Sendable {
        public let message: LocalizedText
        public let remedy: LocalizedText
        public var description: String { message.en + " — " + remedy.en }
    }

    /// The host addresses of "a.b.c.d/n" (without the network and broadcast addresses when
    /// the range has them), or a single "a.b.c.d".
    public static func hosts(_ range: String) throws -> [String] {
        let parts = range.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt32($0) }
        guard parts.count <= 2, octets.count == 4, octets.allSatisfy({ $0 <= 255 }),
              parts[0].split(separator: ".", omittingEmptySubsequences: false).count == 4 else {
            throw RangeError(message: LocalizedText(en: "\"\(range)\" is not an IPv4 range", zh: "“\(range)” 不是 IPv4 地址范围"),
                             remedy: LocalizedText(en: "write it as ADDRESS/BITS, e.g. 192.168.1.0/24", zh: "请写成 地址/位数，例如 192.168.1.0/24"))
        }
        let bits = parts.count == 2 ? Int(parts[1]) : 32
        guard let bits, (0...32).contains(bits) else {
            throw RangeError(message: LocalizedText(en: "\"\(range)\": the prefix length must be 0–32", zh: "“\(range)”：前缀长度应为 0–32"),
                             remedy: LocalizedText(en: "e.g. 192.168.1.0/24", zh: "例如 192.168.1.0/24"))
        }
        let count = 1 << (32 - bits)
        let usable = count > 2 ? count - 2 : count
        guard usable <= maximumHosts else {
            throw RangeError(message: LocalizedText(en: "\(range) has \(usable) addresses; a probe tries at most \(maximumHosts)",
                                                    zh: "\(range) 含 \(usable) 个地址；一次最多探测 \(maximumHosts) 个"),
                             remedy: LocalizedText(en: "probe a smaller range, e.g. the shop's /24 (192.168.1.0/24)",
                                                   zh: "请探测更小的范围，例如店内的 /24（192.168.1.0/24）"))
        }
        let address = octets.reduce(UInt32(0)) { $0 << 8 | $1 }
        let mask: UInt32 = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
        let network = address & mask
        let offsets = count > 2 ? Array(1..<(count - 1)) : Array(0..<count)
        return offsets.map { offset in
            let a = network + UInt32(offset)
            return "\(a >> 24).\(a >> 16 & 0xFF).\(a >> 8 & 0xFF).\(a & 0xFF)"
        }
    }

    /// The hosts that accept a TCP connection on `port`, in the order given. Connects `batch`
    /// at a time, non-blocking; each batch waits at most `timeout` seconds.
    public static func scan(_ hosts: [String], port: UInt16 = 9100, timeout: Double = 0.5, batch: Int = 64) -> [String] {
        var open: [String] = []
        var start = 0
        while start < hosts.count {
            let slice = Array(hosts[start..<min(hosts.count, start + max(1, batch))])
            open += scanBatch(slice, port: port, timeout: timeout)
            start += slice.count
        }
        return open
    }

    private static func scanBatch(_ hosts: [String], port: UInt16, timeout: Double) -> [String] {
        var pending: [(host: String, fd: Int32)] = []
        var open: [String] = []
        for host in hosts {
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else { continue }
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            let r = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if r == 0 { open.append(host); close(fd) } else if errno == EINPROGRESS { pending.append((host, fd)) } else { close(fd) }
        }
        let deadline = MonotonicDeadline(seconds: timeout)
        while !pending.isEmpty {
            let left = deadline.secondsLeft()
            if left <= 0 { break }
            var fds = pending.map { pollfd(fd: $0.fd, events: Int16(POLLOUT), revents: 0) }
            let n = poll(&fds, nfds_t(fds.count), Int32(max(1, left * 1000)))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            var still: [(host: String, fd: Int32)] = []
            for (k, p) in pending.enumerated() {
                guard fds[k].revents != 0 else { still.append(p); continue }
                var soError: Int32 = 0
                var len = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &soError, &len)
                if soError == 0 { open.append(p.host) }
                close(p.fd)
            }
            pending = still
        }
        for p in pending { close(p.fd) }
        let order = Dictionary(hosts.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return open.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) }
    }
}

/// A network range (`till devices scan --network`) that cannot be read: a `Problem`.
extension NetworkProbe.RangeError: Problem {
    public var code: String { "network_range_unreadable" }
}
