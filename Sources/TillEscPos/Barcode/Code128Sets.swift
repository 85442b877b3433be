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
    public static func plan(_ data: [UInt8]) -> Plan? {
        let n = data.count
        guard n > 0, data.allSatisfy({ $0 < 0x80 }) else { return nil }
        let inf = Int.max / 2
        // cost[i][s]: fewest symbol characters encoding data[..<i] and ending in set s.
        var cost = [[Int]](repeating: [inf, inf, inf], count: n + 1)
        // from[i][s]: (previous position, previous set) for backtracking.
        var from = [[(Int, Int)]](repeating: [(-1, -1), (-1, -1), (-1, -1)], count: n + 1)
        cost[0] = [1, 1, 1]
        for i in 0...n {
            // A set switch at position i costs one symbol character. B is tried first so ties
            // resolve to the set that prints plain text.
            for s in [1, 0, 2] {
                for t in 0..<3 where t != s && cost[i][s] + 1 < cost[i][t] {
                    cost[i][t] = cost[i][s] + 1
                    from[i][t] = (i, s)
                }
            }
            guard i < n else { break }
            let c = data[i]
            if inB(c), cost[i][1] + 1 < cost[i + 1][1] { cost[i + 1][1] = cost[i][1] + 1; from[i + 1][1] = (i, 1) }
            if inA(c), cost[i][0] + 1 < cost[i + 1][0] { cost[i + 1][0] = cost[i][0] + 1; from[i + 1][0] = (i, 0) }
            if i + 1 < n, isDigit(c), isDigit(data[i + 1]), cost[i][2] + 1 < cost[i + 2][2] {
                cost[i + 2][2] = cost[i][2] + 1
                from[i + 2][2] = (i, 2)
            }
        }
        // Prefer B, then A, then C on ties so plain text reads in the common set.
        var best = 1
        for s in [0, 2] where cost[n][s] < cost[n][best] { best = s }
        // Walk back, collecting (set, start..<end) steps, merging consecutive same-set steps.
        var steps: [(Int, Range<Int>)] = []
        var i = n, s = best
        while i > 0 {
            let (pi, ps) = from[i][s]
            if pi == i { s = ps; continue } // a switch: same position, other set
            if let last = steps.last, last.0 == s, last.1.lowerBound == i {
                steps[steps.count - 1] = (s, pi..<last.1.upperBound)
            } else {
                steps.append((s, pi..<i))
            }
            i = pi; s = ps
        }
        let runs = steps.reversed().map { (set: CodeSet(rawValue: $0.0)!, text: data[$0.1]) }
        return Plan(runs: runs, symbolCharacters: cost[n][best])
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
