import Foundation

/// Timing samples in nanoseconds, summarised as percentiles.
struct Samples {
    private(set) var nanos: [UInt64] = []

    init(nanos: [UInt64] = []) { self.nanos = nanos }

    mutating func time<T>(_ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        nanos.append(DispatchTime.now().uptimeNanoseconds - start)
        return result
    }

    func percentile(_ p: Double) -> Double {
        guard !nanos.isEmpty else { return .nan }
        let sorted = nanos.sorted()
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1_000_000
    }

    var p50: Double { percentile(50) }
    var p99: Double { percentile(99) }
}

/// "0.123 ms"
func ms(_ value: Double) -> String { String(format: "%.3f ms", value) }

/// One result row: ours against the peer, with the ratio (peer time / our time; < 1 means we are slower).
func report(_ name: String, ours: Samples, peer: Samples, peerName: String, target: String) {
    Output.line(String(format: "%-34@ p50 %@  p99 %@   | %@ p50 %@  p99 %@   | p50 ratio %.2fx   target %@",
                       name as NSString, ms(ours.p50) as NSString, ms(ours.p99) as NSString, peerName as NSString,
                       ms(peer.p50) as NSString, ms(peer.p99) as NSString, peer.p50 / ours.p50, target as NSString))
}
