import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Moves bytes from one open link (TCP connection, pty, file) into a printer and its replies
/// back, honouring the link faults: `baud` throttles input, `disconnect-after` drops the link.
struct LinkPump {
    let printer: VirtualPrinter
    /// Called after every chunk so the owner can collect finished pages.
    let onActivity: @Sendable () -> Void
    /// Polled every 100 ms: the owner is stopping. The owner closes the descriptors only after
    /// `run` returns, so a closed descriptor number is never read after the system reuses it.
    var shouldStop: @Sendable () -> Bool = { false }

    /// Seconds without input after which a printer without a cutter ends its page.
    static let idleGap = 1.5

    /// Runs until the link ends; returns whether the printer asked to disconnect.
    @discardableResult
    func run(readFD: Int32, writeFD: Int32?) -> Bool {
        var lastInput: ContinuousClock.Instant?  // monotonic: a date change does not end a page early
        while true {
            let baud = printer.baud
            // At a slow line speed read little at a time so timing stays smooth.
            var chunk = baud.map { max(1, min(256, $0 / 100)) } ?? 65536
            // A paced printer with a full receive buffer takes nothing more until it has
            // printed some: the host waits (TCP window, serial flow control), nothing is lost.
            let room = printer.receiveRoom
            if room == 0 {
                if shouldStop() { return false }
                usleep(5_000)
                continue
            }
            chunk = min(chunk, room)
            var p = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 100)
            if shouldStop() { return false }
            if ready == 0 || (ready < 0 && errno == EINTR) {
                // An idle gap ends the page of a printer without a cutter.
                if let last = lastInput, ContinuousClock.now - last >= .seconds(LinkPump.idleGap), printer.idle() {
                    onActivity()
                    lastInput = nil
                }
                continue
            }
            lastInput = .now
            guard let bytes = Sockets.readSome(readFD, max: chunk) else { return false }
            if let baud {
                // Bytes reach the printer only after their time on the wire: 10 bits per byte (8N1).
                usleep(useconds_t(Double(bytes.count * 10) / Double(baud) * 1_000_000))
            }
            let replies = printer.receive(bytes)
            // Pages first, answers after: a host told "printed" (a status after the cut) finds
            // the page in the folder, as a real printer's paper is out before it answers.
            onActivity()
            if let writeFD, !replies.isEmpty { Sockets.writeAll(writeFD, replies) }
            if printer.takeDisconnectRequest() { return true }
        }
    }
}
