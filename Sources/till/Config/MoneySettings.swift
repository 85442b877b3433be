import TillCore

/// The settings money depends on — refund window and limits, blind-return rules, lockout,
/// permissions, cash rounding, currency and till — as recorded in the journal's chain when they
/// change (`JournalDatabase.recordMoneySettings`). Shop name, languages and printer are not money.
struct MoneySettings: Encodable {
    var till: String
    var currency: String
    /// The policy without its permission table, which is encoded below in a fixed order (a Set
    /// encodes in a different order in every process).
    var policy: StorePolicy
    var permissions: [String: [String]]
    var cashRounding: CashRounding
    var utcOffsetSeconds: Int64

    init(_ config: RegisterConfig) {
        till = config.till
        currency = config.currency.code
        policy = config.policy
        policy.permissions = RolePermissions(table: [:])
        permissions = config.policy.permissions.namesByRole
        cashRounding = config.cashRounding
        utcOffsetSeconds = config.utcOffsetSeconds // the refund window counts local days
    }
}
