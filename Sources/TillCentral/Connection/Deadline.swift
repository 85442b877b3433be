/// Runs an operation with a deadline: whichever comes first, its answer or `onTimeout()`'s
/// failure. The operation is cancelled when the deadline wins (postgres-nio then closes the query).
enum Deadline {
    static func within<T: Sendable>(seconds: Int, onTimeout: @escaping @Sendable () -> Error,
                                    _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                throw onTimeout()
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw onTimeout() }
            return first
        }
    }
}
