import Foundation

/// The `[central]` table, resolved: where the central journal is, how to sign in, how long to
/// wait. Built by the CLI from the configuration file; tests build it from `TILL_TEST_POSTGRES_URL`.
public struct CentralSettings: Sendable, Equatable {
    public static let connectTimeoutRange = 1...120
    public static let queryTimeoutRange = 1...600
    public static let pullIntervalRange = 5...86_400
    public static let defaultConnectTimeout = 5
    public static let defaultQueryTimeout = 15
    public static let defaultPullInterval = 300

    public var address: CentralAddress
    /// From `$TILL_CENTRAL_PASSWORD` or `[central] password_file`; nil for trust/peer authentication.
    public var password: String?
    public var connectTimeoutSeconds: Int
    public var queryTimeoutSeconds: Int
    /// How often a running till pulls the central catalog and users.
    public var pullIntervalSeconds: Int
    /// The shop this till belongs to: the first part of every central key (shop, till, sequence).
    public var shop: String
    /// The chain user key file (`[central] users_key_file`): signs and checks published users.
    public var usersKeyFile: String? = nil

    public init(address: CentralAddress, password: String? = nil, connectTimeoutSeconds: Int = defaultConnectTimeout,
                queryTimeoutSeconds: Int = defaultQueryTimeout, pullIntervalSeconds: Int = defaultPullInterval,
                shop: String = "01") {
        self.address = address
        self.password = password
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.queryTimeoutSeconds = queryTimeoutSeconds
        self.pullIntervalSeconds = pullIntervalSeconds
        self.shop = shop
    }

    /// The password: `$TILL_CENTRAL_PASSWORD` wins over the file; the file's first line, trimmed.
    /// A password file others may read is refused (as the journal key file is).
    public static func password(environment: [String: String], file: String?) throws -> String? {
        if let value = environment["TILL_CENTRAL_PASSWORD"], !value.isEmpty { return value }
        guard let file else { return nil }
        var info = stat()
        guard stat(file, &info) == 0, let data = FileManager.default.contents(atPath: file) else {
            throw CentralFailure(en: "Cannot read the central password file \(file): \(String(cString: strerror(errno))).",
                                 zh: "无法读取中央数据库密码文件 \(file)：\(String(cString: strerror(errno)))。",
                                 remedyEn: "Create it with the role's password on one line, mode 0600, or set $TILL_CENTRAL_PASSWORD.",
                                 remedyZh: "请创建该文件（一行，写入角色密码，权限 0600），或设置 $TILL_CENTRAL_PASSWORD。")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CentralFailure(en: "The central password file \(file) may be read by other users.",
                                 zh: "中央数据库密码文件 \(file) 可被其他用户读取。",
                                 remedyEn: "Run `chmod 600 \(file)`.", remedyZh: "请运行 `chmod 600 \(file)`。")
        }
        let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.trimmingCharacters(in: .whitespaces)
    }
}
