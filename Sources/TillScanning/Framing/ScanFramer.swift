/// The end-of-scan suffix a scanner is set to send.
public enum ScanSuffix: String, Hashable, Sendable, CaseIterable {
    case cr, lf, crlf
    /// No suffix: a scan ends when the line has been quiet for `ScanFramer.idleGapMs`.
    case none
}

/// Cuts a byte stream into scans at the suffix. Bytes arrive in any chunks (a scan split over
/// several reads, two scans in one read); a scan is released only when its suffix has come.
/// Tolerant of the neighbouring suffix: set to CR, a CRLF scanner still gives clean scans.
public struct ScanFramer: Sendable {
    public let suffix: ScanSuffix
    /// For `.none`: the quiet time that ends a scan.
    public let idleGapMs: Int
    public private(set) var pending: [UInt8] = []
    private var lastByteAt: UInt64 = 0

    public init(suffix: ScanSuffix, idleGapMs: Int = 60) {
        self.suffix = suffix
        self.idleGapMs = idleGapMs
    }

    /// Adds bytes; returns the scans they completed, suffix removed.
    public mutating func feed(_ bytes: [UInt8], at now: UInt64) -> [[UInt8]] {
        if !bytes.isEmpty { lastByteAt = now }
        guard suffix != .none else {
            pending += bytes
            return []
        }
        var scans: [[UInt8]] = []
        for byte in bytes {
            let terminator: UInt8 = suffix == .cr ? 0x0D : 0x0A
            if byte == terminator {
                var scan = pending
                pending.removeAll()
                // CRLF sent to a CR/LF setting, or the CR of a CRLF suffix: not part of the data.
                while scan.last == 0x0D || scan.last == 0x0A { scan.removeLast() }
                while scan.first == 0x0A || scan.first == 0x0D { scan.removeFirst() }
                if !scan.isEmpty { scans.append(scan) }
            } else {
                pending.append(byte)
            }
        }
        return scans
    }

    /// For `.none`: the pending scan once the line has been quiet long enough.
    public mutating func flushIfIdle(now: UInt64) -> [UInt8]? {
        guard suffix == .none, !pending.isEmpty, now >= lastByteAt + UInt64(idleGapMs) * 1_000_000 else { return nil }
        defer { pending.removeAll() }
        return pending
    }

    /// Bytes waiting for a suffix since this long: a hint that the suffix setting is wrong.
    public func pendingAgeMs(now: UInt64) -> Int? {
        pending.isEmpty || now < lastByteAt ? nil : Int((now - lastByteAt) / 1_000_000)
    }
}
