import Testing
@testable import TillGraphics

/// The planner keeps its tables in one temporary block; this is the same dynamic programme
/// written plainly (arrays per position), and both must choose the same plan for any input.
struct Code128PlanTests {
    static func referencePlan(_ data: [UInt8]) -> Code128Sets.Plan? {
        let n = data.count
        guard n > 0, data.allSatisfy({ $0 < 0x80 }) else { return nil }
        let inf = Int.max / 2
        var cost = [[Int]](repeating: [inf, inf, inf], count: n + 1)
        var from = [[(Int, Int)]](repeating: [(-1, -1), (-1, -1), (-1, -1)], count: n + 1)
        cost[0] = [1, 1, 1]
        for i in 0...n {
            for s in [1, 0, 2] {
                for t in 0..<3 where t != s && cost[i][s] + 1 < cost[i][t] {
                    cost[i][t] = cost[i][s] + 1
                    from[i][t] = (i, s)
                }
            }
            guard i < n else { break }
            let c = data[i]
            if Code128Sets.inB(c), cost[i][1] + 1 < cost[i + 1][1] { cost[i + 1][1] = cost[i][1] + 1; from[i + 1][1] = (i, 1) }
            if Code128Sets.inA(c), cost[i][0] + 1 < cost[i + 1][0] { cost[i + 1][0] = cost[i][0] + 1; from[i + 1][0] = (i, 0) }
            if i + 1 < n, Code128Sets.isDigit(c), Code128Sets.isDigit(data[i + 1]), cost[i][2] + 1 < cost[i + 2][2] {
                cost[i + 2][2] = cost[i][2] + 1
                from[i + 2][2] = (i, 2)
            }
        }
        var best = 1
        for s in [0, 2] where cost[n][s] < cost[n][best] { best = s }
        var steps: [(Int, Range<Int>)] = []
        var i = n, s = best
        while i > 0 {
            let (pi, ps) = from[i][s]
            if pi == i { s = ps; continue }
            if let last = steps.last, last.0 == s, last.1.lowerBound == i {
                steps[steps.count - 1] = (s, pi..<last.1.upperBound)
            } else {
                steps.append((s, pi..<i))
            }
            i = pi; s = ps
        }
        let runs = steps.reversed().map { (set: Code128Sets.CodeSet(rawValue: $0.0)!, text: data[$0.1]) }
        return Code128Sets.Plan(runs: runs, symbolCharacters: cost[n][best])
    }

    @Test func plannerMatchesThePlainDynamicProgramme() {
        var rng = SystemRandomNumberGenerator()
        // Digits, upper and lower case, controls, braces: every set and switch gets exercised.
        let alphabet: [UInt8] = Array("0123456789".utf8) + Array("AZaz{ -".utf8) + [0x00, 0x09, 0x1F, 0x7F]
        var checked = 0
        for length in 0...40 {
            for _ in 0..<60 {
                var data = (0..<length).map { _ in alphabet.randomElement(using: &rng)! }
                if length > 0 && Int.random(in: 0..<8, using: &rng) == 0 { data[0] = 0xC3 } // non-ASCII: nil
                let fast = Code128Sets.plan(data), reference = Self.referencePlan(data)
                #expect(fast == reference, "\(data)")
                if let fast { #expect(Code128Sets.escPosData(fast) == Code128Sets.escPosData(reference!)) }
                checked += 1
            }
        }
        #expect(checked > 2000)
        #expect(Code128Sets.plan(Array("9010000012326092166".utf8)) == Self.referencePlan(Array("9010000012326092166".utf8)))
    }
}
