/// Frames the bytes a printer sends back into real-time status replies (DLE EOT n), tolerating
/// what else arrives on the line: stray bytes (noise, a reply triggered by 10 04 n inside image
/// data), automatic status back blocks (4 bytes, first shaped 0xx1xx00) and replies split over
/// several reads. Feed it whatever a read returned; take replies one at a time.
public struct StatusReplyFramer: Sendable {
    private var replies: [UInt8] = []
    /// Bytes still to skip of an ASB block whose first byte was seen.
    private var asbRemaining = 0
    public private(set) var strayBytes = 0

    public init() {}

    /// True for the first byte of an automatic status back block (bits 4 set; 0, 1, 7 clear).
    public static func isAutomaticStatusBackHeader(_ byte: UInt8) -> Bool { byte & 0b1001_0011 == 0b0001_0000 }

    public mutating func feed(_ bytes: [UInt8]) {
        for byte in bytes {
            if asbRemaining > 0 {
                asbRemaining -= 1
                // ASB bytes 2–4 are shaped 0xx0xxxx; one that is not starts something else.
                if byte & 0b1001_0000 == 0 { continue }
                asbRemaining = 0
            }
            if PrinterStatus.isRealTimeReply(byte) {
                replies.append(byte)
            } else if Self.isAutomaticStatusBackHeader(byte) {
                asbRemaining = 3
            } else {
                strayBytes += 1
            }
        }
    }

    /// The oldest reply not yet taken.
    public mutating func next() -> UInt8? { replies.isEmpty ? nil : replies.removeFirst() }

    /// Forgets replies not yet taken (stale answers before a new query).
    public mutating func reset() {
        replies.removeAll()
        asbRemaining = 0
    }
}
