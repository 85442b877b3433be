import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The virtual customer display behind a pseudo-terminal (the till's serial transport opens
/// its slave, as it would /dev/ttyUSB1) or a TCP port. Every change of what the customer
/// reads is reported with the two lines.
public final class VirtualDisplayServer: Sendable {
    public enum Link: Sendable { case pty, tcp(host: String, port: UInt16) }

    /// The pty's slave path or "tcp://HOST:PORT".
    public let address: String
    private let display: Mutex<VirtualCustomerDisplay>
    private let listenFD: Int32
    private let isPTY: Bool
    /// The pty slave is kept open here so the till may open and close it without the master
    /// seeing end-of-file.
    private let keptSlave: Int32
    private let onChange: @Sendable ([String]) -> Void

    public init(display: VirtualCustomerDisplay, link: Link, onChange: @escaping @Sendable ([String]) -> Void) throws {
        self.display = Mutex(display)
        self.onChange = onChange
        switch link {
        case .pty:
            let pty = try RawPTY()
            listenFD = pty.master
            keptSlave = pty.slave
            isPTY = true
            address = pty.path
        case .tcp(let host, let port):
            let (fd, bound) = try Sockets.listenTCP(host: host, port: port)
            listenFD = fd
            keptSlave = -1
            isPTY = false
            address = "tcp://\(host):\(bound)"
        }
    }

    public var lines: [String] { display.withLock { $0.lines } }

    /// Serves on its own thread until the process ends.
    public func start() {
        let thread = Thread { [self] in
            if isPTY { pump(listenFD) }
            while !isPTY {
                let fd = accept(listenFD, nil, nil)
                if fd < 0 { if errno == EINTR { continue } else { return } }
                pump(fd)
                close(fd)
            }
        }
        thread.name = "till-display"
        thread.start()
    }

    private func pump(_ fd: Int32) {
        while true {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 200)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            // A pty master reads EIO while no one holds the slave; ours is kept open, so this is the end.
            guard let bytes = Sockets.readSome(fd, max: 4096) else { return }
            let (before, after) = display.withLock { d -> ([String], [String]) in
                let before = d.lines
                d.receive(bytes)
                return (before, d.lines)
            }
            if before != after { onChange(after) }
        }
    }
}
