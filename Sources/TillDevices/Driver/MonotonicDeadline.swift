/// A moment a device wait gives up, on the monotonic clock (`ContinuousClock`): setting the
/// system date, an NTP step or a daylight-saving change neither shortens nor extends it, as
/// `Date()` arithmetic would. `now` is injectable so tests can move time without waiting.
struct MonotonicDeadline {
    let instant: ContinuousClock.Instant

    init(seconds: Double, from now: ContinuousClock.Instant = .now) {
        // A negative or non-finite wait (a caller's arithmetic) gives up at once, never traps.
        instant = now + .seconds(seconds.isFinite ? max(0, min(seconds, 86_400)) : 0)
    }

    /// Seconds still to wait, ≤ 0 once passed.
    func secondsLeft(now: ContinuousClock.Instant = .now) -> Double { (instant - now) / .seconds(1) }

    func hasPassed(now: ContinuousClock.Instant = .now) -> Bool { now >= instant }
}
