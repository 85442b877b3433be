extension RegisterState {
    /// How far a price override moves a line's amount from the catalog price, at `quantity`.
    static func overrideMoves(_ line: SaleLine, price: Money, quantity: Quantity) -> Money {
        let catalog = (line.originalUnitPrice ?? line.unitPrice).scaled(by: quantity.thousandths, over: 1000)
        let change = catalog - price.scaled(by: quantity.thousandths, over: 1000)
        return change.minor < 0 ? change.negated : change
    }

    /// Who approves a price override moving a line by `moved`: the clerk alone when they hold
    /// `overridePrice` and it is within `sale.price_override_approval_above`, else a supervisor
    /// (nil after asking for one).
    mutating func requirePriceOverrideApproval(_ moved: Money, resume: RegisterAction, _ step: inout Step) -> User? {
        let limit = money(config.policy.priceChange.overrideApprovalAboveMinor)
        return requireApproval(moved > limit ? .overLimit(limit: .priceOverride, limitAmount: limit, amount: moved) : .priceOverride,
                               for: .overridePrice, selfService: moved <= limit, amount: moved, resume: resume, &step)
    }

    /// A new quantity on a line whose price was overridden or discounted: the override's worth
    /// grows with the quantity, so it is approved again as if made now (an approval for one mug
    /// at 9.00 is not one for a hundred); a discount never exceeds the line's new amount.
    /// Returns false after refusing or asking for a supervisor; `line.approvedBy` is updated
    /// when a supervisor approved the larger override.
    mutating func checkPriceChangeHolds(_ line: inout SaleLine, newQuantity: Quantity, resume: RegisterAction,
                                        _ step: inout Step) -> Bool {
        let extended = line.unitPrice.scaled(by: newQuantity.thousandths, over: 1000)
        guard line.discount <= extended else {
            step.refuse(.discountTooLarge(line: line.lineNo, discount: line.discount, amount: extended))
            return false
        }
        guard line.originalUnitPrice != nil, newQuantity > line.quantity else { return true }
        let moved = Self.overrideMoves(line, price: line.unitPrice, quantity: newQuantity)
        guard let approver = requirePriceOverrideApproval(moved, resume: resume, &step) else { return false }
        if approver.code != user?.code { line.approvedBy = approver.code }
        return true
    }
}
