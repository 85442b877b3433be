/// `struct input_event` from <linux/input.h> on 64-bit Linux: timeval (2 × 8 bytes), type (u16),
/// code (u16), value (s32) — 24 bytes. (32-bit time_t platforms are not supported.)
public struct InputEvent: Hashable, Sendable {
    public static let size = 24
    public static let typeSyn: UInt16 = 0, typeKey: UInt16 = 1, typeMsc: UInt16 = 4

    public var seconds: Int64
    public var microseconds: Int64
    public var type: UInt16
    public var code: UInt16
    /// For keys: 1 press, 0 release, 2 auto-repeat.
    public var value: Int32

    public init(seconds: Int64 = 0, microseconds: Int64 = 0, type: UInt16, code: UInt16, value: Int32) {
        self.seconds = seconds
        self.microseconds = microseconds
        self.type = type
        self.code = code
        self.value = value
    }

    /// The event's kernel timestamp in nanoseconds (what key gaps are measured with).
    public var nanoseconds: UInt64 { UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, microseconds)) * 1_000 }

    /// Parses whole events from `bytes` (a read returns whole events only).
    public static func parse(_ bytes: [UInt8]) -> [InputEvent] {
        stride(from: 0, to: bytes.count - size + 1, by: size).map { offset in
            bytes.withUnsafeBytes { raw in
                InputEvent(seconds: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self),
                           microseconds: raw.loadUnaligned(fromByteOffset: offset + 8, as: Int64.self),
                           type: raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt16.self),
                           code: raw.loadUnaligned(fromByteOffset: offset + 18, as: UInt16.self),
                           value: raw.loadUnaligned(fromByteOffset: offset + 20, as: Int32.self))
            }
        }
    }
}
