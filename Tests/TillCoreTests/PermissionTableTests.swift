import Testing
@testable import TillCore

/// Every action that moves money or changes what is kept, for every role: the core does it only
/// when the role holds the permission the table names, and otherwise refuses naming it.
@Suite struct PermissionTableTests {
    enum Context { case idle, selling, findingRefund, findingVoid, refunding, blindReturn, voiding }

    /// Each action, where it is done, and the permission it needs (the table, written out).
    static let actions: [(RegisterAction, Context, PermissionRule)] = [
        (.shiftOpenRequested(float: Money(minor: 0, currency: .cny)), .idle, .holds(.manageShift)),
        // Issue 12: a supervisor approves a clerk's X or Z at the clerk's till.
        (.reportRequested(.x), .idle, .holdsOrApproved(.xReport)),
        (.reportRequested(.z), .idle, .holdsOrApproved(.zReport)),
        (.codeEntered("MUG", quantity: nil), .idle, .holds(.sell)),
        (.refundStarted, .idle, .holds(.refundWithReceipt)),
        (.postVoidStarted, .idle, .holds(.postVoid)),
        (.blindReturnStarted, .idle, .holds(.blindReturn)),
        (.reprintRequested(reference: "S01-000001"), .idle, .holds(.reprint)),
        (.drawerOpenRequested, .idle, .holds(.openDrawer)),
        (.codeEntered("MUG", quantity: nil), .selling, .holds(.sell)),
        (.quantityChanged(line: 1, .each(2)), .selling, .holds(.changeQuantity)),
        (.priceOverridden(line: 1, Money(minor: 500, currency: .cny)), .selling, .holdsOrApproved(.overridePrice)),
        (.lineDiscounted(line: 1, Money(minor: 100, currency: .cny)), .selling, .holdsOrApproved(.discountLine)),
        (.lineVoided(line: 1), .selling, .holds(.voidLine)),
        (.tendered(.cash, amount: nil, reference: nil), .selling, .holds(.sell)),
        (.receiptEntered("S01-000001"), .findingRefund, .holds(.refundWithReceipt)),
        (.receiptEntered("S01-000001"), .findingVoid, .holds(.postVoid)),
        (.refundQuantitySet(line: 1, .one), .refunding, .holds(.refundWithReceipt)),
        (.quantityChanged(line: 1, .one), .refunding, .holds(.refundWithReceipt)),
        (.codeEntered("MUG", quantity: nil), .refunding, .holds(.refundWithReceipt)),
        (.reasonChosen(code: "DAMAGED"), .refunding, .holds(.refundWithReceipt)),
        (.refundTenderChosen(.storeCredit, reference: nil), .refunding, .holds(.refundWithReceipt)),
        (.confirmed, .refunding, .holds(.refundWithReceipt)),
        (.codeEntered("MUG", quantity: nil), .blindReturn, .holds(.blindReturn)),
        (.reasonChosen(code: "DAMAGED"), .blindReturn, .holds(.blindReturn)),
        (.refundTenderChosen(.cash, reference: nil), .blindReturn, .holds(.blindReturn)),
        (.customerReferenceEntered("C-1"), .blindReturn, .holds(.blindReturn)),
        (.confirmed, .blindReturn, .holds(.blindReturn)),
        (.reasonChosen(code: "MISTAKE"), .voiding, .holds(.postVoid)),
        (.confirmed, .voiding, .holds(.postVoid)),
    ]

    /// A till in `context`, set up by the admin, then handed to someone of `role`.
    func till(_ context: Context, role: Role) -> TestTill {
        var till = TestTill()
        till.users["9001"] = (User(code: "9001", name: "Admin", role: .admin), "9999")
        till.signInAndOpenShift("9001")
        let receipt = till.sell([("MUG", nil)])
        switch context {
        case .idle: break
        case .selling: till.send(.codeEntered("MUG", quantity: nil))
        case .findingRefund: till.send(.refundStarted)
        case .findingVoid: till.send(.postVoidStarted)
        case .refunding:
            till.startRefund(receipt)
            till.send(.refundQuantitySet(line: 1, .one))
            till.send(.reasonChosen(code: "DAMAGED"))
        case .blindReturn:
            till.send(.blindReturnStarted)
            till.send(.codeEntered("MUG", quantity: nil))
            till.send(.reasonChosen(code: "DAMAGED"))
        case .voiding:
            till.send(.postVoidStarted)
            till.send(.receiptEntered(receipt))
            till.send(.reasonChosen(code: "MISTAKE"))
        }
        // Someone the journal knows (it checks who signs an X or Z against its own users).
        let someone = User(code: "7\(role.rawValue.count)\(role.rawValue.prefix(1))", name: "Someone", role: role)
        till.users[someone.code] = (someone, "7777")
        till.state.user = someone
        till.events = []
        return till
    }

    @Test func everyActionForEveryRoleFollowsTheTable() {
        let table = RolePermissions.standard
        for (action, context, rule) in Self.actions {
            let start = till(context, role: .admin)
            #expect(action.permissionRule(during: start.state.activity) == rule, "\(action) in \(context)")
            guard let permission = rule.permission else { continue }
            for role in Role.allCases {
                var t = till(context, role: role)
                let before = t.state
                let recordsBefore = t.records.count
                t.send(action)
                if action == .reportRequested(.z), !table.allows(role, permission) {
                    // The Z asks for its supervisor once the drawer is counted and the close confirmed.
                    t.send(.cashCounted(.total(t.cny(20_000))))
                    t.send(.confirmed)
                }
                let refused = t.refusals.contains(.notPermitted(role: role, permission: permission))
                let approvalAsked = t.refusals.contains { if case .supervisorRequired = $0 { return true } else { return false } }
                if table.allows(role, permission) {
                    #expect(!refused, "\(role) holds \(permission) but was refused \(action)")
                } else if case .holdsOrApproved = rule {
                    // Without the permission, a supervisor must approve: nothing changes until then.
                    #expect(approvalAsked, "\(role) lacks \(permission): \(action) must ask for a supervisor")
                    #expect(t.state.activity == before.activity)
                } else {
                    #expect(refused, "\(role) lacks \(permission) but was not refused \(action): \(t.refusals)")
                    #expect(t.state.activity == before.activity && t.state.shift == before.shift)
                    #expect(t.records.count == recordsBefore, "\(role) without \(permission) wrote a record doing \(action)")
                }
            }
        }
    }

    @Test func commandLineOperationsNameTheirPermission() {
        #expect(TillOperation.addUser.permission == .manageUsers)
        #expect(TillOperation.unlockUser.permission == .manageUsers)
        #expect(TillOperation.importCatalog.permission == .importCatalog)
        for operation in TillOperation.allCases {
            #expect(RolePermissions.standard.allows(.admin, operation.permission))
            #expect(!RolePermissions.standard.allows(.clerk, operation.permission))
        }
    }

    @Test func anApproverMustHoldApproveAndThePermissionApproved() {
        var table = RolePermissions.standard
        #expect(table.mayApprove(.supervisor, .postVoid))
        #expect(!table.mayApprove(.clerk, .postVoid))
        table.table[.supervisor]?.remove(.postVoid)
        #expect(!table.mayApprove(.supervisor, .postVoid))
    }
}
