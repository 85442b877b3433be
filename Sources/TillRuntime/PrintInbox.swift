import Foundation
import TillCore

/// Print outcomes arriving from the printer's thread, waiting for the runtime's thread to
/// record them and tell the core.
final class PrintInbox: @unchecked Sendable {  // all state behind `lock`
    struct Finished {
        var reference: String
        /// Whether the slip is stored in the journal (X reports are not).
        var stored: Bool
        /// For reprints, the slip's state when the reprint started (nil for a first print).
        var before: PrintState?
        var outcome: PrintOutcome
    }

    private let lock = NSLock()
    private var finished: [Finished] = []
    private var pending = 0

    func submitted() { lock.withLock { pending += 1 } }

    func post(_ item: Finished) {
        lock.withLock {
            pending -= 1
            finished.append(item)
        }
    }

    func take() -> [Finished] {
        lock.withLock {
            defer { finished.removeAll() }
            return finished
        }
    }

    var hasPending: Bool { lock.withLock { pending > 0 || !finished.isEmpty } }
}
