import Synchronization

/// Runs an operation with a deadline: whichever comes first, its answer or `onTimeout()`'s
/// failure. The caller is answered at the deadline even if the operation ignores its
/// cancellation (postgres-nio's start-up handshake does, on a link that stalls): the late
/// answer, if it ever comes, goes to `discard` (a connection that opened too late is closed).
///
/// `onTimeout` runs only when the deadline wins, and the timer ends with the operation: its side
/// effect (the connection's close that ends a stuck query) must never fall on a call that was
/// answered, or on the next call on the same connection (it did: every call closed its
/// connection `seconds` later, so a till re-opened it for nearly every look-up).
enum Deadline {
    private final class Once<T: Sendable>: Sendable {
        let continuation: Mutex<CheckedContinuation<T, Error>?>
        /// The operation's task, cancelled when the deadline wins.
        let work = Mutex<Task<Void, Never>?>(nil)
        init(_ continuation: CheckedContinuation<T, Error>) { self.continuation = Mutex(continuation) }
        /// Resumes the caller with `result()` unless it was resumed already (then `result` is
        /// not evaluated); says whether this call did.
        func resume(_ result: () -> Result<T, Error>) -> Bool {
            guard let continuation = continuation.withLock({ value in defer { value = nil }; return value }) else { return false }
            continuation.resume(with: result())
            return true
        }
    }

    static func within<T: Sendable>(seconds: Int, onTimeout: @escaping @Sendable () -> Error,
                                    discard: @escaping @Sendable (T) -> Void = { _ in },
                                    _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let once = Once(continuation)
            let timer = Task {
                try? await Task.sleep(for: .seconds(seconds))
                guard !Task.isCancelled else { return }
                if once.resume({ .failure(onTimeout()) }) { once.work.withLock { $0 }?.cancel() }
            }
            let work = Task {
                do {
                    let value = try await operation()
                    if !once.resume({ .success(value) }) { discard(value) }
                } catch {
                    _ = once.resume({ .failure(error) })
                }
                timer.cancel()
            }
            once.work.withLock { $0 = work }
        }
    }
}
