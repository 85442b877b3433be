import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The virtual printer behind a pseudo-terminal, for software that talks to a serial port:
/// point it at `slavePath` (e.g. /dev/pts/7). The slave is in raw mode (no echo, no line
/// editing, 8-bit clean), like a serial line to a printer.
public final class PTYPrinterServer: Sendable {
    public let printer: VirtualPrinter
    public let slavePath: String
    private let master: Int32
    /// We keep the slave open ourselves so clients may open and close it repeatedly without
    /// the master seeing end-of-file.
    private let slave: Int32
    private let onActivity: @Sendable () -> Void
    private let stopping = Mutex(false)

    public init(printer: VirtualPrinter, onActivity: @escaping @Sendable () -> Void = {}) throws {
        let pty = try RawPTY()
        self.printer = printer
        self.master = pty.master
        self.slave = pty.slave
        self.slavePath = pty.path
        self.onActivity = onActivity
    }

    public func start() {
        let thread = Thread { [self] in
            printer.replyHandler = { [master] bytes in Sockets.writeAll(master, bytes) }
            var pump = LinkPump(printer: printer, onActivity: onActivity)
            pump.shouldStop = { [weak self] in self?.stopping.withLock { $0 } ?? true }
            pump.run(readFD: master, writeFD: master)
            printer.replyHandler = nil
            printer.finish()
            onActivity()
            // Closed only now that nothing reads them.
            close(slave)
            close(master)
        }
        thread.name = "till-vp-pty"
        thread.start()
    }

    /// Stops within 100 ms; the reader thread closes the pty as it leaves.
    public func stop() {
        stopping.withLock { $0 = true }
    }
}
