/// The bytes a printer in this state sends: the other half of the decoders beside it, one bit
/// layout for both directions. The virtual printer answers with these, so what it reports is
/// exactly what the host-side decoders read back (PrinterStatusModelTests round-trips them).
extension PrinterStatus {
    /// The reply to DLE EOT `n` (1 printer, 2 offline cause, 3 error cause, 4 paper sensors),
    /// shaped 0xx1xx10; nil for another `n` (a printer ignores it).
    public func realTimeReply(to n: UInt8) -> UInt8? {
        var v: UInt8 = 0b0001_0010
        switch n {
        case 1:
            if drawerOpen { v |= 1 << 2 }
            if offline { v |= 1 << 3 }
        case 2:
            if coverOpen { v |= 1 << 2 }
            if paperOut { v |= 1 << 5 }
            if cutterError || unrecoverableError { v |= 1 << 6 }
        case 3:
            if cutterError { v |= 1 << 3 }
            if unrecoverableError { v |= 1 << 5 }
        case 4:
            if paperNearEnd { v |= 0b0000_1100 }
            if paperOut { v |= 0b0110_0000 }
        default:
            return nil
        }
        return v
    }

    /// The GS r `n` reply (1/49 paper sensors, 2/50 drawer, 4/52 ink: none), nil for another `n`.
    public func transmitStatusReply(_ n: Int) -> UInt8? {
        switch n {
        case 1, 49:
            var v: UInt8 = 0
            if paperNearEnd { v |= 0b0000_0011 }
            if paperOut { v |= 0b0000_1100 }
            return v
        case 2, 50: return drawerOpen ? 1 : 0
        case 4, 52: return 0
        default: return nil
        }
    }

    /// The automatic status back block (GS a): 4 bytes, the first shaped 0xx1xx00.
    public var automaticStatusBackBlock: [UInt8] {
        var b1: UInt8 = 0b0001_0000
        if drawerOpen { b1 |= 1 << 2 }
        if offline { b1 |= 1 << 3 }
        if coverOpen { b1 |= 1 << 5 }
        var b2: UInt8 = 0
        if cutterError { b2 |= 1 << 3 }
        if unrecoverableError { b2 |= 1 << 5 }
        var b3: UInt8 = 0
        if paperNearEnd { b3 |= 0b0000_0011 }
        if paperOut { b3 |= 0b0000_1100 }
        return [b1, b2, b3, 0]
    }
}
