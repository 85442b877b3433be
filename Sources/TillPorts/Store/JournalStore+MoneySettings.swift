import TillCore

/// A store that keeps the money settings in its chain and re-checks, inside its write
/// transaction, what they permit (price overrides and discounts: who may, and up to how much).
/// The runtime records the settings it runs under as it starts, so the store judges every sale
/// by the rules the core applied to it, however the till was started.
public protocol MoneySettingsRecorder {
    /// Records `settings` as a chained entry when they differ from the last recorded; returns whether they did.
    @discardableResult
    func recordMoneySettings(_ settings: MoneySettings) throws -> Bool
}
