import TillCore

/// The one model of what a printer reports about itself: its real-time status replies (DLE EOT
/// 1, 2, 3, 4), ASB blocks and GS r replies decode to it and are encoded from it
/// (PrinterStatus+Replies), and the status bar, a failed print's cause and `till printer status`
/// are views of it. Where no trustworthy answer came, callers hold `nil`: unknown, never "ready".
/// Each DLE EOT reply is one byte shaped 0xx1xx10; anything else is a stray byte (image data can
/// contain 10 04 n and trigger a reply, garbage on a serial line …) and is ignored.
/// Capabilities (what the printer can do) live in the profile, never here.
public struct PrinterStatus: Hashable, Sendable {
    public var offline = false
    public var coverOpen = false
    public var paperNearEnd = false
    public var paperOut = false
    public var cutterError = false
    public var unrecoverableError = false
    /// Drawer kick-out connector pin 3 high: on most drawers, the drawer is open.
    public var drawerOpen = false

    public init() {}

    /// The queries that fill every field: DLE EOT 1, 2, 3 and 4.
    public static let queries: [UInt8] = [1, 2, 3, 4]

    /// True for a byte shaped like a DLE EOT reply (bits 1 and 4 set, bits 0 and 7 clear).
    public static func isRealTimeReply(_ byte: UInt8) -> Bool { byte & 0b1001_0011 == 0b0001_0010 }

    /// Applies the reply to DLE EOT `n`. Returns false (and changes nothing) for a stray byte.
    @discardableResult
    public mutating func apply(reply byte: UInt8, to n: UInt8) -> Bool {
        guard Self.isRealTimeReply(byte) else { return false }
        func bit(_ i: UInt8) -> Bool { byte & (1 << i) != 0 }
        switch n {
        case 1:
            drawerOpen = bit(2)
            offline = bit(3)
        case 2:
            coverOpen = bit(2)
            if bit(5) { paperOut = true }
        case 3:
            cutterError = bit(3)
            unrecoverableError = bit(5)
        case 4:
            paperNearEnd = bit(2) && bit(3)
            paperOut = bit(5) && bit(6)
        default:
            return false
        }
        return true
    }

    /// Why a job cannot print now, in words a clerk can act on; nil when it can.
    public var blockingCause: String? { blockingFailure?.text.en }

    /// Every bit in words, for `till printer status`.
    public var lines: [String] {
        [
            "online:        \(offline ? "NO (offline)" : "yes")",
            "paper:         \(paperOut ? "OUT" : paperNearEnd ? "near end" : "ok")",
            "cover:         \(coverOpen ? "OPEN" : "closed")",
            "cutter:        \(cutterError ? "ERROR (jammed)" : "ok")",
            "error:         \(unrecoverableError ? "UNRECOVERABLE" : "none")",
            "drawer (pin 3): \(drawerOpen ? "open" : "closed")",
        ]
    }
}
