import Foundation
import Testing
import TillEscPos
@testable import TillDevices
import TillVirtualPrinter
import till

/// Device waits run on the monotonic clock, injected here as instants: the wall clock (`Date`)
/// is not an input at all, so setting the system date cannot move a deadline or a poll. Before,
/// `Date()` arithmetic made a date set back an hour stop the job's status polls for an hour,
/// and one set forward give up a wait at once.
@Suite struct MonotonicDeadlineTests {
    /// The monitor polls (DLE EOT 1…4) exactly when the injected monotonic time since the last
    /// poll reaches `timing.poll`, whatever the wall clock did in between.
    @Test func pollsFollowTheMonotonicClockOnly() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = StreamFuzzer(seed: seed)
        let profile = try Fixtures.profile()
        let wire = RecordingTransport(InProcessTransport(printer: VirtualPrinter(profile: profile)))
        try wire.open()
        let timing = DriverTiming()
        var monitor = JobMonitor(transport: wire, timing: timing, commands: profile.commands)
        var now = ContinuousClock.now
        var lastPoll: ContinuousClock.Instant?
        for step in 0..<200 {
            // Monotonic time only moves forward, by 0…2 poll intervals; the real clock hardly moves.
            now += .milliseconds(Int(rng.random() % UInt64(timing.poll * 2000)))
            let before = wire.writes.count
            try monitor.pollIfDue(now: now)
            try monitor.absorb(timeout: 0.001)  // the in-process printer answers at once
            let due = lastPoll.map { (now - $0) / .seconds(1) >= timing.poll } ?? true
            #expect((wire.writes.count > before) == due, "seed \(seed), step \(step)")
            if wire.writes.count > before { lastPoll = now }
        }
    }

    /// A deadline is where its monotonic start plus its length puts it, for any length and start.
    @Test func aDeadlineExpiresAfterItsLengthOnTheMonotonicClock() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = StreamFuzzer(seed: seed)
        for _ in 0..<500 {
            let start = ContinuousClock.now + .milliseconds(Int(rng.random() % 1_000_000))
            let length = Double(rng.random() % 100_000) / 1000
            let deadline = MonotonicDeadline(seconds: length, from: start)
            let early = start + .seconds(length) - .milliseconds(1)
            #expect(!deadline.hasPassed(now: early) || length < 0.001, "seed \(seed): \(length) s")
            #expect(deadline.hasPassed(now: start + .seconds(length)), "seed \(seed): \(length) s")
            #expect(abs(deadline.secondsLeft(now: start) - length) < 1e-6, "seed \(seed)")
        }
        // Lengths a caller's arithmetic can produce give up at once, never trap.
        for odd in [-1.0, -.infinity, .nan, .infinity] {
            #expect(MonotonicDeadline(seconds: odd, from: .now).hasPassed(now: .now))
        }
    }
}
