import Foundation
import Synchronization
import TillCore

/// The clock the runtime reads: the system's. A set time exists only where it is allowed: drills
/// and demo history (their own journals), and `till exec --clock-override` in training or on a
/// test journal (`ClockOverride`). The journal refuses entries dated before earlier ones anyway.
final class TillClock: Sendable {
    private let fixed: Mutex<Timestamp?>

    init(fixed: Timestamp? = nil) { self.fixed = Mutex(fixed) }

    func set(_ time: Timestamp?) { fixed.withLock { $0 = time } }

    var now: Timestamp { fixed.withLock { $0 } ?? Self.systemNow }

    static var systemNow: Timestamp { Timestamp(seconds: Int64(Date().timeIntervalSince1970.rounded(.down))) }
}
