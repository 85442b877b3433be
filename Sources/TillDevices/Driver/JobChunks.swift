import TillEscPos

/// Splits a job into pieces at command boundaries, so the driver can slip a real-time status
/// query (DLE EOT) between two pieces without landing inside a command's parameters or image
/// data, or between the two bytes of a Chinese character. A command longer than `maxBytes`
/// is a piece of its own. The boundaries come from the encoder's opcode table
/// (`EscPosCommandSplitter`), not from the emulator.
enum JobChunks {
    static func split(_ bytes: [UInt8], maxBytes: Int) -> [ArraySlice<UInt8>] {
        guard bytes.count > maxBytes else { return [bytes[...]] }
        var boundaries = EscPosCommandSplitter.starts(bytes)
        boundaries.append(bytes.count)
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        var last = 0
        for b in boundaries.dropFirst() {
            if b - start > maxBytes, last > start {
                pieces.append(bytes[start..<last])
                start = last
            }
            last = b
        }
        if start < bytes.count { pieces.append(bytes[start...]) }
        return pieces
    }
}
