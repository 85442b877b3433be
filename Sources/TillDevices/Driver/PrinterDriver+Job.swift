import Foundation
import TillCore
import TillEscPos
import TillPorts

extension PrinterDriver {
    /// One job as one unit: status before (a printer that cannot print gets nothing), the
    /// bytes, then a confirmation the printer sends only once it has processed them (the
    /// profile's `completion`), with the printer watched all along (automatic status back,
    /// real-time polls) so any fault during the job fails it with that cause. Runs on the
    /// calling thread; never throws and never waits longer than the job's time allows.
    public func printJob(_ bytes: [UInt8]) -> PrintOutcome {
        link.withLock { serial in
            setState(.busy)
            let outcome = runJob(bytes, serial: &serial)
            if state == .busy { setState(.idle) }
            return outcome
        }
    }

    private func runJob(_ bytes: [UInt8], serial: inout UInt32) -> PrintOutcome {
        guard lifecycle == .enabled else {
            return .failed(cause: .notEnabled)
        }
        // Reconnect after an unplug, a dropped connection or a printer switched on late.
        do { try connectIfNeeded() } catch { return offline(error) }

        let statusWorks = profile.status.dleEot && transport.answersStatus
        if statusWorks {
            let before: PrinterStatus?
            do { before = try StatusQuery(transport: transport, timing: timing, commands: profile.commands).run() } catch { return offline(error) }
            guard let before else {
                setState(.offline(cause: Self.noAnswer))
                return .failed(cause: .noAnswer)
            }
            setLastStatus(before)
            if let cause = before.blockingFailure {
                setState(.error(cause: cause.text.en))
                return .failed(cause: cause)
            }
        }

        var monitor = JobMonitor(transport: transport, timing: timing, commands: profile.commands)
        let outcome: PrintOutcome
        do {
            outcome = try send(bytes, serial: &serial, watchedBy: &monitor)
        } catch {
            // Nothing or part of the job reached the printer, or the link dropped while it
            // printed: the slip did not print whole.
            transport.close()
            let cause = (error as? PrinterDeviceError)?.cause ?? "\(error)"
            setState(.offline(cause: cause))
            return .failed(cause: .linkLost(cause))
        }
        if let latest = monitor.latest { setLastStatus(latest) }
        switch outcome {
        case .failed(let cause): setState(.error(cause: cause.text.en))
        case .printed, .unknown: setState(.idle)
        }
        return outcome
    }

    /// Sends the job with its confirmation request and waits for the confirmation.
    private func send(_ bytes: [UInt8], serial: inout UInt32, watchedBy monitor: inout JobMonitor) throws -> PrintOutcome {
        let method = profile.completionMethod
        let asb = profile.status.gsA
        serial = (serial + 1) % 10_000
        let id = Array(String(format: "%04u", serial).utf8)
        var tail: [UInt8] = []
        switch method {
        case .processId: tail = EscPos.processIdRequest(id)
        case .gsr: tail = EscPos.transmitStatus(1)
        case .asb, .none: break
        }
        // ASB on for the job: every change of status during it is sent without being asked.
        let job = (asb ? EscPos.automaticStatusBack(0x0F) : []) + bytes + tail
        let linkSpeed = transport.bytesPerSecond
        let started = ContinuousClock.now
        // On a link of known speed, pace the job at that speed in pieces of about 0.1 s, so the
        // kernel holds little of it and a poll between two pieces is answered promptly.
        let pieceBytes = linkSpeed.map { max(16, Int($0 / 10)) } ?? 65_536
        var sent = 0
        for piece in JobChunks.split(job, maxBytes: pieceBytes) {
            try transport.write(Array(piece), timeout: timing.write)
            sent += piece.count
            let due = MonotonicDeadline(seconds: linkSpeed.map { Double(sent) / $0 - 0.05 } ?? 0, from: started)
            repeat {
                try monitor.absorb(timeout: min(0.05, max(0.001, due.secondsLeft())))
                if profile.status.dleEot { try monitor.pollIfDue() }
                if let fault = monitor.fault { return finish(.failed(cause: fault), asb: asb) }
            } while due.secondsLeft() > 0
        }

        // What is still on its way, and the paper the job moves at the model's speed.
        let inFlight = linkSpeed.map { _ in 0.2 } ?? Double(job.count) / timing.slowestBytesPerSecond
        let dotsPerSecond = profile.paperSpeed * Double(profile.media.dpi) / 25.4
        let paperTime = Double(EscPosPaperEstimate.dots(of: bytes, profile: profile)) / max(1, dotsPerSecond)
        let expected = inFlight + paperTime + timing.statusReply
        let deadline = MonotonicDeadline(seconds: expected + timing.confirmationSlack)
        let asbDone = MonotonicDeadline(seconds: expected)

        while true {
            if let fault = monitor.fault { return finish(.failed(cause: fault), asb: asb) }
            switch method {
            case .processId where monitor.processIds.contains(id): return finish(confirmed: &monitor, asb: asb)
            case .gsr:
                if let reply = monitor.transmitStatusReplies.first {
                    if let cause = PrinterStatus(transmitStatus: reply)?.blockingFailure { return finish(.failed(cause: cause), asb: asb) }
                    return finish(confirmed: &monitor, asb: asb)
                }
            case .asb where asb && asbDone.hasPassed(): return finish(confirmed: &monitor, asb: asb)
            case .none where !profile.status.dleEot || (!monitor.pollPending && asbDone.hasPassed()):
                return finish(.unknown(cause: .cannotConfirm(printer: profile.name)), asb: asb)
            default: break
            }
            if deadline.hasPassed() {
                let silent = (ContinuousClock.now - monitor.lastAnswer) / .seconds(1) >= expected
                return finish(.unknown(cause: silent ? .stoppedAnswering
                                                     : .notConfirmed(seconds: Int(expected + timing.confirmationSlack))),
                              asb: asb)
            }
            if profile.status.dleEot { try monitor.pollIfDue() }
            try monitor.absorb(timeout: 0.05)
        }
    }

    /// Confirmed: the printer processed every byte, cut included. A poll still under way is
    /// waited for so the properties are current, but what it says cannot unprint the slip: a
    /// paper-out now is the next slip's problem, and failing this one would bring a second
    /// original.
    private func finish(confirmed monitor: inout JobMonitor, asb: Bool) -> PrintOutcome {
        if profile.status.dleEot { try? monitor.finishPoll(within: timing.statusReply) }
        return finish(.printed, asb: asb)
    }

    /// Turns automatic status back off again (queued behind the job) and passes the outcome on.
    private func finish(_ outcome: PrintOutcome, asb: Bool) -> PrintOutcome {
        if asb { try? transport.write(EscPos.automaticStatusBack(0), timeout: timing.statusReply) }
        return outcome
    }

    private func offline(_ error: Error) -> PrintOutcome {
        let cause = (error as? PrinterDeviceError)?.cause ?? "\(error)"
        setState(.offline(cause: cause))
        return .failed(cause: .unreachable(cause))
    }
}
