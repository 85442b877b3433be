import Foundation
import TillCore
import TillEscPos

/// Watches one job on the link from its first byte to its confirmation. Everything the printer
/// sends goes through one framer, the profile's command set's (`PrinterCommandSet`): status
/// replies (answers to the polls this monitor sends, matched to their queries in order), the
/// statuses it sends unasked, job confirmations by ID and transmit-status replies; for ESC/POS
/// DLE EOT, automatic status back, process ID responses and GS r. The first fault any of them reports is kept: a job during which
/// the printer was ever unable to print is failed, even if the fault has cleared since.
struct JobMonitor {
    let transport: PrinterTransport
    let timing: DriverTiming
    /// The printer's command set: its status queries and the framer of its replies.
    let commands: any PrinterCommandSet
    private var framer: any PrinterReplyFraming
    /// DLE EOT n sent and not yet answered, oldest first.
    private var outstanding: [UInt8] = []
    private var polling = PrinterStatus()
    private var lastPoll: ContinuousClock.Instant?
    /// When an answer last arrived (a printer that stops answering mid-job has gone away).
    private(set) var lastAnswer = ContinuousClock.now
    /// The first cause seen that stops printing.
    private(set) var fault: PrintFailure?
    /// The newest complete status (from a poll or an ASB block).
    private(set) var latest: PrinterStatus?
    /// Process ID responses and GS r replies seen so far.
    private(set) var processIds: [[UInt8]] = []
    private(set) var transmitStatusReplies: [UInt8] = []

    init(transport: PrinterTransport, timing: DriverTiming, commands: any PrinterCommandSet) {
        self.transport = transport
        self.timing = timing
        self.commands = commands
        framer = commands.makeReplyFramer()
    }

    /// True while a poll waits for its answers.
    var pollPending: Bool { !outstanding.isEmpty }

    /// Sends the status queries (DLE EOT 1…4) unless a poll is still unanswered or the last was under
    /// `timing.poll` ago. Real-time: call only between whole commands of the job.
    mutating func pollIfDue(now: ContinuousClock.Instant = .now) throws {
        guard outstanding.isEmpty, lastPoll.map({ (now - $0) / .seconds(1) >= timing.poll }) ?? true else { return }
        lastPoll = now
        polling = PrinterStatus()
        outstanding = commands.statusQueries
        try transport.write(commands.statusQueries.flatMap { commands.statusQuery($0) }, timeout: timing.write)
    }

    /// Reads what arrived (waiting at most `timeout` for the first byte) and takes note of it.
    mutating func absorb(timeout: Double) throws {
        let bytes = try transport.read(timeout: max(0.001, timeout))
        guard !bytes.isEmpty else { return }
        framer.feed(bytes)
        lastAnswer = .now
        while let n = outstanding.first, let reply = framer.next() {
            polling.apply(reply: reply, to: n)
            outstanding.removeFirst()
            if outstanding.isEmpty { note(polling) }
        }
        for status in framer.takeUnsolicitedStatuses() { note(status) }
        processIds += framer.takeProcessIds()
        transmitStatusReplies += framer.takeTransmitStatusReplies()
    }

    private mutating func note(_ status: PrinterStatus) {
        latest = status
        if fault == nil, let cause = status.blockingFailure { fault = cause }
    }

    /// Waits (absorbing, not polling) up to `seconds` for the poll under way to be answered.
    mutating func finishPoll(within seconds: Double) throws {
        let deadline = MonotonicDeadline(seconds: seconds)
        while pollPending {
            let left = deadline.secondsLeft()
            if left <= 0 { return }
            try absorb(timeout: min(left, 0.05))
        }
    }
}
