import TillEscPos

/// The physical state of the virtual printer (sensors, the operator's offline switch, a jammed
/// cutter); what it reports is `reported`, the one printer status model.
public struct PrinterCondition: Hashable, Sendable {
    public var paperNearEnd = false
    public var paperOut = false
    public var coverOpen = false
    /// Taken offline by the operator (the `offline` fault), independent of any cause above.
    public var manualOffline = false
    /// The autocutter jammed: a recoverable error, cleared by DLE ENQ 1/2 or `cutter-clear`.
    public var cutterError = false
    /// Drawer kick-out connector pin 3 (the drawer-open switch) reads high.
    public var drawerPin3High = false

    public init() {}

    /// Whether the printer processes its receive buffer (prints, answers GS r / GS I).
    public var online: Bool { !paperOut && !coverOpen && !manualOffline && !cutterError }

    /// What the printer reports about itself in this condition: the one status model, whose
    /// own encoders make the bytes of every reply below. A paper-out roll also trips the near-end
    /// sensor; "offline" is any reason the buffer is not processed.
    public var reported: PrinterStatus {
        var status = PrinterStatus()
        status.offline = !online
        status.coverOpen = coverOpen
        status.paperNearEnd = paperNearEnd || paperOut
        status.paperOut = paperOut
        status.cutterError = cutterError
        status.drawerOpen = drawerPin3High
        return status
    }

    /// DLE EOT `n` reply (n = 1…4), nil for other n (a real printer ignores them).
    public func realtimeStatus(_ n: Int) -> UInt8? {
        guard let n = UInt8(exactly: n) else { return nil }
        return reported.realTimeReply(to: n)
    }

    /// GS r `n` reply (1/49 paper sensors, 2/50 drawer, 4/52 ink), nil for unknown n.
    public func transmitStatus(_ n: Int) -> UInt8? { reported.transmitStatusReply(n) }

    /// GS a: automatic status back, 4 bytes, first 0xx1xx00.
    public var automaticStatusBack: [UInt8] { reported.automaticStatusBackBlock }

    /// The part of the ASB status that GS a `mask` asked to be told about (bit 0 drawer,
    /// bit 1 online/offline and cover, bit 2 errors, bit 3 paper sensors).
    func asbKey(mask: UInt8) -> [Bool] {
        [
            mask & 1 != 0 && drawerPin3High,
            mask & 2 != 0 && !online, mask & 2 != 0 && coverOpen,
            mask & 4 != 0 && cutterError,
            mask & 8 != 0 && (paperNearEnd || paperOut), mask & 8 != 0 && paperOut,
        ]
    }
}
