import TillCore

/// Scores an attempt against its drill. Pure: the same expectation and observation always give
/// the same score, so a replayed key script scores exactly as the live run did.
public enum DrillScorer {
    public static let outcomeWeight = 70
    public static let timeWeight = 15
    public static let keystrokeWeight = 5
    public static let accuracyWeight = 10
    /// Each unexpected refusal costs this much of the accuracy share.
    public static let pointsPerWrongAttempt = 4

    public struct Par: Hashable, Sendable, Codable {
        /// Full time points up to this; none at three times it.
        public var seconds: Double
        /// Full keystroke points up to this; none at twice it.
        public var keystrokes: Int

        public init(seconds: Double, keystrokes: Int) {
            self.seconds = seconds
            self.keystrokes = keystrokes
        }
    }

    public static func score(_ expected: DrillExpectation, _ observed: DrillObservation, par: Par) -> DrillScore {
        let points = outcomePoints(expected, observed)
        let right = points.filter(\.right).count
        let outcome = points.isEmpty ? 0 : outcomeWeight * right / points.count
        let expectedRefusal = expected.outcome == .refusal ? expected.refusal : nil
        // Meeting the refusal the drill is about is the point, not a mistake; any other is.
        var allowed = (expectedRefusal.map { [$0] } ?? []) + expected.allowedRefusals
        let wrong = observed.refusals.filter { code in
            if let i = allowed.firstIndex(of: code) { allowed.remove(at: i); return false }
            return !expectedCourseRefusals.contains(code)
        }.count
        return DrillScore(
            points: points, outcomeScore: outcome,
            timeScore: slidingScore(observed.seconds, par: par.seconds, zeroAt: par.seconds * 3, weight: timeWeight),
            keystrokeScore: slidingScore(Double(observed.keystrokes), par: Double(par.keystrokes),
                                         zeroAt: Double(par.keystrokes) * 2, weight: keystrokeWeight),
            accuracyScore: max(0, accuracyWeight - wrong * pointsPerWrongAttempt),
            wrongAttempts: wrong, seconds: observed.seconds, keystrokes: observed.keystrokes, refusals: observed.refusals)
    }

    /// Refusals that are the till asking for something, not the trainee being wrong: a
    /// supervisor prompt the policy requires, a slip that did not print because of a fault, or the
    /// supervisor mistyping their own PIN.
    /// A supervisor's own wrong PIN (or lock-out) while approving: the supervisor's mistake.
    public static let approverPINRefusal = "approver_wrong_pin"

    static let expectedCourseRefusals: Set<String> = ["supervisor_required", "printer_unavailable", approverPINRefusal]

    /// Full weight up to `par`, falling in a straight line to nothing at `zeroAt`.
    static func slidingScore(_ value: Double, par: Double, zeroAt: Double, weight: Int) -> Int {
        guard par > 0 else { return weight }
        if value <= par { return weight }
        if value >= zeroAt { return 0 }
        return Int((Double(weight) * (zeroAt - value) / (zeroAt - par)).rounded(.down))
    }

    static func outcomePoints(_ e: DrillExpectation, _ o: DrillObservation) -> [DrillScore.Point] {
        var points: [DrillScore.Point] = []
        func point(_ name: String, _ expected: String, _ observed: String) {
            points.append(DrillScore.Point(name: name, expected: expected, observed: observed, right: expected == observed))
        }
        let refund = o.refunds.last
        switch e.outcome {
        case .refund, .blindReturn:
            let kind = refund.map { $0.isBlind ? "blindReturn" : "refund" } ?? (o.voids.isEmpty ? "nothing" : "postVoid")
            point("outcome", e.outcome.rawValue, kind)
            if o.refunds.count > 1 { point("refunds recorded", "1", String(o.refunds.count)) }
        case .postVoid:
            point("outcome", "postVoid", o.voids.isEmpty ? (refund == nil ? "nothing" : "refund") : "postVoid")
        case .refusal:
            point("outcome", "refused: \(e.refusal ?? "?")",
                  refund != nil ? "refund recorded" : (o.refusals.contains(e.refusal ?? "") ? "refused: \(e.refusal ?? "?")" : "not refused"))
        }
        if let lines = e.lines {
            let got = (refund?.lines ?? []).map { "\($0.sku)×\($0.quantity)" }.sorted().joined(separator: ", ")
            point("lines", lines.map { "\($0.sku)×\($0.quantity)" }.sorted().joined(separator: ", "), got.isEmpty ? "none" : got)
        }
        if let amount = e.amount {
            let got = refund?.total ?? o.voids.last?.total
            point("amount", amount.plain, got?.plain ?? "none")
        }
        if let tender = e.tender {
            let kinds = Set((refund?.tenders ?? o.voids.last?.tenders ?? []).map(\.kind))
            point("tender", tender.rawValue, kinds.count == 1 ? kinds.first!.rawValue : kinds.map(\.rawValue).sorted().joined(separator: "+"))
        }
        if let category = e.reasonCategory {
            point("reason", category, refund?.reason.category ?? o.voids.last?.reason.category ?? "none")
        }
        if let supervisor = e.supervisor {
            let approved = refund?.approver != nil || o.voids.last?.approver != nil
            point("supervisor", supervisor ? "yes" : "no", approved ? "yes" : "no")
        }
        if let printed = e.slipPrinted {
            let reference = refund?.number ?? o.voids.last?.number
            point("slip printed", printed ? "yes" : "no", reference.map { o.printedSlips.contains($0) ? "yes" : "no" } ?? "no slip")
        }
        return points
    }
}
