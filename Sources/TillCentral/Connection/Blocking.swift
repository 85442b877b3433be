import Foundation
import Synchronization

/// Waits for an async central call from synchronous code (the store protocols are synchronous:
/// see TillPorts' JournalStore.swift). Only ever called off the event loop — from the CLI's
/// commands, the contract tests and the outbox's own task — so the wait cannot deadlock the
/// loop that answers it.
public enum Blocking {
    public static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { let value = try await operation(); result.withLock { $0 = .success(value) } } catch { result.withLock { $0 = .failure(error) } }
            done.signal()
        }
        done.wait()
        guard let outcome = result.withLock({ $0 }) else { throw CentralFailure.refused("no answer") }
        return try outcome.get()
    }
}
