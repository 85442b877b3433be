/// Unverified refunds whose sale the central journal still has not received after
/// `RefundWait.noticeAfterTries` tries: the till that made the sale has not sent it (stopped,
/// cut off, or it never made it). Told to a supervisor, as refund conflicts are: what waits
/// (the oldest such refund) and why, so someone looks at that till before the trail goes cold.
public struct AwaitingSaleNotice: Hashable, Sendable, Codable {
    /// How many of this till's unverified refunds wait past the bound.
    public var count: Int
    /// The oldest of them.
    public var refund: RefundReservation
    /// How often the central journal was asked for its sale and did not have it.
    public var tries: Int

    public init(count: Int, refund: RefundReservation, tries: Int) {
        self.count = count
        self.refund = refund
        self.tries = tries
    }
}

/// How an unverified refund whose sale has not arrived is retried: never ahead of the work
/// queued behind it, each miss doubling the wait (in rounds of the central caller's retry, up
/// to `maximumSkippedRounds`), and a supervisor told after `noticeAfterTries` misses.
public enum RefundWait {
    public static let noticeAfterTries = 5
    public static let maximumSkippedRounds = 63

    /// Rounds to let pass before the next try, after `misses` tries found no sale (1, 3, 7 … 63).
    public static func skippedRounds(afterMisses misses: Int) -> Int {
        misses >= 6 ? maximumSkippedRounds : (1 << max(misses, 0)) - 1
    }
}

extension RegisterState {
    /// Told only to someone who may approve, as refund conflicts are.
    mutating func awaitingSaleLoaded(_ notice: AwaitingSaleNotice, _ step: inout Step) {
        guard notice.count > 0, let user, config.policy.permissions.allows(user.role, .approve) else { return }
        step.emit(.refundsAwaitingSale(notice))
    }
}
