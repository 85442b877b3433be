import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The virtual printer behind a pseudo-terminal, for software that talks to a serial port:
/// point it at `slavePath` (e.g. /dev/pts/7). The slave is in raw mode (no echo, no line
/// editing, 8-bit clean), like a serial line to a printer.
public final class PTYPrinterServer: @unchecked Sendable {  // fds fixed after init
    public let printer: VirtualPrinter
    public let slavePath: String
    private let master: Int32
    /// We keep the slave open ourselves so clients may open and close it repeatedly without
    /// the master seeing end-of-file.
    private let slave: Int32
    private let onActivity: @Sendable () -> Void
    private let stopLock = NSLockBox()
    nonisolated(unsafe) private var stopping = false

    public init(printer: VirtualPrinter, onActivity: @escaping @Sendable () -> Void = {}) throws {
        var m: Int32 = -1, s: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        guard openpty(&m, &s, &name, nil, nil) == 0 else {
            throw SystemCallError("openpty", hint: "is /dev/pts mounted? (containers need devpts)")
        }
        var tio = termios()
        tcgetattr(s, &tio)
        cfmakeraw(&tio)
        tcsetattr(s, TCSANOW, &tio)
        self.printer = printer
        self.master = m
        self.slave = s
        self.slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.onActivity = onActivity
    }

    public func start() {
        let thread = Thread { [self] in
            printer.replyHandler = { [master] bytes in Sockets.writeAll(master, bytes) }
            var pump = LinkPump(printer: printer, onActivity: onActivity)
            pump.shouldStop = { [weak self] in self?.stopLock.withLock { self?.stopping ?? true } ?? true }
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
        stopLock.withLock { stopping = true }
    }
}
