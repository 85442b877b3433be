import Foundation

/// SplitMix64: a small, fast, seedable generator, so that every generated case can be run again
/// from its seed (`TILL_PROPERTY_SEED=N swift test --filter MoneyProperties`).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }
    mutating func index(_ count: Int) -> Int { Int.random(in: 0..<max(1, count), using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ values: [T]) -> T { values[index(values.count)] }
}

/// Runs a property over generated cases: each case from its own seed, the seed printed on
/// failure together with the smallest failing case shrinking finds. `TILL_PROPERTY_SEED` runs
/// one seed; `TILL_PROPERTY_CASES` changes how many cases run.
enum PropertyRun {
    /// True when the run covers at least the `defaultCases` fixed seeds: only then may a test
    /// ask how often its generator reached a case. Re-running one printed seed
    /// (`TILL_PROPERTY_SEED`) or fewer cases checks the property alone, or the guard would fail
    /// for want of luck, not for a fault.
    static func coversDefaultCases(_ defaultCases: Int) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["TILL_PROPERTY_SEED"] == nil
            && (environment["TILL_PROPERTY_CASES"].flatMap(Int.init) ?? defaultCases) >= defaultCases
    }

    static func check<Case>(_ name: String, cases defaultCases: Int, baseSeed: UInt64,
                            generate: (inout SeededGenerator) -> Case,
                            shrink: (Case) -> [Case],
                            property: (Case) -> String?) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64]
        if let text = environment["TILL_PROPERTY_SEED"], let seed = UInt64(text) {
            seeds = [seed]
        } else {
            let count = environment["TILL_PROPERTY_CASES"].flatMap(Int.init) ?? defaultCases
            seeds = (0..<UInt64(count)).map { baseSeed &+ $0 }
        }
        for seed in seeds {
            var rng = SeededGenerator(seed: seed)
            let generated = generate(&rng)
            guard var failure = property(generated) else { continue }
            var smallest = generated
            // Greedy shrinking: keep any smaller case that still fails, until none does.
            var progress = true
            while progress {
                progress = false
                for candidate in shrink(smallest) {
                    if let problem = property(candidate) {
                        smallest = candidate
                        failure = problem
                        progress = true
                        break
                    }
                }
            }
            return "\(name) failed for seed \(seed) (re-run: TILL_PROPERTY_SEED=\(seed)): \(failure)\nsmallest case: \(smallest)"
        }
        return nil
    }
}
