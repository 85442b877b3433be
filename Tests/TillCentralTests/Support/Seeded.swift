import Foundation

/// The seeded generator of the test targets (SplitMix64): a failure prints its seed and
/// `TILL_PROPERTY_SEED=N` replays it.
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    static func seeds(count: Int, base: UInt64) -> [UInt64] {
        if let fixed = ProcessInfo.processInfo.environment["TILL_PROPERTY_SEED"].flatMap(UInt64.init) { return [fixed] }
        return (0..<UInt64(count)).map { base &+ $0 }
    }
}
