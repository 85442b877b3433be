import Foundation
import Logging
import PostgresNIO
import TillCore
import TillPorts

/// PostgreSQL as a second engine behind the till's store protocols (`RegisterStore &
/// DrillResultStore`), proving itself by passing the same `StoreContract` as SQLite's journal.
///
/// One store is one PostgreSQL schema (`till_store_…`): its tables (PostgresStoreSchema) are
/// made with it and dropped with it, and no table of the central replication is touched. Every
/// call is one transaction on the store's connection with `search_path` set to the schema.
/// Appends take the store's lock row first, so two appends (two connections, two processes) are
/// serialised, and the second decides on what the first committed: the money rules
/// (`AppendRules`, shared with SQLite) run on facts read under that lock.
///
/// Synchronous like every store (JournalStore.swift): each call waits for its answer, run on the
/// store's own thread (`StoreCallExecutor`), with the connection's deadlines.
public final class PostgresRegisterStore: Sendable {
    let connection: CentralConnection
    /// Where its calls run while the caller waits (`StoreCallExecutor`).
    let calls = StoreCallExecutor()
    /// The schema's name: generated here (letters, digits, underscores), never taken from input.
    public let schema: String
    let pins: PinHasher
    /// The key of the entries' HMAC chain (each entry's hash covers its payload and the hash before it).
    let chainKey: [UInt8]
    let clock: @Sendable () -> Timestamp
    private let dropsSchema: Bool

    /// A fresh, empty store in a new schema of the database `settings` names. `dropOnRelease`:
    /// the schema is dropped when the store is released (tests, benchmarks).
    public static func fresh(settings: CentralSettings, chainKey: [UInt8], pepper: [UInt8], pinHashRounds: Int = 210_000,
                             dropOnRelease: Bool = false,
                             clock: @escaping @Sendable () -> Timestamp = { Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }) throws -> PostgresRegisterStore {
        let schema = "till_store_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let store = PostgresRegisterStore(connection: CentralConnection(settings: settings), schema: schema,
                                          pins: PinHasher(rounds: pinHashRounds, pepper: pepper),
                                          chainKey: chainKey, clock: clock, dropsSchema: dropOnRelease)
        try store.calls.wait { [connection = store.connection] in
            try await connection.run { db, logger in
                try await db.withTransaction(logger: logger) { tx in
                    try await tx.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"), logger: logger)
                    try await tx.query(PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \(schema)"), logger: logger)
                    for statement in PostgresStoreSchema.statements {
                        try await tx.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                }
            }
        }
        return store
    }

    /// Another connection to an existing store (a second till, a second process).
    public func opened(settings: CentralSettings) -> PostgresRegisterStore {
        PostgresRegisterStore(connection: CentralConnection(settings: settings), schema: schema, pins: pins,
                              chainKey: chainKey, clock: clock, dropsSchema: false)
    }

    private init(connection: CentralConnection, schema: String, pins: PinHasher, chainKey: [UInt8],
                 clock: @escaping @Sendable () -> Timestamp, dropsSchema: Bool) {
        self.connection = connection
        self.schema = schema
        self.pins = pins
        self.chainKey = chainKey
        self.clock = clock
        self.dropsSchema = dropsSchema
    }

    deinit {
        let connection = connection, schema = schema, drop = dropsSchema
        // Best effort: a schema left behind dies with its database; the store's data is nobody else's.
        try? calls.wait {
            if drop {
                _ = try? await connection.run { db, logger in
                    try await db.query(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"), logger: logger)
                }
            }
            await connection.drop()
        }
    }

    /// Runs `body` in one transaction on the store's schema. A refusal (`AppendRefusal`,
    /// `PostgresStoreFailure`) is thrown as it is; the connection's own failures as `CentralFailure`.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
        let schema = schema
        let outcome: Result<T, any Error> = try calls.wait { [connection] in
            try await connection.run { db, logger -> Result<T, any Error> in
                try await db.withTransaction(logger: logger) { tx -> Result<T, any Error> in
                    try await tx.query(PostgresQuery(unsafeSQL: "SET LOCAL search_path TO \(schema)"), logger: logger)
                    do {
                        return .success(try await body(tx, logger))
                    } catch let refusal as AppendRefusal {
                        return .failure(refusal)
                    } catch let refusal as PostgresStoreFailure {
                        return .failure(refusal)
                    }
                }
            }
        }
        return try outcome.get()
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, what: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw PostgresStoreFailure.unreadable(what: what)
        }
    }

    static func currency(_ code: String) -> Currency {
        Currency.named(code) ?? Currency(code: code, minorDigits: 2, symbol: code + " ")
    }
}

extension PostgresRegisterStore: RegisterStore, DrillResultStore {}
