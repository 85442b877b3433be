import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The virtual printer on a TCP port, like a network printer's raw port 9100. One client at a
/// time (as Epson's port 9100): a second one connecting meanwhile is refused at once (its
/// connection closed, and `onRefused` told), never left waiting without an answer. When a
/// client closes the connection, the uncut tail of its job comes out as a page
/// (`VirtualPrinter.finish`).
public final class TCPPrinterServer: Sendable {
    public let printer: VirtualPrinter
    public let host: String
    public let port: UInt16
    private let listenFD: Int32
    private let onActivity: @Sendable () -> Void
    /// Whether `stop` was called, and the connected client's descriptor (-1: none).
    private let link = Mutex<(isStopped: Bool, clientFD: Int32)>((false, -1))

    /// Binds at once (port 0: the OS picks; read `port`). Call `start()` to accept clients.
    public init(printer: VirtualPrinter, host: String = "127.0.0.1", port: UInt16 = 9100,
                onActivity: @escaping @Sendable () -> Void = {}) throws {
        self.printer = printer
        self.host = host
        self.onActivity = onActivity
        (listenFD, self.port) = try Sockets.listenTCP(host: host, port: port)
    }

    /// Told (with the reason, in English) when a second client is turned away.
    public var onRefused: (@Sendable (String) -> Void)? {
        get { refused.withLock { $0 } }
        set { refused.withLock { $0 = newValue } }
    }
    private let refused = Mutex<(@Sendable (String) -> Void)?>(nil)

    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "till-vp-tcp"
        thread.start()
    }

    /// Stops accepting and drops the current client. Sockets are shut down here but closed by
    /// the server thread as it leaves, so their numbers cannot be reused under its feet.
    public func stop() {
        link.withLock { link in
            link.isStopped = true
            shutdown(listenFD, Int32(SHUT_RDWR))
            if link.clientFD >= 0 { shutdown(link.clientFD, Int32(SHUT_RDWR)) }
        }
    }

    private var stopRequested: Bool { link.withLock { $0.isStopped } }

    private func acceptLoop() {
        defer { close(listenFD) }
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR && !stopRequested { continue }
                return  // listening socket shut down by stop()
            }
            // A host that reconnects while the last connection's tail is still printing is
            // served as soon as that ends; only a client that would wait longer is refused.
            var go: Bool?
            let deadline = ContinuousClock.now + TCPPrinterServer.busyGrace
            repeat {
                go = link.withLock { link in
                    if link.isStopped { return false }
                    if link.clientFD >= 0 { return nil }
                    link.clientFD = fd
                    return true
                }
                if go == nil { usleep(10_000) }
            } while go == nil && ContinuousClock.now < deadline
            guard let go else {
                // Busy with another client: refused now rather than queued behind a job.
                onRefused?("a second client connected while one is printing: refused (one client at a time, as port 9100)")
                close(fd)
                continue
            }
            guard go else { close(fd); return }
            let thread = Thread { [self] in serve(fd) }
            thread.name = "till-vp-tcp-client"
            thread.start()
        }
    }

    /// One client's connection, on its own thread so the accept loop can refuse others.
    private func serve(_ fd: Int32) {
        let gate = WriteGate(fd: fd)
        printer.replyHandler = { bytes in gate.write(bytes) }
        var pump = LinkPump(printer: printer, onActivity: onActivity)
        pump.shouldStop = { [weak self] in self?.stopRequested ?? true }
        pump.run(readFD: fd, writeFD: fd)
        printer.replyHandler = nil
        printer.finish()
        onActivity()
        link.withLock { link in
            gate.close()
            link.clientFD = -1
        }
    }

    /// How long a new client may wait for the current one to finish before it is refused.
    static let busyGrace = Duration.seconds(3)
}

/// Writes unsolicited replies (ASB from another thread) to a connection only while it is
/// open: once closed, its descriptor number may belong to someone else.
final class WriteGate: Sendable {
    /// -1 once closed.
    private let fd: Mutex<Int32>

    init(fd: Int32) { self.fd = Mutex(fd) }

    func write(_ bytes: [UInt8]) {
        fd.withLock { fd in if fd >= 0 { Sockets.writeAll(fd, bytes) } }
    }

    func close() {
        fd.withLock { fd in
            guard fd >= 0 else { return }
            shutdown(fd, Int32(SHUT_RDWR))
            Glibc.close(fd)
            fd = -1
        }
    }
}
