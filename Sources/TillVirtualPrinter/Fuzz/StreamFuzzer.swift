/// Seeded generator of hostile ESC/POS streams for the decoder: pure noise, noise biased to
/// command prefixes, and valid jobs mutated (bytes flipped, inserted, deleted, lengths
/// corrupted, cut short). Same seed, same streams.
public struct StreamFuzzer: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed == 0 ? 0x2545_F491_4F6C_DD1D : seed }

    public mutating func random() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(random() % UInt64(n)) }
    mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: random()) }

    /// Valid command fragments the mutations start from: every command family the decoder knows.
    static let seeds: [[UInt8]] = [
        [0x1B, 0x40], [0x1B, 0x21, 0x38], [0x1B, 0x45, 1], [0x1B, 0x2D, 2], [0x1B, 0x61, 1], [0x1B, 0x4D, 1],
        [0x1B, 0x74, 19], [0x1B, 0x74, 1], [0x1B, 0x64, 3], [0x1B, 0x4A, 40], [0x1B, 0x70, 0, 50, 50],
        [0x1D, 0x21, 0x11], [0x1D, 0x42, 1], [0x1D, 0x56, 0], [0x1D, 0x56, 66, 3], [0x1D, 0x56, 65, 0],
        Array("Hello, till! 12.50\n".utf8), [0x80, 0xD5, 0x9C, 0xE9, 0x0A], [0x09, 0x0D, 0x0A],
        [0x1D, 0x68, 60, 0x1D, 0x77, 2, 0x1D, 0x48, 2], [0x1D, 0x6B, 67, 12] + Array("400638133393".utf8),
        [0x1D, 0x6B, 2] + Array("400638133393".utf8) + [0], [0x1D, 0x6B, 73, 8] + Array("{BNo.".utf8) + [0x7B, 0x43, 12],
        [0x1D, 0x6B, 4] + Array("TILL-1".utf8) + [0], [0x1D, 0x6B, 70, 4] + Array("1234".utf8),
        [0x1D, 0x28, 0x6B, 4, 0, 49, 65, 50, 0, 0x1D, 0x28, 0x6B, 3, 0, 49, 67, 4, 0x1D, 0x28, 0x6B, 3, 0, 49, 69, 49],
        [0x1D, 0x28, 0x6B, 8, 0, 49, 80, 48] + Array("hello".utf8) + [0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48],
        [0x1D, 0x76, 0x30, 0, 2, 0, 3, 0, 0xFF, 0x00, 0xAA, 0x55, 0x10, 0x04],
        [0x1D, 0x28, 0x4C, 12, 0, 48, 112, 48, 1, 1, 49, 8, 0, 2, 0, 0xF0, 0x0F, 0x1D, 0x28, 0x4C, 2, 0, 48, 50],
        [0x1D, 0x38, 0x4C, 13, 0, 0, 0, 48, 67, 48, 0x41, 0x31, 1, 8, 0, 1, 0, 49, 0xAA],
        [0x1D, 0x28, 0x4C, 6, 0, 48, 69, 0x41, 0x31, 1, 1], [0x1D, 0x28, 0x4C, 5, 0, 48, 65, 67, 76, 82],
        [0x1C, 0x26, 0xD6, 0xD0, 0xCE, 0xC4, 0x81, 0x30, 0x81, 0x30, 0x1C, 0x2E],
        [0x1C, 0x71, 1, 1, 0, 1, 0] + [UInt8](repeating: 0x81, count: 8) + [0x1C, 0x70, 1, 0],
        [0x10, 0x04, 1], [0x10, 0x04, 4], [0x10, 0x05, 2], [0x10, 0x14, 1, 0, 1], [0x1D, 0x72, 1], [0x1D, 0x61, 0x0F],
        [0x1D, 0x49, 67], [0x1B, 0x2A, 33, 2, 0, 1, 2, 3, 4, 5, 6], [0x1B, 0x44, 4, 10, 20, 0], [0x1B, 0x26, 3, 65, 65, 2, 1, 2, 3, 4, 5, 6],
        [0x1B, 0x26, 2, 0x21, 0x22, 12] + [UInt8](repeating: 0x5A, count: 24) + [4, 1, 2, 3, 4, 5, 6, 7, 8] + [0x1B, 0x25, 1, 0x21, 0x22, 0x41, 0x0A],
        [0x1B, 0x25, 1], [0x1B, 0x25, 0], [0x1B, 0x3F, 0x21],
    ]

    /// One stream, 0…~3 KB.
    public mutating func next() -> [UInt8] {
        switch below(4) {
        case 0:  // noise
            return (0..<below(600)).map { _ in byte() }
        case 1:  // noise rich in command prefixes and length bytes
            var s: [UInt8] = []
            let prefixes: [UInt8] = [0x1B, 0x1D, 0x1C, 0x10, 0x0A, 0x28, 0x6B, 0x4C, 0x38, 0x76, 0x30, 0x04, 0x00, 0xFF]
            for _ in 0..<below(800) { s.append(below(2) == 0 ? prefixes[below(prefixes.count)] : byte()) }
            return s
        default:  // a valid job, mutated
            var s: [UInt8] = []
            for _ in 0..<(1 + below(25)) { s += StreamFuzzer.seeds[below(StreamFuzzer.seeds.count)] }
            let mutations = below(8)
            for _ in 0..<mutations where !s.isEmpty {
                let i = below(s.count)
                switch below(6) {
                case 0: s[i] = byte()
                case 1: s.insert(byte(), at: i)
                case 2: s.remove(at: i)
                case 3: s[i] = [0x00, 0xFF, 0x7F, 0x80, 0x01][below(5)]  // length-ish values
                case 4: s = Array(s.prefix(i))  // cut short
                default: s.insert(contentsOf: StreamFuzzer.seeds[below(StreamFuzzer.seeds.count)], at: i)
                }
            }
            return s
        }
    }

    /// Splits a stream into random reads, as a socket would deliver it.
    public mutating func chunks(_ stream: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var i = 0
        while i < stream.count {
            let n = 1 + below(below(4) == 0 ? 4 : 512)
            out.append(Array(stream[i..<min(stream.count, i + n)]))
            i += n
        }
        return out
    }
}
