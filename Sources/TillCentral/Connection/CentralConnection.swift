import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import TillCore

/// One connection to the central journal, opened on first use and again after it broke.
/// Every call has the configured deadline (connect, then each query): a stalled network or a
/// stopped server gives a `CentralFailure` that names it within that time, never a hang.
/// An actor: the outbox, `till central sync` and the catalog pull may share one.
public actor CentralConnection {
    public nonisolated let settings: CentralSettings
    private var connection: PostgresConnection?
    private var nextID = 1
    private let logger: Logger

    public init(settings: CentralSettings) {
        self.settings = settings
        var logger = Logger(label: "till.central")
        logger.logLevel = .critical
        self.logger = logger
    }

    /// Runs `body` on an open connection within the query deadline; a broken connection is
    /// dropped so the next call reconnects.
    public func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T {
        let open = try await opened()
        let logger = logger
        do {
            let settings = settings
            return try await Deadline.within(seconds: settings.queryTimeoutSeconds, onTimeout: {
                // Closing the connection ends the stuck query, so the deadline is kept even if
                // the query does not notice its cancellation.
                let closing: EventLoopFuture<Void> = open.close()
                _ = closing
                return CentralFailure.timedOut(settings.address.description, seconds: settings.queryTimeoutSeconds)
            }) {
                try await body(open, logger)
            }
        } catch let problem as any Problem where !(problem is CentralFailure) {
            // A problem the body named itself (figures that do not add up, a clash it found) is
            // the answer, not a lost link: passed on as it is, the connection kept.
            throw problem
        } catch {
            let failure = CentralErrors.describe(error, at: settings.address.description)
            if failure.isConnectionLost || failure.failure.message.en.contains("did not answer") { await drop() }
            throw failure.failure
        }
    }

    /// A connection still open when its owner goes (a till exiting) is closed, not just dropped:
    /// postgres-nio requires it (a debug build traps on an unclosed one), and the close's
    /// callback keeps it until the channel is shut. (The calls' deadline timers used to close
    /// it, late; since they end with their call, nothing else would.)
    deinit {
        guard let open = connection, !open.isClosed else { return }
        let closing: EventLoopFuture<Void> = open.close()
        closing.whenComplete { _ in _ = open }
    }

    /// Closes the connection (a new one is opened by the next `run`).
    public func drop() async {
        let old = connection
        connection = nil
        try? await old?.close()
    }

    private func opened() async throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        let settings = settings
        var configuration: PostgresConnection.Configuration
        switch settings.address.endpoint {
        case .socket:
            configuration = .init(unixSocketPath: settings.address.socketPath ?? "", username: settings.address.user,
                                  password: settings.password, database: settings.address.database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            if settings.address.requireTLS {
                do { tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration())) } catch {
                    throw CentralFailure.unreachable(settings.address.description, "TLS cannot be set up (\(error))")
                }
            } else {
                tls = .disable
            }
            configuration = .init(host: host, port: port, username: settings.address.user, password: settings.password,
                                  database: settings.address.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Int64(settings.connectTimeoutSeconds))
        let ready = configuration
        let id = nextID
        nextID += 1
        let logger = logger
        do {
            let made = try await Deadline.within(seconds: settings.connectTimeoutSeconds + 1,
                                                 onTimeout: { CentralFailure.timedOut(settings.address.description, seconds: settings.connectTimeoutSeconds) },
                                                 discard: { late in let closing: EventLoopFuture<Void> = late.close(); _ = closing }) {
                try await PostgresConnection.connect(configuration: ready, id: id, logger: logger)
            }
            connection = made
            return made
        } catch {
            throw CentralErrors.describe(error, at: settings.address.description).failure
        }
    }
}
