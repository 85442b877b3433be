extension RolePermissions {
    /// The table as names (role → permission names, sorted): how the journal's chained money
    /// settings keep it (`permissions`), so the journal can check who may sign an X or Z.
    public var namesByRole: [String: [String]] {
        Dictionary(uniqueKeysWithValues: table.map { role, granted in (role.rawValue, granted.map(\.rawValue).sorted()) })
    }

    /// The table from `namesByRole`; names it does not know are left out (they grant nothing).
    public init(namesByRole: [String: [String]]) {
        var table: [Role: Set<Permission>] = [:]
        for (role, names) in namesByRole {
            guard let role = Role(rawValue: role) else { continue }
            table[role] = Set(names.compactMap(Permission.init(rawValue:)))
        }
        self.init(table: table)
    }
}
