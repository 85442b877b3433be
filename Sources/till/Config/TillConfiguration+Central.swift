import TillCentral
import TillCore

extension TillConfiguration {
    /// `[central]`: the shared PostgreSQL journal. No credential is ever in the file.
    struct Central: Codable {
        var url: String?
        var password_file: String?
        var shop: String?
        var connect_timeout_seconds: Int?
        var query_timeout_seconds: Int?
        var pull_interval_seconds: Int?
    }
}

extension ResolvedConfiguration {
    /// The `[central]` table checked against its documented ranges; nil without a url.
    static func central(_ table: TillConfiguration.Central?, environment: [String: String]) throws -> CentralSettings? {
        guard let table, let url = table.url else { return nil }
        func number(_ key: String, _ value: Int?, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let value else { return fallback }
            guard range.contains(value) else {
                throw CLIError.badSetting("central.\(key)", value: String(value),
                                          expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        let shop = table.shop ?? "01"
        guard shop.count == 2, shop.allSatisfy(\.isASCIIDigit) else {
            throw CLIError.badSetting("central.shop", value: shop, expected: "two digits, e.g. \"01\"")
        }
        do {
            return CentralSettings(
                address: try CentralAddress(parsing: url),
                password: try CentralSettings.password(environment: environment, file: table.password_file),
                connectTimeoutSeconds: try number("connect_timeout_seconds", table.connect_timeout_seconds,
                                                  CentralSettings.defaultConnectTimeout, CentralSettings.connectTimeoutRange),
                queryTimeoutSeconds: try number("query_timeout_seconds", table.query_timeout_seconds,
                                                CentralSettings.defaultQueryTimeout, CentralSettings.queryTimeoutRange),
                pullIntervalSeconds: try number("pull_interval_seconds", table.pull_interval_seconds,
                                                CentralSettings.defaultPullInterval, CentralSettings.pullIntervalRange),
                shop: shop)
        } catch let failure as CentralFailure {
            throw CLIError(message: failure.message, remedy: failure.remedy)
        }
    }
}
