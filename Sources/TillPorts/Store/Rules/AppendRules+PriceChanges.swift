import TillCore

/// The core's rule for price overrides and line discounts, in the sale's write transaction (as
/// refunds are against their ledger): a changed line must have been changed by someone who holds
/// the permission and stayed within `[sale]`'s approval threshold, or approved by someone who may
/// approve it. Roles come from the store's own user table and the rules from the last money
/// settings in the chain (the documented defaults before any), never from the record being
/// written, so a record made up outside the core gains nothing by claiming them. The approval a
/// line names covers that line's change only: each changed line is judged on its own amount.
extension AppendRules {
    static func checkPriceChanges(_ sale: SaleRecord, _ facts: some AppendFacts) throws {
        // Training sales are fiction, kept in the training journal, whose users live in the shop's.
        guard !sale.training else { return }
        let changed = sale.lines.filter { !$0.voided && ($0.originalUnitPrice != nil || $0.discount.minor != 0) }
        guard !changed.isEmpty else { return }
        let settings = try facts.moneySettings()
        let permissions = settings?.permissionTable ?? .standard
        let limits = settings?.policy.priceChange ?? PriceChangePolicy()
        let clerk = try facts.role(of: sale.clerk.code)
        for line in changed {
            // Out-of-range figures are refused before any arithmetic on them.
            let amounts = [line.unitPrice, line.discount] + (line.originalUnitPrice.map { [$0] } ?? [])
            guard amounts.allSatisfy(ValueLimits.contains(amount:)), ValueLimits.contains(quantity: line.quantity) else {
                throw AppendRefusal.priceChangeNotAuthorised(receipt: sale.receipt, line: line.lineNo, permission: .overridePrice,
                                                             amount: line.discount, approver: line.approvedBy)
            }
            let approver = try line.approvedBy.map { try facts.role(of: $0) } ?? nil
            if let original = line.originalUnitPrice {
                // In minor units: within the limits checked above nothing here can overflow.
                let catalog = Rounding.mulDivHalfAwayFromZero(original.minor, line.quantity.thousandths, 1000)
                let charged = Rounding.mulDivHalfAwayFromZero(line.unitPrice.minor, line.quantity.thousandths, 1000)
                let moved = Money(minor: Swift.abs(catalog - charged), currency: line.unitPrice.currency)
                try authorise(.overridePrice, moved: moved, limitMinor: limits.overrideApprovalAboveMinor,
                              clerk: clerk, approver: approver, permissions: permissions, sale, line)
            }
            if line.discount.minor != 0 {
                try authorise(.discountLine, moved: line.discount.magnitude, limitMinor: limits.discountApprovalAboveMinor,
                              clerk: clerk, approver: approver, permissions: permissions, sale, line)
            }
        }
    }

    /// The change is the clerk's own (holds `permission`, within the threshold, or may approve it
    /// anyway), or its approver may approve it.
    private static func authorise(_ permission: Permission, moved: Money, limitMinor: Int64, clerk: Role?, approver: Role?,
                                  permissions: RolePermissions, _ sale: SaleRecord, _ line: SaleLine) throws {
        if let clerk, permissions.allows(clerk, permission), moved.minor <= limitMinor { return }
        if let clerk, permissions.mayApprove(clerk, permission) { return }
        if let approver, permissions.mayApprove(approver, permission) { return }
        throw AppendRefusal.priceChangeNotAuthorised(receipt: sale.receipt, line: line.lineNo, permission: permission,
                                                     amount: moved, approver: line.approvedBy)
    }
}
