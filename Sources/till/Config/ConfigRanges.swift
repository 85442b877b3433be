import TillCore

/// The documented range of every whole-number configuration key (README, "Configuration";
/// `till config defaults`). A value outside is a configuration error naming the key and its
/// range; amounts are bounded by `ValueLimits`.
enum ConfigRanges {
    static let windowDays = 0...Int(ValueLimits.maximumDays)
    static let maxPinAttempts = 1...100
    static let lockoutSeconds = 0...Int(ValueLimits.maximumSeconds)
    /// At least 1,000 rounds (tests use that), at most ten million (seconds per sign-in).
    static let pinHashRounds = 1_000...10_000_000
    static let printerColumns = 16...160
    /// A look-up at the central journal: long enough for a WAN round trip, short enough that a
    /// clerk is told about a dead link before the customer wonders.
    static let centralLookupTimeoutMs = 50...30_000
    static let defaultCentralLookupTimeoutMs = 2_000
    /// 1000.00 at two decimals: the largest cash rounding step.
    static let maximumRoundingIncrementMinor: Int64 = 100_000
}
