import TillCore

/// One scored drill attempt, as kept per trainee.
public struct DrillAttempt: Hashable, Sendable, Codable {
    public var trainee: String
    public var drill: String
    public var startedAt: Timestamp
    public var seconds: Double
    public var keystrokes: Int
    public var wrongAttempts: Int
    public var refusals: [String]
    public var score: Int
    public var breakdown: [String]

    public init(trainee: String, drill: String, startedAt: Timestamp, seconds: Double, keystrokes: Int,
                wrongAttempts: Int, refusals: [String], score: Int, breakdown: [String]) {
        self.trainee = trainee
        self.drill = drill
        self.startedAt = startedAt
        self.seconds = seconds
        self.keystrokes = keystrokes
        self.wrongAttempts = wrongAttempts
        self.refusals = refusals
        self.score = score
        self.breakdown = breakdown
    }
}
