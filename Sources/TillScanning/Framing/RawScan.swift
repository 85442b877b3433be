/// One scan as it came off the wire or the keyboard, before interpretation.
public struct RawScan: Hashable, Sendable {
    /// The scan's bytes, suffix (or Enter) removed.
    public var bytes: [UInt8]
    /// Monotonic time of the scan's completion.
    public var completedAt: UInt64
    /// Serial: how many read() calls delivered it. Wedges: 0.
    public var reads: Int
    /// Keyboard wedges: the gaps between key presses in milliseconds (first key to Enter).
    public var keyGapsMs: [Double]

    public init(bytes: [UInt8], completedAt: UInt64, reads: Int = 0, keyGapsMs: [Double] = []) {
        self.bytes = bytes
        self.completedAt = completedAt
        self.reads = reads
        self.keyGapsMs = keyGapsMs
    }
}
