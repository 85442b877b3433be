/// Where each command of an ESC/POS stream starts, by the opcode table the encoder builds its
/// bytes from (`EscPosOpcodes.measure`): the same boundaries the decoder (TillVirtualPrinter's
/// `EscPosParser`) finds, without decoding what the commands mean. A run of printable bytes is
/// one piece, so a boundary never falls between the bytes of a Chinese character.
public enum EscPosCommandSplitter {
    /// The offsets at which the complete commands of `bytes` start, in order (0 first when
    /// there is any); an incomplete command at the end has none.
    public static func starts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var i = 0
        while i < bytes.count, let length = length(bytes, at: i) {
            starts.append(i)
            i += length
        }
        return starts
    }

    /// The length of the piece at `i`, or nil when the stream ends inside a command.
    static func length(_ b: [UInt8], at i: Int) -> Int? {
        let c = b[i]
        if c >= 0x20 {
            var j = i
            while j < b.count, b[j] >= 0x20 { j += 1 }
            return j - i
        }
        switch c {
        case EscPos.DLE, EscPos.ESC, EscPos.FS, EscPos.GS:
            switch EscPosOpcodes.measure(b, at: i) {
            case .needMore: return nil
            case .length(let n), .invalid(let n, _): return n
            // An unknown opcode: DLE alone is skipped, ESC/FS/GS with the byte after it.
            case .unknown: return c == EscPos.DLE ? 1 : 2
            }
        default:
            return 1  // LF, CR, HT and the other single control bytes
        }
    }
}
