import Foundation
import TillCentral
import TillCore

/// The PostgreSQL engine under the store contract: a fresh schema per store on the test cluster
/// (`Scripts/central-db`, whose URL `Scripts/test` exports as TILL_TEST_POSTGRES_URL), dropped
/// when the store is released. Without the URL the engine is left out when run by hand, and is
/// a failing line when `$CI` is set: the contract never passes on PostgreSQL by not running.
enum PostgresEngine {
    /// The test cluster, or why there is none.
    static var settings: (settings: CentralSettings?, why: String) {
        guard let url = ProcessInfo.processInfo.environment["TILL_TEST_POSTGRES_URL"] else {
            return (nil, "TILL_TEST_POSTGRES_URL is not set: run the tests through Scripts/test (it starts Scripts/central-db)")
        }
        do { return (CentralSettings(address: try CentralAddress(parsing: url), queryTimeoutSeconds: 60), "") } catch {
            return (nil, "TILL_TEST_POSTGRES_URL is not a usable address: \(error)")
        }
    }

    /// A fresh, empty store with random keys, its PINs hashed with one round (fast tests).
    static func fresh(_ settings: CentralSettings, clock: @escaping @Sendable () -> Timestamp) throws -> PostgresRegisterStore {
        func random() -> [UInt8] { (0..<32).map { _ in UInt8.random(in: .min ... .max) } }
        return try PostgresRegisterStore.fresh(settings: settings, chainKey: random(), pepper: random(), pinHashRounds: 1,
                                               dropOnRelease: true, clock: clock)
    }

    /// The contract's line(s) for PostgreSQL: none, or a failing one under CI, without a cluster.
    static var engines: [StoreEngine] {
        let (settings, why) = settings
        if let settings { return [StoreEngine("PostgreSQL", cases: 12) { clock in try fresh(settings, clock: clock) }] }
        return ProcessInfo.processInfo.environment["CI"] != nil ? [StoreEngine(unavailable: "PostgreSQL", why)] : []
    }
}

/// Runs blocking store calls on a thread of their own while the test awaits them: a test that
/// blocked a cooperative-pool thread (there are as many as cores, two here) could leave none for
/// the connection's deadline tasks when another test blocks the other.
enum OwnThread {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
