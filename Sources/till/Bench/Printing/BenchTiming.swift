import Foundation

/// Wall-clock timing of a closure repeated `runs` times, best of `rounds` (the least disturbed
/// by the other processes sharing the machine).
enum BenchTiming {
    static func seconds(rounds: Int = 3, runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<runs { try body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, elapsed)
        }
        return best
    }
}
