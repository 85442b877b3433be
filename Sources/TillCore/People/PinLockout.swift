/// Wrong-PIN lockout: after `maxAttempts` consecutive wrong PINs the user is locked for
/// `lockSeconds`. Pure rules; the journal stores the counters.
public struct PinLockoutPolicy: Hashable, Sendable, Codable {
    public var maxAttempts: Int
    public var lockSeconds: Int64
    /// The shop's time zone: a lock-out's end is told in it ("until 14:05 UTC+08:00").
    public var utcOffsetSeconds: Int64

    public init(maxAttempts: Int = 5, lockSeconds: Int64 = 300, utcOffsetSeconds: Int64 = 0) {
        self.maxAttempts = maxAttempts
        self.lockSeconds = lockSeconds
        self.utcOffsetSeconds = utcOffsetSeconds
    }
}

/// A user's sign-in counters as stored.
public struct PinAttempts: Hashable, Sendable, Codable {
    public var consecutiveFailures: Int
    public var lockedUntil: Timestamp?

    public init(consecutiveFailures: Int = 0, lockedUntil: Timestamp? = nil) {
        self.consecutiveFailures = consecutiveFailures
        self.lockedUntil = lockedUntil
    }

    /// The refusal to give before even checking the PIN, if the user is locked now.
    public func lockRefusal(now: Timestamp, utcOffsetSeconds: Int64 = 0) -> Refusal? {
        guard let until = lockedUntil, now < until else { return nil }
        return .lockedOut(until: until, secondsLeft: until.seconds - now.seconds, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Counters after a wrong PIN, and the refusal to show.
    public func afterFailure(now: Timestamp, policy: PinLockoutPolicy) -> (PinAttempts, Refusal) {
        let failures = (lockedUntil.map { now >= $0 } ?? false) ? 1 : consecutiveFailures + 1
        if failures >= policy.maxAttempts {
            let until = Timestamp(seconds: now.seconds + policy.lockSeconds)
            return (PinAttempts(consecutiveFailures: failures, lockedUntil: until),
                    .lockedOut(until: until, secondsLeft: policy.lockSeconds, utcOffsetSeconds: policy.utcOffsetSeconds))
        }
        return (PinAttempts(consecutiveFailures: failures, lockedUntil: nil),
                .wrongPIN(attemptsLeft: policy.maxAttempts - failures))
    }

    public static let cleared = PinAttempts()
}
