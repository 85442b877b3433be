import Foundation
import Synchronization

/// Waits for an async central call from synchronous code (the store protocols are synchronous:
/// see TillPorts' JournalStore.swift). Only ever called off the event loop — from the CLI's
/// commands and tests — so the wait cannot deadlock the loop that answers it.
public enum Blocking {
    /// Where the detached task leaves its answer for the waiting thread.
    private final class Answer<T: Sendable>: Sendable {
        let result = Mutex<Result<T, Error>?>(nil)
    }

    public static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let answer = Answer<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let outcome: Result<T, Error>
            do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
            answer.result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        guard let outcome = answer.result.withLock({ $0 }) else { throw CentralFailure.refused("no answer") }
        return try outcome.get()
    }
}
