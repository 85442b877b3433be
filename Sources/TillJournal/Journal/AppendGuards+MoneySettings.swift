import GRDB
import TillCore

extension AppendGuards {
    /// The money settings last recorded in the chain, the one way every guard reads them (the
    /// permission table for X/Z signers and price changes, the price-change thresholds); nil when
    /// none were recorded or they do not decode as `MoneySettings` (another version's, or a
    /// test's partial table), and the guards then apply the documented defaults.
    static func recordedMoneySettings(_ db: Database) throws -> MoneySettings? {
        guard let text = try String.fetchOne(db, cachedSQL: "SELECT settings FROM moneyConfiguration WHERE id = 1") else { return nil }
        return try? CanonicalJSON.decode(MoneySettings.self, from: text)
    }
}
