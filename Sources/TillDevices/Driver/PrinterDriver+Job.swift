import Foundation
import TillEscPos
import TillRuntime

extension PrinterDriver {
    /// One job as one unit: status before (a printer that cannot print gets nothing), the
    /// bytes, status after (paper can run out part-way). Runs on the calling thread; never
    /// throws and never waits longer than the timing allows.
    public func printJob(_ bytes: [UInt8]) -> PrintOutcome {
        jobLock.withLock {
            setState(.busy)
            let outcome = runJob(bytes)
            if state == .busy { setState(.idle) }
            return outcome
        }
    }

    private func runJob(_ bytes: [UInt8]) -> PrintOutcome {
        guard lifecycle == .enabled else {
            return .failed(cause: "the printer is not enabled — start the driver (open, claim, enable) before printing")
        }
        // Reconnect after an unplug, a dropped connection or a printer switched on late.
        do { try connectIfNeeded() } catch { return offline(error) }

        let statusWorks = profile.status.dleEot && transport.answersStatus
        if statusWorks {
            let before: PrinterStatus?
            do { before = try StatusQuery(transport: transport, timing: timing).run() } catch { return offline(error) }
            guard let before else {
                setState(.offline(cause: Self.noAnswer))
                return .failed(cause: Self.noAnswer)
            }
            setProperties(before)
            if let cause = before.blockingCause {
                setState(.error(cause: cause))
                return .failed(cause: cause)
            }
        }

        do {
            try transport.write(bytes, timeout: timing.write)
        } catch {
            // Nothing or part of the job reached the printer: the slip did not print whole.
            transport.close()
            let cause = (error as? PrinterDeviceError)?.cause ?? "\(error)"
            setState(.offline(cause: cause))
            return .failed(cause: cause)
        }

        guard statusWorks else {
            return .unknown(cause: "sent; \(profile.name) cannot report whether it printed — check the slip")
        }
        // The reply to the query after the job waits behind the job itself.
        let speed = transport.bytesPerSecond ?? timing.slowestBytesPerSecond
        let after: PrinterStatus?
        do {
            after = try StatusQuery(transport: transport, timing: timing).run(extraWait: Double(bytes.count) / speed)
        } catch {
            transport.close()
            let cause = (error as? PrinterDeviceError)?.cause ?? "\(error)"
            setState(.offline(cause: cause))
            return .unknown(cause: "sent, but the link dropped before the printer confirmed (\(cause)) — check the slip printed whole")
        }
        guard let after else {
            setState(.offline(cause: Self.noAnswer))
            return .unknown(cause: "sent, but the printer did not answer afterwards — check the slip printed whole")
        }
        setProperties(after)
        if let cause = after.blockingCause {
            setState(.error(cause: cause))
            return .failed(cause: cause)
        }
        setState(.idle)
        return .printed
    }

    private func offline(_ error: Error) -> PrintOutcome {
        let cause = (error as? PrinterDeviceError)?.cause ?? "\(error)"
        setState(.offline(cause: cause))
        return .failed(cause: cause)
    }
}
