import Foundation
import Synchronization
import TillCore

/// Print outcomes arriving from the printer's thread, waiting for the runtime's thread to
/// record them and tell the core.
final class PrintInbox: Sendable {
    struct Finished {
        var reference: String
        /// Whether the slip is stored in the journal (X reports are not).
        var stored: Bool
        /// For reprints, the slip's state when the reprint started (nil for a first print).
        var before: PrintState?
        var outcome: PrintOutcome
    }

    /// Outcomes not yet taken, and jobs submitted whose outcome has not arrived.
    private let box = Mutex<(finished: [Finished], pending: Int)>(([], 0))

    func submitted() { box.withLock { $0.pending += 1 } }

    func post(_ item: Finished) {
        box.withLock {
            $0.pending -= 1
            $0.finished.append(item)
        }
    }

    func take() -> [Finished] {
        box.withLock { box in
            defer { box.finished.removeAll() }
            return box.finished
        }
    }

    var hasPending: Bool { box.withLock { $0.pending > 0 || !$0.finished.isEmpty } }
}
