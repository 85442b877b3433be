import TillCentral
import TillCore

extension TillConfiguration {
    /// `[central]`: the shared PostgreSQL journal, one table for replication and cross-till
    /// refunds. No credential is ever in the file. The shop is `[shop] code` (one concept: the
    /// receipt code's shop is the central key's shop).
    struct Central: Codable {
        var url: String?
        var password_file: String?
        var connect_timeout_seconds: Int?
        var query_timeout_seconds: Int?
        var pull_interval_seconds: Int?
        /// The chain user key shared by the back office and every till (README "A central journal").
        var users_key_file: String?
        /// How long a look-up or refund check may take before the till says so (`ConfigRanges.centralLookupTimeoutMs`).
        var lookup_timeout_ms: Int?
        /// Refunds the central journal cannot check may be given with a supervisor, marked unverified.
        var offline_refunds: Bool?
        var offline_refund_limit: String?
        var offline_shift_limit: String?

        /// The keys given in the file, by name: each means something only with a `url`.
        var keysGiven: [String] {
            let given: [(String, Bool)] = [
                ("password_file", password_file != nil), ("connect_timeout_seconds", connect_timeout_seconds != nil),
                ("query_timeout_seconds", query_timeout_seconds != nil), ("pull_interval_seconds", pull_interval_seconds != nil),
                ("users_key_file", users_key_file != nil), ("lookup_timeout_ms", lookup_timeout_ms != nil),
                ("offline_refunds", offline_refunds != nil), ("offline_refund_limit", offline_refund_limit != nil),
                ("offline_shift_limit", offline_shift_limit != nil),
            ]
            return given.filter(\.1).map(\.0)
        }
    }
}

extension ResolvedConfiguration {
    /// The `[central]` table checked against its documented ranges; nil without a url.
    static func central(_ table: TillConfiguration.Central?, shop: ShopCode,
                        environment: [String: String]) throws -> CentralSettings? {
        guard let table else { return nil }
        guard let url = table.url else {
            // A till whose file sets, say, offline_refunds but no url would run unconnected while
            // its keeper believes it is part of the chain: say so instead of ignoring them.
            if let key = table.keysGiven.first { throw CLIError.centralKeyWithoutURL("central.\(key)") }
            return nil
        }
        func number(_ key: String, _ value: Int?, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let value else { return fallback }
            guard range.contains(value) else {
                throw CLIError.badSetting("central.\(key)", value: String(value),
                                          expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        do {
            var settings = CentralSettings(
                address: try CentralAddress(parsing: url),
                password: try CentralSettings.password(environment: environment, file: table.password_file),
                connectTimeoutSeconds: try number("connect_timeout_seconds", table.connect_timeout_seconds,
                                                  CentralSettings.defaultConnectTimeout, CentralSettings.connectTimeoutRange),
                queryTimeoutSeconds: try number("query_timeout_seconds", table.query_timeout_seconds,
                                                CentralSettings.defaultQueryTimeout, CentralSettings.queryTimeoutRange),
                pullIntervalSeconds: try number("pull_interval_seconds", table.pull_interval_seconds,
                                                CentralSettings.defaultPullInterval, CentralSettings.pullIntervalRange),
                shop: shop.description)
            settings.usersKeyFile = table.users_key_file
            return settings
        } catch let failure as CentralFailure {
            throw CLIError(code: failure.code, message: failure.message, remedy: failure.remedy)
        }
    }
}
