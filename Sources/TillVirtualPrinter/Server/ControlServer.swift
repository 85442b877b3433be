import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A unix socket taking one fault per line (`paper-out`, `paper-out-after 30mm`, `baud 9600`…,
/// see `Fault.usage`) and answering each with `ok <fault>` or `error: <why>`; the line
/// `status` answers the printer's condition. `till printer fault --control PATH WORD…` is the
/// client; `printf 'paper-out\n' | socat - UNIX-CONNECT:PATH` works too.
public final class ControlServer: Sendable {
    public let path: String
    private let fd: Int32
    private let printer: VirtualPrinter
    private let log: @Sendable (String) -> Void

    static let longestLine = 4096

    public init(path: String, printer: VirtualPrinter, log: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.path = path
        self.printer = printer
        self.log = log
        fd = try Sockets.listenUnix(path: path)
        var st = stat()
        identity = lstat(path, &st) == 0 ? (st.st_dev, st.st_ino) : nil
        if let identity { LiveSockets.add(path, identity) }
    }

    /// The socket file this server made (device, inode): `stop` removes only that file, never
    /// one another program put at the path since.
    private let identity: (dev_t, ino_t)?

    public func start() {
        let thread = Thread { [self] in
            defer { close(fd) }  // closed here, after the last accept, never under its feet
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { if errno == EINTR { continue }; return }
                // Each client on its own thread: one that connects and stays silent does not
                // keep the next from injecting a fault.
                let worker = Thread { [self] in
                    serve(client)
                    close(client)
                }
                worker.name = "till-vp-control-client"
                worker.start()
            }
        }
        thread.name = "till-vp-control"
        thread.start()
    }

    /// Stops accepting (the thread closes the socket as it leaves) and removes the socket file.
    public func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        LiveSockets.remove(path)
        if let identity { LiveSockets.unlinkIfOurs(path, identity) }
    }

    private func serve(_ client: Int32) {
        var pending: [UInt8] = []
        while let bytes = Sockets.readSome(client, max: 4096) {
            pending += bytes
            if pending.count > ControlServer.longestLine, !pending.contains(0x0A) {
                // A line no fault is spelled with: answered and dropped, so memory stays bounded.
                Sockets.writeAll(client, Array("error: control line longer than \(ControlServer.longestLine) bytes. Known: \(Fault.usage)\n".utf8))
                pending.removeAll()
                continue
            }
            while let nl = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<nl], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                pending.removeSubrange(...nl)
                guard !line.isEmpty else { continue }
                Sockets.writeAll(client, Array((answer(line) + "\n").utf8))
            }
        }
    }

    /// The reply to one control line.
    public func answer(_ line: String) -> String {
        if line == "status" { return "ok " + ControlServer.describe(printer.condition) }
        do {
            let fault = try Fault(parsing: line)
            printer.inject(fault)
            log("fault: \(fault)")
            return "ok \(fault)"
        } catch {
            return "error: \(error)"
        }
    }

    public static func describe(_ c: PrinterCondition) -> String {
        var parts = [c.online ? "online" : "offline"]
        if c.paperOut { parts.append("paper-out") } else if c.paperNearEnd { parts.append("near-end") }
        if c.coverOpen { parts.append("cover-open") }
        if c.cutterError { parts.append("cutter-error") }
        if c.drawerPin3High { parts.append("drawer-open") }
        return parts.joined(separator: " ")
    }
}

/// Client side of the control socket: sends lines, returns the answers.
public enum ControlClient {
    public static func send(_ lines: [String], to path: String) throws -> [String] {
        let fd = try Sockets.connectUnix(path: path)
        defer { close(fd) }
        var answers: [String] = []
        var pending: [UInt8] = []
        for line in lines {
            Sockets.writeAll(fd, Array((line + "\n").utf8))
            while !pending.contains(0x0A) {
                guard let bytes = Sockets.readSome(fd, max: 4096) else { return answers }
                pending += bytes
            }
            let nl = pending.firstIndex(of: 0x0A)!
            answers.append(String(decoding: pending[..<nl], as: UTF8.self))
            pending.removeSubrange(...nl)
        }
        return answers
    }
}

/// The control sockets this process listens on, removed when it exits (`exit`, the end of
/// `main`) even if nobody called `stop`: a till that quits leaves no socket behind. A process
/// killed outright leaves a stale socket, which the next start replaces (`listenUnix`).
enum LiveSockets {
    /// The sockets by path (with the device and inode we made), and whether the exit hook is set.
    private static let live = Mutex<(sockets: [String: (dev_t, ino_t)], hooked: Bool)>(([:], false))

    static func add(_ path: String, _ identity: (dev_t, ino_t)) {
        live.withLock {
            $0.sockets[path] = identity
            if !$0.hooked {
                $0.hooked = true
                atexit { LiveSockets.removeAll() }
            }
        }
    }

    static func remove(_ path: String) { live.withLock { $0.sockets[path] = nil } }

    static func removeAll() {
        for (path, identity) in live.withLock({ $0.sockets }) { unlinkIfOurs(path, identity) }
    }

    /// Removes `path` only if it is still the socket file we made (never one put there since).
    static func unlinkIfOurs(_ path: String, _ identity: (dev_t, ino_t)) {
        var st = stat()
        if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFSOCK, st.st_dev == identity.0, st.st_ino == identity.1 {
            unlink(path)
        }
    }
}
