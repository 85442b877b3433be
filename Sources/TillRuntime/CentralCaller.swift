import Dispatch
import Synchronization
import TillCore

/// Calls the central journal for the runtime, never longer than `timeout`: an answer that comes
/// later is dropped (the core has been told `.timedOut` already). The screen queues calls
/// (`queues`) and takes their answers every tick, as it does print outcomes; `till exec` and
/// tests wait for each answer in turn.
public final class CentralCaller: Sendable {
    public let journal: any CentralJournal
    public let timeout: Duration

    /// Answers not yet taken, by request id; requests asked and not yet answered.
    private let box = Mutex<(answers: [(Int64, CentralOutcome)], open: Set<Int64>)>(([], []))
    /// Work for the central journal after a local commit that did not get through yet
    /// (confirmations of reservations, reconciliations of unverified refunds), oldest first.
    private let backlog = Mutex<[FollowUp]>([])
    private let executor = CentralTaskExecutor()
    /// True while `sendBacklog` runs: one sender at a time keeps the backlog in order.
    private let sending = Mutex(false)

    enum FollowUp: Sendable {
        case confirm(RefundReservation)
        case reconcile(RefundReservation)
    }

    public init(journal: any CentralJournal, timeout: Duration) {
        self.journal = journal
        self.timeout = timeout
    }

    var timeoutMilliseconds: Int64 {
        let parts = timeout.components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }

    /// The core's question as an operation on the port.
    func operation(_ effect: RegisterEffect) -> (id: Int64, run: @Sendable () async -> CentralOutcome)? {
        let journal = journal
        switch effect {
        case .lookUpCentrally(let id, let key):
            return (id, {
                switch await journal.sale(key) {
                case .success(let sale): return .saleFound(sale)
                case .failure(let failure): return .failed(failure)
                }
            })
        case .reserveRefund(let id, let reservation):
            return (id, {
                switch await journal.reserve(reservation) {
                case .success: return .reserved
                case .failure(let failure): return .failed(failure)
                }
            })
        default:
            return nil
        }
    }

    /// Asks and waits, at most `timeout`.
    func ask(_ run: @escaping @Sendable () async -> CentralOutcome) -> CentralOutcome {
        let done = DispatchSemaphore(value: 0)
        let answer = Mutex<CentralOutcome?>(nil)
        Task(executorPreference: executor) {
            let outcome = await run()
            answer.withLock { $0 = outcome }
            done.signal()
        }
        let waited = done.wait(timeout: .now() + .milliseconds(Int(timeoutMilliseconds)))
        if waited == .timedOut { return .failed(.timedOut(milliseconds: timeoutMilliseconds)) }
        return answer.withLock { $0 } ?? .failed(.timedOut(milliseconds: timeoutMilliseconds))
    }

    /// Asks without waiting: the answer (or `.timedOut`, whichever is first) is kept for `take()`.
    func submit(_ id: Int64, _ run: @escaping @Sendable () async -> CentralOutcome) {
        box.withLock { _ = $0.open.insert(id) }
        let ms = timeoutMilliseconds, timeout = timeout
        Task(executorPreference: executor) { [self] in post(id, await run()) }
        Task(executorPreference: executor) { [self] in
            try? await Task.sleep(for: timeout)
            post(id, .failed(.timedOut(milliseconds: ms)))
        }
    }

    private func post(_ id: Int64, _ outcome: CentralOutcome) {
        box.withLock { box in
            // The first of the answer and the timeout wins; the other is dropped.
            guard box.open.remove(id) != nil else { return }
            box.answers.append((id, outcome))
        }
    }

    func take() -> [(Int64, CentralOutcome)] {
        box.withLock { box in
            defer { box.answers.removeAll() }
            return box.answers
        }
    }

    public var hasOpenRequests: Bool { box.withLock { !$0.open.isEmpty || !$0.answers.isEmpty } }

    /// Fire and forget: the till goes on whatever the central journal says.
    func release(_ reservation: RefundReservation) {
        let journal = journal
        Task { _ = await journal.release(reservation) }
    }

    /// After a refund is committed here: confirm its reservation, or reconcile it when it was
    /// given unverified. What does not get through stays in the backlog for `sendBacklog()`.
    func committed(_ reservation: RefundReservation, unverified: Bool) {
        backlog.withLock { $0.append(unverified ? .reconcile(reservation) : .confirm(reservation)) }
        Task(executorPreference: executor) { [self] in await sendBacklog() }
    }

    /// Sends what is waiting, in order, stopping at the first that does not get through.
    /// Returns the conflicts reconciliation found.
    @discardableResult
    public func sendBacklog() async -> [ReturnConflict] {
        guard sending.withLock({ busy in
            if busy { return false }
            busy = true
            return true
        }) else { return [] }
        defer { sending.withLock { $0 = false } }
        var found: [ReturnConflict] = []
        while let next = backlog.withLock({ $0.first }) {
            let sent: Bool
            switch next {
            case .confirm(let reservation):
                sent = if case .success = await journal.confirm(reservation) { true } else { false }
            case .reconcile(let reservation):
                switch await journal.reconcile(reservation) {
                case .success(let conflict):
                    if let conflict { found.append(conflict) }
                    sent = true
                case .failure: sent = false
                }
            }
            guard sent else { break }
            backlog.withLock { if !$0.isEmpty { $0.removeFirst() } }
        }
        return found
    }

    public var backlogCount: Int { backlog.withLock { $0.count } }
}
