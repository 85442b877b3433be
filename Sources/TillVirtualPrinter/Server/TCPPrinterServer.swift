import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The virtual printer on a TCP port, like a network printer's raw port 9100. One client at a
/// time (as Epson's port 9100); the next waits in the listen queue. When a client closes the
/// connection, the uncut tail of its job comes out as a page (`VirtualPrinter.finish`).
public final class TCPPrinterServer: @unchecked Sendable {  // fds and thread set up in init, then read-only
    public let printer: VirtualPrinter
    public let host: String
    public let port: UInt16
    private let listenFD: Int32
    private let onActivity: @Sendable () -> Void
    private let stopped = NSLockBox()
    nonisolated(unsafe) private var isStopped = false
    nonisolated(unsafe) private var clientFD: Int32 = -1

    /// Binds at once (port 0: the OS picks; read `port`). Call `start()` to accept clients.
    public init(printer: VirtualPrinter, host: String = "127.0.0.1", port: UInt16 = 9100,
                onActivity: @escaping @Sendable () -> Void = {}) throws {
        self.printer = printer
        self.host = host
        self.onActivity = onActivity
        (listenFD, self.port) = try Sockets.listenTCP(host: host, port: port)
    }

    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "till-vp-tcp"
        thread.start()
    }

    /// Stops accepting and drops the current client.
    public func stop() {
        stopped.withLock {
            isStopped = true
            shutdown(listenFD, Int32(SHUT_RDWR))
            close(listenFD)
            if clientFD >= 0 { shutdown(clientFD, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return  // listening socket closed by stop()
            }
            let go: Bool = stopped.withLock {
                if isStopped { return false }
                clientFD = fd
                return true
            }
            guard go else { close(fd); return }
            printer.replyHandler = { bytes in Sockets.writeAll(fd, bytes) }
            LinkPump(printer: printer, onActivity: onActivity).run(readFD: fd, writeFD: fd)
            printer.replyHandler = nil
            printer.finish()
            onActivity()
            stopped.withLock {
                shutdown(fd, Int32(SHUT_RDWR))
                close(fd)
                clientFD = -1
            }
        }
    }
}
