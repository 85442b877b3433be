/// The physical state of the virtual printer that status replies report.
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
    public var errorOccurred: Bool { cutterError }

    // MARK: DLE EOT n — one byte, 0xx1xx10

    /// DLE EOT `n` reply (n = 1…4), nil for other n (a real printer ignores them).
    public func realtimeStatus(_ n: Int) -> UInt8? {
        var v: UInt8 = 0b0001_0010
        switch n {
        case 1:  // printer status
            if drawerPin3High { v |= 1 << 2 }
            if !online { v |= 1 << 3 }
        case 2:  // offline cause
            if coverOpen { v |= 1 << 2 }
            if paperOut { v |= 1 << 5 }
            if errorOccurred { v |= 1 << 6 }
        case 3:  // error cause
            if cutterError { v |= 1 << 3 }
        case 4:  // roll paper sensors
            if paperNearEnd || paperOut { v |= 0b0000_1100 }
            if paperOut { v |= 0b0110_0000 }
        default:
            return nil
        }
        return v
    }

    // MARK: GS r n — through the buffer

    /// GS r `n` reply (1/49 paper sensors, 2/50 drawer, 4/52 ink), nil for unknown n.
    public func transmitStatus(_ n: Int) -> UInt8? {
        switch n {
        case 1, 49:
            var v: UInt8 = 0
            if paperNearEnd || paperOut { v |= 0b0000_0011 }
            if paperOut { v |= 0b0000_1100 }
            return v
        case 2, 50: return drawerPin3High ? 1 : 0
        case 4, 52: return 0
        default: return nil
        }
    }

    // MARK: GS a — automatic status back, 4 bytes, first 0xx1xx00

    public var automaticStatusBack: [UInt8] {
        var b1: UInt8 = 0b0001_0000
        if drawerPin3High { b1 |= 1 << 2 }
        if !online { b1 |= 1 << 3 }
        if coverOpen { b1 |= 1 << 5 }
        var b2: UInt8 = 0
        if cutterError { b2 |= 1 << 3 }
        var b3: UInt8 = 0
        if paperNearEnd || paperOut { b3 |= 0b0000_0011 }
        if paperOut { b3 |= 0b0000_1100 }
        return [b1, b2, b3, 0]
    }

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
