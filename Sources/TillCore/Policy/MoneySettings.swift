/// The settings money depends on — refund window and limits, blind-return rules, lockout,
/// permissions, cash rounding, currency and till — as recorded in the journal's chain when they
/// change (`JournalDatabase.recordMoneySettings`). Shop name, languages and printer are not money.
/// The journal reads them back to re-check, inside its write transaction, what they permit.
public struct MoneySettings: Codable, Hashable, Sendable {
    public var till: String
    public var currency: String
    /// The policy without its permission table, which is encoded below in a fixed order (a Set
    /// encodes in a different order in every process).
    public var policy: StorePolicy
    public var permissions: [String: [String]]
    public var cashRounding: CashRounding
    public var utcOffsetSeconds: Int64

    public init(_ config: RegisterConfig) {
        till = config.till
        currency = config.currency.code
        policy = config.policy
        policy.permissions = RolePermissions(table: [:])
        permissions = config.policy.permissions.namesByRole
        cashRounding = config.cashRounding
        utcOffsetSeconds = config.utcOffsetSeconds // the refund window counts local days
    }

    /// The permission table as recorded (a role or permission this version does not know counts for nothing).
    public var permissionTable: RolePermissions {
        var table: [Role: Set<Permission>] = [:]
        for (name, granted) in permissions {
            guard let role = Role(rawValue: name) else { continue }
            table[role] = Set(granted.compactMap(Permission.init(rawValue:)))
        }
        return RolePermissions(table: table)
    }
}
