/// Chooses Code 128 code sets (A, B, C) for the fewest symbol characters, so a receipt code
/// prints as narrow as possible: digit pairs in set C, control characters in A, lower case in B.
/// Exact (dynamic programming over position × set), not the usual greedy rules of thumb.
public enum Code128Sets {
    public enum CodeSet: Int, CaseIterable, Sendable { case a = 0, b = 1, c = 2
        var selector: UInt8 { [0x41, 0x42, 0x43][rawValue] } // 'A' 'B' 'C' after '{'
    }

    public struct Plan: Equatable, Sendable {
        /// Runs of input, each printed in one set.
        public var runs: [(set: CodeSet, text: ArraySlice<UInt8>)]
        /// Symbol characters: start, switches and data (no check character, no stop).
        public var symbolCharacters: Int

        public static func == (l: Plan, r: Plan) -> Bool {
            l.symbolCharacters == r.symbolCharacters && l.runs.count == r.runs.count
                && zip(l.runs, r.runs).allSatisfy { $0.set == $1.set && $0.text == $1.text }
        }

        /// Width in modules with check character and stop (quiet zones excluded).
        public var modules: Int { (symbolCharacters + 1) * 11 + 13 }
    }

    static func inA(_ c: UInt8) -> Bool { c < 0x60 }
    static func inB(_ c: UInt8) -> Bool { c >= 0x20 && c < 0x80 }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// The cheapest plan, or nil when `data` has a byte Code 128 cannot carry (non-ASCII).
    /// Runs once per printed receipt code, so the tables live in one stack-allocated block
    /// rather than an array per position (Code128PlanTests checks it against the plain version).
    public static func plan(_ data: [UInt8]) -> Plan? {
        let n = data.count
        guard n > 0, data.allSatisfy({ $0 < 0x80 }) else { return nil }
        let inf = Int.max / 2
        let slots = 3 * (n + 1)
        // cost[3i + s]: fewest symbol characters encoding data[..<i] and ending in set s.
        // fromPos/fromSet[3i + s]: the previous position and set, for backtracking.
        let (steps, total): ([(Int, Range<Int>)], Int) = withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * slots) { block in
            let cost = block.baseAddress!, fromPos = cost + slots, fromSet = cost + 2 * slots
            cost.initialize(repeating: inf, count: slots)
            fromPos.initialize(repeating: -1, count: 2 * slots)
            cost[0] = 1; cost[1] = 1; cost[2] = 1
            @inline(__always) func relax(_ at: Int, _ s: Int, _ to: Int, _ t: Int) {
                if cost[at + s] + 1 < cost[to + t] { cost[to + t] = cost[at + s] + 1; fromPos[to + t] = at / 3; fromSet[to + t] = s }
            }
            for i in 0...n {
                let at = 3 * i
                // A set switch at position i costs one symbol character. B is tried first so ties
                // resolve to the set that prints plain text.
                relax(at, 1, at, 0); relax(at, 1, at, 2)
                relax(at, 0, at, 1); relax(at, 0, at, 2)
                relax(at, 2, at, 0); relax(at, 2, at, 1)
                guard i < n else { break }
                let c = data[i]
                if inB(c) { relax(at, 1, at + 3, 1) }
                if inA(c) { relax(at, 0, at + 3, 0) }
                if i + 1 < n, isDigit(c), isDigit(data[i + 1]) { relax(at, 2, at + 6, 2) }
            }
            // Prefer B, then A, then C on ties so plain text reads in the common set.
            let end = 3 * n
            var best = 1
            if cost[end] < cost[end + best] { best = 0 }
            if cost[end + 2] < cost[end + best] { best = 2 }
            // Walk back, collecting (set, start..<end) steps, merging consecutive same-set steps.
            var steps: [(Int, Range<Int>)] = []
            var i = n, s = best
            while i > 0 {
                let pi = fromPos[3 * i + s], ps = fromSet[3 * i + s]
                if pi == i { s = ps; continue } // a switch: same position, other set
                if let last = steps.last, last.0 == s, last.1.lowerBound == i {
                    steps[steps.count - 1] = (s, pi..<last.1.upperBound)
                } else {
                    steps.append((s, pi..<i))
                }
                i = pi; s = ps
            }
            return (steps, cost[end + best])
        }
        let runs = steps.reversed().map { (set: CodeSet(rawValue: $0.0)!, text: data[$0.1]) }
        return Plan(runs: runs, symbolCharacters: total)
    }

    /// GS k function B data: "{A"/"{B"/"{C" before each run, set C as one byte per digit pair,
    /// a literal "{" doubled.
    public static func escPosData(_ plan: Plan) -> [UInt8] {
        var out: [UInt8] = []
        for run in plan.runs {
            out += [0x7B, run.set.selector]
            if run.set == .c {
                var k = run.text.startIndex
                while k < run.text.endIndex {
                    out.append((run.text[k] - 0x30) * 10 + (run.text[k + 1] - 0x30))
                    k += 2
                }
            } else {
                for c in run.text {
                    out.append(c)
                    if c == 0x7B { out.append(0x7B) }
                }
            }
        }
        return out
    }
}
