/// What each bit of a real-time status reply says, for traces: a technician reads
/// "paper out (bits 5, 6)" instead of 0x72.
extension PrinterStatus {
    /// The meanings of the bits set (and of the significant ones clear) in the reply to
    /// DLE EOT `n`; "not a status reply" for a byte of another shape.
    public static func meaning(of byte: UInt8, query n: UInt8) -> String {
        guard isRealTimeReply(byte) else { return "not a status reply (fixed bits 0, 1, 4, 7 wrong)" }
        func bit(_ i: UInt8) -> Bool { byte & (1 << i) != 0 }
        var words: [String] = []
        switch n {
        case 1:
            words.append(bit(2) ? "drawer pin 3 high (bit 2)" : "drawer pin 3 low")
            words.append(bit(3) ? "OFFLINE (bit 3)" : "online")
            if bit(5) { words.append("waiting for online recovery (bit 5)") }
            if bit(6) { words.append("feed button pressed (bit 6)") }
        case 2:
            words.append(bit(2) ? "COVER OPEN (bit 2)" : "cover closed")
            if bit(3) { words.append("paper fed by the feed button (bit 3)") }
            if bit(5) { words.append("STOPPED: PAPER OUT (bit 5)") }
            if bit(6) { words.append("ERROR (bit 6)") }
            if !bit(5) && !bit(6) { words.append("no error") }
        case 3:
            if bit(2) { words.append("mechanism error (bit 2)") }
            words.append(bit(3) ? "CUTTER ERROR (bit 3)" : "cutter ok")
            if bit(5) { words.append("UNRECOVERABLE ERROR (bit 5)") }
            if bit(6) { words.append("auto-recoverable error, e.g. head too hot (bit 6)") }
        case 4:
            words.append(bit(2) && bit(3) ? "PAPER NEAR END (bits 2, 3)" : "paper roll ok")
            words.append(bit(5) && bit(6) ? "PAPER OUT (bits 5, 6)" : "paper present")
        default:
            return "reply to DLE EOT \(n)"
        }
        return words.joined(separator: ", ")
    }
}
