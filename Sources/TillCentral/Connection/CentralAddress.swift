import Foundation

/// Where the central PostgreSQL journal is: `postgres://USER@HOST:PORT/DATABASE`, or a unix
/// socket folder given libpq's way, `postgres://USER@/DATABASE?host=/run/postgresql`.
/// A password in the URL is refused: the configuration file is no place for a credential
/// (it comes from `$TILL_CENTRAL_PASSWORD` or `[central] password_file`).
public struct CentralAddress: Equatable, Sendable, CustomStringConvertible {
    public enum Endpoint: Equatable, Sendable {
        case tcp(host: String, port: Int)
        /// The folder holding PostgreSQL's `.s.PGSQL.PORT` socket.
        case socket(folder: String, port: Int)
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    /// `?sslmode=require`: TLS to the server (certificate checked against the system's roots).
    public var requireTLS: Bool

    /// The socket file PostgreSQL listens on, for a socket endpoint.
    public var socketPath: String? {
        if case .socket(let folder, let port) = endpoint { return folder + "/.s.PGSQL.\(port)" }
        return nil
    }

    /// Names the server without the password (there is none in it).
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): return "postgres://\(user)@\(host):\(port)/\(database)"
        case .socket(let folder, let port): return "postgres://\(user)@/\(database)?host=\(folder)&port=\(port)"
        }
    }

    public init(endpoint: Endpoint, user: String, database: String, requireTLS: Bool = false) {
        self.endpoint = endpoint
        self.user = user
        self.database = database
        self.requireTLS = requireTLS
    }

    /// Parses `text`; throws `CentralFailure` naming what is wrong.
    public init(parsing text: String) throws {
        guard let parts = URLComponents(string: text), let scheme = parts.scheme,
              CentralURLSyntax.schemes.contains(scheme + "://"), text.hasPrefix(scheme + "://") else {
            let cause = CentralURLSyntax.cause(of: text)
                ?? ("it is not a URL of the form postgres://USER@HOST:PORT/DATABASE", "不是 postgres://用户@主机:端口/数据库 形式的地址")
            throw CentralFailure.badURL(text, cause.en, cause.zh)
        }
        if parts.password != nil {
            throw CentralFailure.badURL(text, "it holds a password", "其中含有密码")
        }
        guard let user = parts.user, !user.isEmpty else {
            throw CentralFailure.badURL(text, "it names no user (postgres://USER@…)", "没有指定用户（postgres://用户@…）")
        }
        let database = String(parts.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw CentralFailure.badURL(text, "it names no database (…/DATABASE)", "没有指定数据库（…/数据库）")
        }
        var socketFolder: String?
        var port = parts.port ?? 5432
        var tls = false
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "host": socketFolder = item.value
            case "port":
                guard let value = item.value.flatMap(Int.init) else {
                    throw CentralFailure.badURL(text, "port is not a number", "端口不是数字")
                }
                port = value
            case "sslmode":
                switch item.value {
                case "disable": tls = false
                case "require": tls = true
                default: throw CentralFailure.badURL(text, "sslmode must be disable or require", "sslmode 只能是 disable 或 require")
                }
            default:
                throw CentralFailure.badURL(text, "unknown parameter \(item.name) (known: host, port, sslmode)",
                                            "未知参数 \(item.name)（可用：host、port、sslmode）")
            }
        }
        guard (1...65_535).contains(port) else {
            throw CentralFailure.badURL(text, "port \(port) is not from 1 to 65535", "端口 \(port) 不在 1 到 65535 之间")
        }
        if let folder = socketFolder {
            guard folder.hasPrefix("/") else {
                throw CentralFailure.badURL(text, "host= must be an absolute socket folder", "host= 必须是套接字目录的绝对路径")
            }
            endpoint = .socket(folder: folder, port: port)
        } else {
            guard let host = parts.host, !host.isEmpty else {
                throw CentralFailure.badURL(text, "it names no host", "没有指定主机")
            }
            endpoint = .tcp(host: host, port: port)
        }
        self.user = user
        self.database = database
        requireTLS = tls
    }
}
