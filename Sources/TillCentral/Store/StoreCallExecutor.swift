import Dispatch
import Foundation
import Synchronization

/// Runs a store's PostgreSQL calls on a thread of its own and waits for them. The store
/// protocols are synchronous, and their callers (the runtime, tests run on the cooperative pool)
/// block their own thread while they wait; if the call needed the cooperative pool, a pool
/// whose every thread waits so would never run it. With this executor preference the call, and
/// every continuation after an await in it, runs on this store's queue, never the pool's.
final class StoreCallExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "till.pg-store-calls")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    /// Where the call leaves its answer for the waiting thread.
    private final class Answer<T: Sendable>: Sendable {
        let result = Mutex<Result<T, any Error>?>(nil)
    }

    /// Runs `operation` on this executor and blocks the calling thread until it ends.
    func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let answer = Answer<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: self) {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
            answer.result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        guard let outcome = answer.result.withLock({ $0 }) else { throw PostgresStoreFailure.unreadable(what: "no answer") }
        return try outcome.get()
    }
}
