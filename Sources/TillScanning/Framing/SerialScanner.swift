import TillSerial
/// A scanner on a serial line (RS-232, or USB in CDC-ACM / virtual COM mode): the port in raw
/// 8N1 with the device's baud and flow control, cut into scans at the configured suffix.
public final class SerialScanner {
    public let port: SerialPort
    public private(set) var framer: ScanFramer
    private var ready: [[UInt8]] = []
    private var readsSinceLastScan = 0

    public init(path: String, settings: SerialLineSettings, suffix: ScanSuffix) throws(DeviceError) {
        port = try SerialPort(path: path, settings: settings)
        framer = ScanFramer(suffix: suffix)
    }

    /// The next complete scan, or nil if none completed within `timeoutMs`.
    public func nextScan(timeoutMs: Int) throws(DeviceError) -> RawScan? {
        let deadline = monotonicNanoseconds() + UInt64(max(0, timeoutMs)) * 1_000_000
        while true {
            if !ready.isEmpty { return finish(ready.removeFirst()) }
            let now = monotonicNanoseconds()
            if let idle = framer.flushIfIdle(now: now) { return finish(idle) }
            guard now < deadline else { return nil }
            // With no suffix, wake up in time to notice the quiet gap that ends a scan.
            var wait = Int((deadline - now) / 1_000_000)
            if framer.suffix == .none, !framer.pending.isEmpty { wait = min(wait, framer.idleGapMs) }
            let bytes = try port.read(timeoutMs: max(wait, 1))
            if !bytes.isEmpty {
                readsSinceLastScan += 1
                ready += framer.feed(bytes, at: monotonicNanoseconds())
            }
        }
    }

    /// Bytes that arrived but are still waiting for a suffix, and since how long.
    public func waitingForSuffix() -> (bytes: [UInt8], ageMs: Int)? {
        guard let age = framer.pendingAgeMs(now: monotonicNanoseconds()) else { return nil }
        return (framer.pending, age)
    }

    private func finish(_ bytes: [UInt8]) -> RawScan {
        let reads = max(readsSinceLastScan, 1)
        // The next scan already has bytes from the last read: that read counts for it too.
        readsSinceLastScan = ready.isEmpty && framer.pending.isEmpty ? 0 : 1
        return RawScan(bytes: bytes, completedAt: monotonicNanoseconds(), reads: reads)
    }

    public func close() { port.close() }
}
