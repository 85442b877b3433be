import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bounded reads and writes on a non-blocking file descriptor (socket, tty, character device):
/// every wait goes through poll() with a deadline, so a silent printer cannot hang the till.
enum DescriptorIO {
    enum Failure: Error { case timeout(sent: Int), closed(sent: Int), error(Int32, sent: Int) }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    /// Waits for `events` on `fd` for at most `seconds`; false on timeout.
    static func wait(_ fd: Int32, events: Int16, seconds: Double) throws(Failure) -> Bool {
        let deadline = MonotonicDeadline(seconds: seconds)
        while true {
            let left = deadline.secondsLeft()
            var p = pollfd(fd: fd, events: events, revents: 0)
            let r = poll(&p, 1, Int32(max(0, min(left, 3600)) * 1000))
            if r < 0 {
                if errno == EINTR { continue }
                throw .error(errno, sent: 0)
            }
            if r == 0 { return false }
            if p.revents & Int16(POLLNVAL) != 0 { throw .error(EBADF, sent: 0) }
            return true
        }
    }

    /// Writes everything; `timeout` bounds each wait for room (the printer taking bytes), so a
    /// long job on a slow line is fine as long as it keeps moving.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], timeout: Double) throws(Failure) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            var e = n < 0 ? errno : 0
            var written = n
            if n < 0 && e == ENOTSOCK {
                // A tty or character device: plain write.
                written = bytes[sent...].withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress, raw.count) }
                e = written < 0 ? errno : 0
            }
            if written > 0 { sent += written; continue }
            if written == 0 { throw .closed(sent: sent) }
            switch e {
            case EINTR: continue
            case EAGAIN:
                let ready: Bool
                do { ready = try wait(fd, events: Int16(POLLOUT), seconds: timeout) } catch { throw .error(EIO, sent: sent) }
                if !ready { throw .timeout(sent: sent) }
            case EPIPE, ECONNRESET, ENODEV, ENXIO, EIO, ENOTCONN, ESHUTDOWN:
                throw .closed(sent: sent)
            default:
                throw .error(e, sent: sent)
            }
        }
    }

    /// One read of what is there, waiting at most `timeout` for the first byte; [] on timeout.
    static func read(_ fd: Int32, timeout: Double, max: Int = 4096) throws(Failure) -> [UInt8] {
        guard try wait(fd, events: Int16(POLLIN), seconds: timeout) else { return [] }
        var buf = [UInt8](repeating: 0, count: max)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, max) }
            if n > 0 { return Array(buf.prefix(n)) }
            if n == 0 { throw .closed(sent: 0) }
            switch errno {
            case EINTR: continue
            case EAGAIN: return []
            case ECONNRESET, ENODEV, ENXIO, EIO, ENOTCONN: throw .closed(sent: 0)
            default: throw .error(errno, sent: 0)
            }
        }
    }
}

extension DescriptorIO.Failure {
    /// The same failure as a `PrinterDeviceError` for the link called `name`.
    func deviceError(_ name: String, total: Int) -> PrinterDeviceError {
        switch self {
        case .timeout(let sent):
            return PrinterDeviceError(.timeout, en: "\(name) stopped taking data after \(sent) of \(total) bytes",
                               zh: "\(name) 在接收 \(sent)/\(total) 字节后停止接收数据",
                               remedyEn: "check that the printer is on line, has paper and its buffer is not stuck (flow control setting)",
                               remedyZh: "请检查打印机是否在线、有纸，以及流控设置是否正确")
        case .closed(let sent):
            return .disconnected(name, sent: sent, total: total)
        case .error(let code, _):
            return .io(name, String(cString: strerror(code)))
        }
    }
}
