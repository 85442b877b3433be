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
    private let backlog = Mutex<[Waiting]>([])
    private let executor = CentralTaskExecutor()
    /// True while `sendBacklog` runs: one sender at a time keeps the backlog in order.
    private let sending = Mutex(false)
    /// True while a retry loop runs (at most one): it sends the backlog until it is empty.
    private let retrying = Mutex(false)
    /// Unverified refunds the central journal reconciled, with its verdict, not yet taken by the
    /// runtime (which records each in the till's journal through the core).
    private let verdicts = Mutex<[(RefundRecord, ReturnConflict?)]>([])
    /// Answers to `lookUpConflicts`, not yet taken.
    private let notices = Mutex<[ConflictNotice?]>([])
    /// Unverified refunds waiting past the bound for their sale, told and not yet taken.
    private let awaiting = Mutex<[AwaitingSaleNotice]>([])
    /// How long the backlog waits before it is tried again after a failure (the link returning).
    public var retryInterval: Duration { .seconds(1) }

    enum FollowUp: Sendable {
        case confirm(RefundReservation)
        case reconcile(RefundReservation)

        var key: String {
            switch self {
            case .confirm(let r), .reconcile(let r): return r.key
            }
        }
    }

    /// A follow-up in the backlog, with how often its sale was missing and how many rounds it
    /// still sits out (`RefundWait`): a refund whose sale has not arrived never holds up the rest.
    struct Waiting: Sendable {
        var followUp: FollowUp
        var misses = 0
        var skip = 0
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
        add([unverified ? .reconcile(reservation) : .confirm(reservation)])
        keepSending()
    }

    /// Unverified refunds the till's journal holds without a verdict (a till restarted, or one
    /// that was cut off when it stopped): reconciled in the background, oldest first.
    func resume(_ pending: [RefundReservation]) {
        guard !pending.isEmpty else { return }
        add(pending.map { .reconcile($0) })
        keepSending()
    }

    /// Queues follow-ups at the end of the backlog (one per refund key), without sending.
    func add(_ followUps: [FollowUp]) {
        backlog.withLock { backlog in
            for followUp in followUps where !backlog.contains(where: { $0.followUp.key == followUp.key }) {
                backlog.append(Waiting(followUp: followUp))
            }
        }
    }

    /// Sends the backlog now and, while something does not get through, again every
    /// `retryInterval`: the link returning is noticed without anyone asking.
    private func keepSending() {
        guard retrying.withLock({ busy in
            if busy { return false }
            busy = true
            return true
        }) else {
            Task(executorPreference: executor) { [self] in await sendBacklog() }
            return
        }
        let pause = retryInterval
        Task(executorPreference: executor) { [self] in
            while true {
                await sendBacklog()
                let done = backlog.withLock { backlog in
                    if backlog.isEmpty { retrying.withLock { $0 = false } }
                    return backlog.isEmpty
                }
                if done { return }
                try? await Task.sleep(for: pause)
            }
        }
    }

    /// Asks for the unreviewed conflicts in the background; the notice waits for `takeConflictNotices()`.
    func lookUpConflicts() {
        let journal = journal
        Task(executorPreference: executor) { [self] in
            guard case .success(let reports) = await journal.conflicts() else { return }
            let open = reports.filter { !$0.isReviewed }
            let notice = open.first.map { ConflictNotice(count: open.count, refund: $0.refund, earlier: $0.conflict) }
            notices.withLock { $0.append(notice) }
        }
        // A supervisor signing in hears of refunds still waiting for their sale too.
        if let notice = awaitingNotice() { awaiting.withLock { $0.append(notice) } }
    }

    /// The unverified refunds waiting past the bound for their sale (nil: none).
    func awaitingNotice() -> AwaitingSaleNotice? {
        backlog.withLock { backlog in
            let late = backlog.filter { $0.misses >= RefundWait.noticeAfterTries }
            guard let oldest = late.first, case .reconcile(let reservation) = oldest.followUp else { return nil }
            return AwaitingSaleNotice(count: late.count, refund: reservation, tries: oldest.misses)
        }
    }

    /// Notices of refunds waiting for their sale since the last call.
    func takeAwaitingNotices() -> [AwaitingSaleNotice] {
        awaiting.withLock { awaiting in
            defer { awaiting.removeAll() }
            return awaiting
        }
    }

    func takeConflictNotices() -> [ConflictNotice?] {
        notices.withLock { notices in
            defer { notices.removeAll() }
            return notices
        }
    }

    /// The verdicts reconciliation reached since the last call, oldest first.
    func takeVerdicts() -> [(RefundRecord, ReturnConflict?)] {
        verdicts.withLock { verdicts in
            defer { verdicts.removeAll() }
            return verdicts
        }
    }

    /// One round: sends what is waiting, in order, stopping at the first that does not get
    /// through because the link is down (what follows would fail alike, and order is kept). An
    /// unverified refund whose sale the central journal has not received is not a link down:
    /// it stays, sits out more rounds after each miss, and the rest behind it are sent; once
    /// it has missed `RefundWait.noticeAfterTries` times a supervisor is told.
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
        var index = 0
        while let next = backlog.withLock({ index < $0.count ? $0[index] : nil }) {
            if next.skip > 0 {
                update(next.followUp.key) { $0.skip -= 1 }
                index += 1
                continue
            }
            switch next.followUp {
            case .confirm(let reservation):
                guard case .success = await journal.confirm(reservation) else { return found }
            case .reconcile(let reservation):
                switch await journal.reconcile(reservation) {
                case .success(let conflict):
                    if let conflict { found.append(conflict) }
                    verdicts.withLock { $0.append((reservation.refund, conflict)) }
                case .failure(.notFound):
                    let misses = next.misses + 1
                    update(next.followUp.key) {
                        $0.misses = misses
                        $0.skip = RefundWait.skippedRounds(afterMisses: misses)
                    }
                    if misses == RefundWait.noticeAfterTries, let notice = awaitingNotice() { awaiting.withLock { $0.append(notice) } }
                    index += 1
                    continue
                case .failure:
                    return found
                }
            }
            backlog.withLock { backlog in backlog.removeAll { $0.followUp.key == next.followUp.key } }
        }
        return found
    }

    private func update(_ key: String, _ change: (inout Waiting) -> Void) {
        backlog.withLock { backlog in
            guard let at = backlog.firstIndex(where: { $0.followUp.key == key }) else { return }
            change(&backlog[at])
        }
    }

    public var backlogCount: Int { backlog.withLock { $0.count } }
}
