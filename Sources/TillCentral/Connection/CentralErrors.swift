import NIOCore
import PostgresNIO

/// Turns what postgres-nio throws into a `CentralFailure` with cause and remedy. postgres-nio's
/// own description is deliberately generic (it may hold query text), so the server's message
/// and the error code are read out here.
enum CentralErrors {
    struct Described {
        var failure: CentralFailure
        /// The connection is gone: the next call must open a new one.
        var isConnectionLost: Bool
    }

    static func describe(_ error: Error, at place: String) -> Described {
        if let failure = error as? CentralFailure { return Described(failure: failure, isConnectionLost: false) }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                let state = psql.serverInfo?[.sqlState] ?? ""
                // Class 08 (connection), 57P (operator intervention: server shutting down), 28 (authentication).
                let lost = state.hasPrefix("08") || state.hasPrefix("57P")
                if state.hasPrefix("28") || state.hasPrefix("3D") {
                    return Described(failure: .unreachable(place, "\(message) (\(state))"), isConnectionLost: true)
                }
                return Described(failure: lost ? .unreachable(place, message) : .refused("\(message) (\(state))"),
                                 isConnectionLost: lost)
            }
            var cause = "\(psql.code)"
            if let underlying = psql.underlying { cause += ": \(underlying)" }
            return Described(failure: .unreachable(place, cause), isConnectionLost: true)
        }
        if error is CancellationError { return Described(failure: .unreachable(place, "the request was cancelled"), isConnectionLost: true) }
        return Described(failure: .unreachable(place, "\(error)"), isConnectionLost: true)
    }
}
