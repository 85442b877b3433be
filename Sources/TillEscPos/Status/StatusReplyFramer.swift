/// Frames the bytes a printer sends back: real-time status replies (DLE EOT n, one byte shaped
/// 0xx1xx10), automatic status back blocks (4 bytes, first shaped 0xx1xx00), process ID
/// responses (GS ( H: `37 22 d1 d2 d3 d4 00`) and GS r replies (one byte 0000xxxx), tolerating
/// what else arrives on the line: stray bytes (noise, a reply triggered by 10 04 n inside image
/// data) and replies split over several reads. Feed it whatever a read returned; take replies
/// one at a time.
public struct StatusReplyFramer: Sendable {
    private var replies: [UInt8] = []
    /// The ASB block being collected (its header first), nil when none is under way.
    private var asbBlock: [UInt8]?
    /// The process ID response being collected (from its 0x37 header), nil when none is.
    private var processIdBytes: [UInt8]?
    public private(set) var strayBytes = 0
    /// Complete ASB blocks not yet taken.
    public private(set) var statusBacks: [[UInt8]] = []
    /// The four ID bytes of each process ID response not yet taken.
    public private(set) var processIds: [[UInt8]] = []
    /// Stray bytes shaped like a GS r 1 reply (bits 4…7 clear), not yet taken. Noise can look
    /// the same, so only a caller that asked GS r reads them.
    public private(set) var transmitStatusReplies: [UInt8] = []

    public init() {}

    /// True for the first byte of an automatic status back block (bits 4 set; 0, 1, 7 clear).
    public static func isAutomaticStatusBackHeader(_ byte: UInt8) -> Bool { byte & 0b1001_0011 == 0b0001_0000 }

    static let processIdHeader: [UInt8] = [0x37, 0x22]

    public mutating func feed(_ bytes: [UInt8]) {
        for byte in bytes {
            if var id = processIdBytes {
                id.append(byte)
                if id.count == 2 && byte != Self.processIdHeader[1] {
                    // Not a process ID response after all: 0x37 was a stray byte.
                    processIdBytes = nil
                    strayBytes += 1
                } else if id.count == 7 {
                    processIdBytes = nil
                    if byte == 0 { processIds.append(Array(id[2..<6])) } else { strayBytes += 7 }
                    continue
                } else {
                    processIdBytes = id
                    continue
                }
            }
            if var block = asbBlock {
                // ASB bytes 2–4 are shaped 0xx0xxxx; one that is not starts something else.
                if byte & 0b1001_0000 == 0 {
                    block.append(byte)
                    if block.count == 4 { statusBacks.append(block); asbBlock = nil } else { asbBlock = block }
                    continue
                }
                asbBlock = nil
            }
            if PrinterStatus.isRealTimeReply(byte) {
                replies.append(byte)
            } else if Self.isAutomaticStatusBackHeader(byte) {
                asbBlock = [byte]
            } else if byte == Self.processIdHeader[0] {
                processIdBytes = [byte]
            } else {
                strayBytes += 1
                if byte & 0xF0 == 0 { transmitStatusReplies.append(byte) }
            }
        }
    }

    /// The oldest reply not yet taken.
    public mutating func next() -> UInt8? { replies.isEmpty ? nil : replies.removeFirst() }

    /// The ASB blocks received since the last call.
    public mutating func takeStatusBacks() -> [[UInt8]] {
        defer { statusBacks.removeAll() }
        return statusBacks
    }

    /// The process ID responses received since the last call.
    public mutating func takeProcessIds() -> [[UInt8]] {
        defer { processIds.removeAll() }
        return processIds
    }

    /// The GS r candidates received since the last call.
    public mutating func takeTransmitStatusReplies() -> [UInt8] {
        defer { transmitStatusReplies.removeAll() }
        return transmitStatusReplies
    }

    /// Forgets replies not yet taken (stale answers before a new query).
    public mutating func reset() {
        replies.removeAll()
        asbBlock = nil
        processIdBytes = nil
        statusBacks.removeAll()
        processIds.removeAll()
        transmitStatusReplies.removeAll()
    }
}
