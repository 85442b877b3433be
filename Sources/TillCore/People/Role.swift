/// What a signed-in person is. Each role maps to a set of permissions (`RolePermissions`),
/// which a shop can change in its configuration.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
    case clerk, supervisor, trainer, technician, admin
}

/// Something a person may be allowed to do at the till.
public enum Permission: String, Hashable, Sendable, Codable, CaseIterable {
    case sell
    case voidLine
    case changeQuantity
    case overridePrice
    case discountLine
    case postVoid
    case refundWithReceipt
    case blindReturn
    /// Approve another person's action that policy sends to a supervisor.
    case approve
    case openDrawer
    case reprint
    case xReport
    case zReport
    case manageShift
    /// Add users, change their roles, clear a wrong-PIN lock (`till user add`, `till user unlock`).
    case manageUsers
    /// Replace or change the catalog (`till catalog import`).
    case importCatalog
    case runTraining
    case testHardware
}

/// The permissions each role has. Defaults below; the configuration file may replace a role's set.
public struct RolePermissions: Hashable, Sendable, Codable {
    public var table: [Role: Set<Permission>]

    public init(table: [Role: Set<Permission>]) { self.table = table }

    public func allows(_ role: Role, _ permission: Permission) -> Bool {
        table[role]?.contains(permission) ?? false
    }

    /// True when `role` may approve someone else's `permission`: it must hold both `approve` and
    /// the permission itself (nobody approves what they could not do).
    public func mayApprove(_ role: Role, _ permission: Permission) -> Bool {
        allows(role, .approve) && allows(role, permission)
    }

    public static let standard: RolePermissions = {
        // A clerk may start a post-void; the policy sends every post-void to an approver who
        // holds `postVoid` and `approve` (see `PermissionRule`).
        let clerk: Set<Permission> = [.sell, .voidLine, .changeQuantity, .refundWithReceipt, .blindReturn,
                                      .postVoid, .reprint, .manageShift]
        let supervisor = clerk.union([.overridePrice, .discountLine, .approve, .openDrawer,
                                      .xReport, .zReport])
        return RolePermissions(table: [
            .clerk: clerk,
            .supervisor: supervisor,
            .trainer: clerk.union([.runTraining, .xReport]),
            .technician: [.testHardware, .openDrawer],
            .admin: Set(Permission.allCases),
        ])
    }()
}
