extension PrinterStatus {
    /// The status an automatic status back block (GS a) reports: byte 1 drawer (bit 2),
    /// offline (bit 3), cover (bit 5); byte 2 cutter (bit 3), unrecoverable (bit 5); byte 3
    /// paper near end (bits 0–1) and paper end (bits 2–3). Nil for a block that is not 4 bytes
    /// with an ASB header.
    public init?(automaticStatusBack block: [UInt8]) {
        guard block.count == 4, StatusReplyFramer.isAutomaticStatusBackHeader(block[0]) else { return nil }
        self.init()
        func bit(_ b: UInt8, _ i: UInt8) -> Bool { b & (1 << i) != 0 }
        drawerOpen = bit(block[0], 2)
        offline = bit(block[0], 3)
        coverOpen = bit(block[0], 5)
        cutterError = bit(block[1], 3)
        unrecoverableError = bit(block[1], 5)
        paperNearEnd = block[2] & 0b0000_0011 != 0
        paperOut = block[2] & 0b0000_1100 != 0
    }

    /// A GS r 1 reply (paper sensors): near end bits 0–1, paper end bits 2–3.
    public init?(transmitStatus byte: UInt8) {
        guard byte & 0xF0 == 0 else { return nil }
        self.init()
        paperNearEnd = byte & 0b0000_0011 != 0
        paperOut = byte & 0b0000_1100 != 0
    }
}
