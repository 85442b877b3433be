import TillCore

/// An attempt's score out of 100 and why: each expected point right or wrong, then time,
/// keystrokes and wrong attempts.
public struct DrillScore: Hashable, Sendable, Codable {
    public struct Point: Hashable, Sendable, Codable {
        public var name: String
        public var expected: String
        public var observed: String
        public var right: Bool
    }

    public var points: [Point]
    /// Out of `DrillScorer.outcomeWeight`.
    public var outcomeScore: Int
    /// Out of `DrillScorer.timeWeight`.
    public var timeScore: Int
    /// Out of `DrillScorer.keystrokeWeight`.
    public var keystrokeScore: Int
    /// Out of `DrillScorer.accuracyWeight`.
    public var accuracyScore: Int
    /// Refusals met that the drill did not expect: each one a wrong attempt.
    public var wrongAttempts: Int
    public var seconds: Double
    public var keystrokes: Int
    public var refusals: [String]

    public var total: Int { outcomeScore + timeScore + keystrokeScore + accuracyScore }

    /// The breakdown as lines for the screen and `till drill report`.
    public func lines(_ lang: Language) -> [String] {
        var out = points.map { p in
            (p.right ? "✔ " : "✘ ") + "\(p.name): " + (p.right ? p.observed : (lang == .zh ? "应为 \(p.expected)，实为 \(p.observed)" : "expected \(p.expected), got \(p.observed)"))
        }
        let zh = lang == .zh
        out.append((zh ? "结果 " : "outcome ") + "\(outcomeScore)/\(DrillScorer.outcomeWeight)")
        out.append((zh ? "用时 " : "time ") + String(Int(seconds.rounded())) + "s → \(timeScore)/\(DrillScorer.timeWeight)")
        out.append((zh ? "按键 " : "keystrokes ") + "\(keystrokes) → \(keystrokeScore)/\(DrillScorer.keystrokeWeight)")
        out.append((zh ? "错误尝试 " : "wrong attempts ") + "\(wrongAttempts) → \(accuracyScore)/\(DrillScorer.accuracyWeight)")
        out.append((zh ? "总分 " : "score ") + "\(total)/100")
        return out
    }
}
