import Foundation
import TillEscPos

/// Asks a printer for its status over any transport: DLE EOT 1–4, one query at a time, each
/// reply framed by its bit pattern (`StatusReplyFramer`) and waited for with a deadline.
struct StatusQuery {
    let transport: PrinterTransport
    let timing: DriverTiming
    /// The printer's command set: which queries, their bytes, and how replies are framed.
    var commands: any PrinterCommandSet = EscPosCommandSet()

    /// The status, or nil when the printer did not answer (off, unplugged, or a model without
    /// DLE EOT). `extraWait` lengthens the first wait (a job ahead of the query in the link).
    func run(extraWait: Double = 0) throws -> PrinterStatus? {
        guard transport.answersStatus else { return nil }
        var framer = commands.makeReplyFramer()
        // Answers to earlier queries that came late must not be taken for these.
        try drain()
        var status = PrinterStatus()
        var wait = timing.statusReply + extraWait
        for n in commands.statusQueries {
            try transport.write(commands.statusQuery(n), timeout: timing.write)
            guard let reply = try awaitReply(&framer, seconds: wait) else { return nil }
            status.apply(reply: reply, to: n)
            wait = timing.statusReply
        }
        return status
    }

    private func drain() throws {
        let deadline = MonotonicDeadline(seconds: 0.5)
        while !deadline.hasPassed(), !(try transport.read(timeout: timing.drain)).isEmpty {}
    }

    private func awaitReply(_ framer: inout any PrinterReplyFraming, seconds: Double) throws -> UInt8? {
        let deadline = MonotonicDeadline(seconds: seconds)
        while true {
            if let reply = framer.next() { return reply }
            let left = deadline.secondsLeft()
            if left <= 0 { return nil }
            // Short reads: a USB IN transfer spins until its timeout, and replies come fast.
            framer.feed(try transport.read(timeout: min(left, 0.25)))
        }
    }
}
